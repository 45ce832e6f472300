import { getDb } from "@/db/client";
import { listEditorialFactsBySubjects } from "@/db/queries/catalog";
import type { PriceObservation } from "@/db/schema";
import { utcDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { trimDecimal } from "@/lib/format";
import { editorialModels, findGuideConflicts, type GuideConflict } from "../guides";
import { buildEditorialLinks } from "../guides/catalog-links";
import type { CatalogEntry, OfferingPrice } from "../schema";
import { currentObservation, PACKAGE_SOURCES } from "../store/load";
import { type CatalogData, getCatalog } from "./served";

/** One stored price observation as the model page shows it: when it was recorded, as an ISO string. */
export type PriceHistoryPoint = Pick<
  PriceObservation,
  "effectiveFrom" | "source" | "sourceDate" | "inputPerMTok" | "outputPerMTok" | "cacheReadPerMTok" | "note"
> & {
  observedAt: string;
  current: boolean;
  kind: "data" | "guide";
};

/** A guide's price that differs from the current data price, shown side by side with both dates. */
export interface PriceConflict {
  field: "input" | "output";
  current: { value: string | null; source: string | null; date: string | null };
  other: { value: string; source: string; date: string | null; note: string | null };
}

export interface EditorialNote {
  id: string;
  kind: string;
  subject: string;
  quote: string;
  data: Record<string, unknown>;
  source: string;
  sourceDate: string;
}

export interface OfferingDetail {
  entry: CatalogEntry;
  price: OfferingPrice | null;
  history: PriceHistoryPoint[];
  conflicts: PriceConflict[];
  /** Every offering of the same model, this one included. */
  offerings: CatalogEntry[];
  editorialModelId: string | null;
  editorial: EditorialNote[];
  guideConflicts: GuideConflict[];
}

function toPoint(row: PriceObservation, current: boolean): PriceHistoryPoint {
  return {
    effectiveFrom: row.effectiveFrom,
    observedAt: row.observedAt.toISOString(),
    source: row.source,
    sourceDate: row.sourceDate,
    inputPerMTok: row.inputPerMTok === null ? null : trimDecimal(row.inputPerMTok),
    outputPerMTok: row.outputPerMTok === null ? null : trimDecimal(row.outputPerMTok),
    cacheReadPerMTok: row.cacheReadPerMTok === null ? null : trimDecimal(row.cacheReadPerMTok),
    note: row.note,
    current,
    kind: PACKAGE_SOURCES.has(row.source) ? "data" : "guide",
  };
}

export function priceHistoryOf(catalog: CatalogData, offeringId: string, today: string): PriceHistoryPoint[] {
  const rows = catalog.observations.get(offeringId) ?? [];
  const currentIndex = currentObservation(rows, today);
  return rows.map((row, index) => toPoint(row, index === currentIndex));
}

export function priceConflicts(entry: CatalogEntry, history: readonly PriceHistoryPoint[]): PriceConflict[] {
  const conflicts: PriceConflict[] = [];
  for (const point of history) {
    if (point.kind !== "guide") continue;
    for (const field of ["input", "output"] as const) {
      const guideValue = field === "input" ? point.inputPerMTok : point.outputPerMTok;
      const currentValue = field === "input" ? entry.inputPerMTok : entry.outputPerMTok;
      if (guideValue === null || guideValue === currentValue) continue;
      conflicts.push({
        field,
        current: { value: currentValue, source: entry.priceSource, date: entry.priceAsOf },
        other: { value: guideValue, source: point.source, date: point.sourceDate, note: point.note },
      });
    }
  }
  return conflicts;
}

/** One offering's page: its row, the same model at other providers, prices, history and the guides' notes. */
export async function getOfferingDetail(id: string, catalog?: CatalogData): Promise<OfferingDetail> {
  catalog ??= await getCatalog();
  const entry = catalog.byId.get(id);
  if (!entry) {
    throw new AppError(
      "not_found:catalog",
      `No model with id "${id}" in the catalog. Ids look like "openai/gpt-4o".`,
    );
  }
  const today = utcDay(Date.now());
  const history = priceHistoryOf(catalog, id, today);
  const siblings = (catalog.offeringIdsByModel.get(entry.modelId) ?? [])
    .map((offeringId) => catalog.byId.get(offeringId))
    .filter((sibling): sibling is CatalogEntry => sibling !== undefined);

  const links = buildEditorialLinks(catalog.entries);
  const editorialModelId = links.editorialIdByCanonical.get(entry.modelId) ?? null;
  const vendor = editorialModels.find((model) => model.model === editorialModelId)?.vendor;
  const subjects = [editorialModelId, entry.provider, vendor].filter((value): value is string =>
    Boolean(value),
  );
  const facts = await listEditorialFactsBySubjects({ db: await getDb(), subjectIds: [...new Set(subjects)] });
  const editorial = facts
    // Provider-wide facts apply to the provider itself or the model's maker, never to another model.
    .filter((fact) => (fact.subjectType === "model" ? fact.subjectId === editorialModelId : true))
    .map((fact) => ({
      id: fact.id,
      kind: fact.kind,
      subject: fact.subjectId,
      quote: fact.text,
      data: (fact.data ?? {}) as Record<string, unknown>,
      source: fact.source,
      sourceDate: fact.sourceDate,
    }));

  return {
    entry,
    price: catalog.prices.get(id) ?? null,
    history,
    conflicts: priceConflicts(entry, history),
    offerings: siblings,
    editorialModelId,
    editorial,
    guideConflicts: editorialModelId
      ? findGuideConflicts().filter((conflict) => conflict.model === editorialModelId)
      : [],
  };
}
