import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { type CatalogWrite, listCatalogTables, readCatalogMeta, upsertCatalog } from "@/db/queries/catalog";
import type { NewEditorialFact, NewPriceObservation, PriceObservation } from "@/db/schema";
import { utcDay } from "@/lib/dates";
import { guidePriceObservations, guideSources, modelFacts } from "../guides";
import { buildEditorialLinks } from "../guides/catalog-links";
import { ensureBundledQuality } from "../quality/store";
import type { CatalogSnapshot, OfferingPrice } from "../schema";
import { loadSnapshot } from "./snapshot";

/**
 * Turns a snapshot (the committed one, or one fetched by catalog:sync) into database writes.
 * History is append-only: a price that differs from the current one becomes a new observation,
 * dated by its source when the source dates it, else by the snapshot's as-of date.
 */

export const PACKAGE_SOURCES = new Set(["genai-prices", "models.dev"]);
export const APPLIED_META_KEY = "appliedSnapshot";

export interface AppliedSnapshotMeta {
  generatedAt: string;
  asOf: string;
  sources: CatalogSnapshot["sources"];
  origin: "bundled" | "sync";
  editorialHash: string;
}

export function fingerprint(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** The observation in force on `today` among an offering's package-source observations. */
export function currentObservation(
  rows: readonly Pick<PriceObservation, "effectiveFrom" | "source" | "observedAt" | "id">[],
  today: string,
): number | null {
  let best: number | null = null;
  rows.forEach((row, index) => {
    if (!PACKAGE_SOURCES.has(row.source)) return;
    if (row.effectiveFrom !== null && row.effectiveFrom > today) return;
    const current = best === null ? null : rows[best];
    if (!current) {
      best = index;
      return;
    }
    const a = row.effectiveFrom ?? "";
    const b = current.effectiveFrom ?? "";
    if (a > b || (a === b && row.observedAt.getTime() >= current.observedAt.getTime())) best = index;
  });
  return best;
}

/** JSON with sorted keys: jsonb reorders keys, so stored and fresh prices must compare canonically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

function priceKey(price: OfferingPrice): string {
  return canonicalJson(price);
}

function observationFor(
  offeringId: string,
  price: OfferingPrice,
  source: string,
  sourceDate: string,
  effectiveFrom: string | null,
  note: string | null,
): NewPriceObservation {
  return {
    offeringId,
    effectiveFrom,
    source,
    sourceDate,
    inputPerMTok: price.inputPerMTok,
    outputPerMTok: price.outputPerMTok,
    cacheReadPerMTok: price.cacheReadPerMTok,
    cacheWritePerMTok: price.cacheWritePerMTok,
    rules: price,
    note,
    fingerprint: fingerprint(effectiveFrom, priceKey(price)),
  };
}

export function editorialHash(): string {
  return fingerprint(
    modelFacts.map((fact) => fact.id),
    guidePriceObservations().length,
  );
}

export interface ExistingCatalog {
  offeringIds: Set<string>;
  removedIds: Set<string>;
  /** Current package-source price per offering, as stored. */
  currentPrice: Map<string, string>;
}

export function emptyExisting(): ExistingCatalog {
  return { offeringIds: new Set(), removedIds: new Set(), currentPrice: new Map() };
}

/** The guides' facts as rows of the editorial table. */
function editorialRows(): NewEditorialFact[] {
  return modelFacts.map((fact) => ({
    id: fact.id,
    subjectType: fact.model ? "model" : "provider",
    subjectId: fact.model ?? fact.provider,
    kind: fact.kind,
    text: fact.quote,
    data: fact,
    source: fact.source,
    sourceDate: fact.sourceDate,
  }));
}

/**
 * The buying guides' dated prices as observations of every offering of the models they price, at the
 * provider they name: the offerings given are those of the catalog being written.
 */
function guideObservations(
  offerings: readonly { id: string; providerId: string; modelId: string }[],
): NewPriceObservation[] {
  const observations: NewPriceObservation[] = [];
  const offeringIdsByRef = new Map<string, string[]>();
  for (const offering of offerings) {
    const key = `${offering.providerId}|${offering.modelId}`;
    offeringIdsByRef.set(key, [...(offeringIdsByRef.get(key) ?? []), offering.id]);
  }
  const links = buildEditorialLinks(offerings);
  for (const guide of guidePriceObservations()) {
    if (guide.inputPerMTok === null && guide.outputPerMTok === null) continue;
    const canonicalIds = [...(links.canonicalIdsByEditorial.get(guide.model) ?? [])];
    const offeringIds = canonicalIds.flatMap(
      (modelId) => offeringIdsByRef.get(`${guide.provider}|${modelId}`) ?? [],
    );
    for (const offeringId of offeringIds) {
      observations.push({
        offeringId,
        effectiveFrom: guide.effectiveFrom,
        source: guide.source,
        sourceDate: guide.sourceDate,
        inputPerMTok: guide.inputPerMTok,
        outputPerMTok: guide.outputPerMTok,
        cacheReadPerMTok: null,
        cacheWritePerMTok: null,
        rules: { basis: guide.basis, modelName: guide.modelName },
        note: guide.note,
        fingerprint: fingerprint(
          guide.source,
          guide.provider,
          guide.model,
          guide.effectiveFrom,
          guide.inputPerMTok,
          guide.outputPerMTok,
        ),
      });
    }
  }
  return observations;
}

export function planCatalogWrite(
  snapshot: CatalogSnapshot,
  existing: ExistingCatalog,
  origin: "bundled" | "sync",
): CatalogWrite & { changedPrices: string[]; newOfferings: string[] } {
  const sourceAsOf = new Map(snapshot.sources.map((source) => [source.id, source.asOf]));
  const observations: NewPriceObservation[] = [];
  const changedPrices: string[] = [];
  const historyByOffering = new Map<string, CatalogSnapshot["priceHistory"]>();
  for (const row of snapshot.priceHistory) {
    const list = historyByOffering.get(row.offeringId) ?? [];
    list.push(row);
    historyByOffering.set(row.offeringId, list);
  }

  for (const offering of snapshot.offerings) {
    if (!offering.price || !offering.priceSource) continue;
    const sourceDate = offering.priceAsOf ?? sourceAsOf.get(offering.priceSource) ?? snapshot.asOf;
    for (const row of historyByOffering.get(offering.id) ?? []) {
      observations.push(
        observationFor(offering.id, row.price, row.source, sourceDate, row.effectiveFrom, row.note),
      );
    }
    const stored = existing.currentPrice.get(offering.id);
    const changed = stored !== undefined && stored !== priceKey(offering.price);
    // An undated change gets the snapshot's date so it sorts after what it replaces.
    const effectiveFrom = offering.priceEffectiveFrom ?? (changed ? snapshot.asOf : null);
    if (changed) changedPrices.push(offering.id);
    // An unchanged current price needs no row: the one in force already says the same.
    if (stored === undefined || changed) {
      observations.push(
        observationFor(offering.id, offering.price, offering.priceSource, sourceDate, effectiveFrom, null),
      );
    }
  }

  observations.push(...guideObservations(snapshot.offerings));

  const editorial = editorialRows();

  const snapshotIds = new Set(snapshot.offerings.map((offering) => offering.id));
  const removedOfferingIds = [...existing.offeringIds].filter(
    (id) => !snapshotIds.has(id) && !existing.removedIds.has(id),
  );
  const newOfferings = snapshot.offerings
    .filter((offering) => !existing.offeringIds.has(offering.id))
    .map((o) => o.id);

  const meta: AppliedSnapshotMeta = {
    generatedAt: snapshot.generatedAt,
    asOf: snapshot.asOf,
    sources: snapshot.sources,
    origin,
    editorialHash: editorialHash(),
  };

  return {
    providers: snapshot.providers.map((provider) => ({
      id: provider.id,
      name: provider.name,
      website: provider.website,
      pricingUrl: provider.pricingUrl,
      docsUrl: provider.docsUrl,
      envKey: provider.envKey,
    })),
    models: snapshot.models.map((model) => ({
      id: model.id,
      name: model.name,
      creator: model.creator,
      family: model.family,
      openWeights: model.openWeights,
      releaseDate: model.releaseDate,
      knowledgeCutoff: model.knowledgeCutoff,
    })),
    offerings: snapshot.offerings.map((offering) => ({
      id: offering.id,
      providerId: offering.providerId,
      modelId: offering.modelId,
      providerModelId: offering.providerModelId,
      name: offering.name,
      contextWindow: offering.contextWindow,
      maxOutputTokens: offering.maxOutputTokens,
      inputModalities: offering.modalities.input,
      outputModalities: offering.modalities.output,
      toolCall: offering.toolCall,
      reasoning: offering.reasoning,
      structuredOutput: offering.structuredOutput,
      attachment: offering.attachment,
      openWeights: offering.openWeights,
      releaseDate: offering.releaseDate,
      knowledgeCutoff: offering.knowledgeCutoff,
      deprecated: offering.deprecated,
      capabilitySource: offering.capabilitySource,
    })),
    removedOfferingIds,
    observations,
    editorial,
    meta: { [APPLIED_META_KEY]: meta, guideSources },
    changedPrices,
    newOfferings,
  };
}

/** Reads what the database holds now, for diffing against a new snapshot. */
export async function readExistingCatalog(db: Db, today: string): Promise<ExistingCatalog> {
  const tables = await listCatalogTables({ db });
  const existing = emptyExisting();
  for (const offering of tables.offerings) {
    existing.offeringIds.add(offering.id);
    if (offering.removedAt) existing.removedIds.add(offering.id);
  }
  const byOffering = new Map<string, PriceObservation[]>();
  for (const row of tables.observations) {
    const list = byOffering.get(row.offeringId) ?? [];
    list.push(row);
    byOffering.set(row.offeringId, list);
  }
  for (const [offeringId, rows] of byOffering) {
    const index = currentObservation(rows, today);
    const row = index === null ? undefined : rows[index];
    if (row?.rules) existing.currentPrice.set(offeringId, canonicalJson(row.rules));
  }
  return existing;
}

export interface ApplyResult {
  applied: boolean;
  reason: string;
  offerings: number;
  newOfferings: string[];
  removedOfferings: string[];
  changedPrices: string[];
  observationsAdded: number;
}

export async function applySnapshot(
  db: Db,
  snapshot: CatalogSnapshot,
  origin: "bundled" | "sync",
  today = utcDay(Date.now()),
): Promise<ApplyResult> {
  const existing = await readExistingCatalog(db, today);
  const plan = planCatalogWrite(snapshot, existing, origin);
  const { observationsAdded } = await upsertCatalog({ db, write: plan });
  return {
    applied: true,
    reason: origin === "bundled" ? "bundled snapshot loaded" : "sync applied",
    offerings: plan.offerings.length,
    newOfferings: existing.offeringIds.size === 0 ? [] : plan.newOfferings,
    removedOfferings: plan.removedOfferingIds,
    changedPrices: plan.changedPrices,
    observationsAdded,
  };
}

/**
 * Writes only what the buying guides give (their facts and their dated prices) when they changed but
 * the catalog in the database is as new as the bundled snapshot or newer (a sync wrote it): the
 * snapshot's offerings and prices are left alone, so nothing a sync added is rolled back or marked
 * removed. The guides' prices attach to the offerings the database lists now, a sync's new ones too.
 */
async function applyGuides(db: Db, applied: AppliedSnapshotMeta): Promise<ApplyResult> {
  const { offerings: current } = await listCatalogTables({ db });
  const { observationsAdded } = await upsertCatalog({
    db,
    write: {
      providers: [],
      models: [],
      offerings: [],
      removedOfferingIds: [],
      observations: guideObservations(current.filter((offering) => offering.removedAt === null)),
      editorial: editorialRows(),
      meta: { [APPLIED_META_KEY]: { ...applied, editorialHash: editorialHash() }, guideSources },
    },
  });
  return {
    applied: true,
    reason: "buying guides reloaded",
    offerings: 0,
    newOfferings: [],
    removedOfferings: [],
    changedPrices: [],
    observationsAdded,
  };
}

/**
 * Loads the committed snapshot at first start and after an upgrade ships a newer one. A snapshot
 * older than what a sync already wrote is skipped, so a restart never rolls prices back; if only the
 * guides changed, only they are written (applyGuides).
 */
export async function ensureBundledCatalog(db: Db): Promise<ApplyResult | null> {
  const snapshot = loadSnapshot();
  const applied = (await readCatalogMeta({ db, key: APPLIED_META_KEY })) as AppliedSnapshotMeta | null;
  const guidesCurrent = applied !== null && applied.editorialHash === editorialHash();
  let result: ApplyResult | null = null;
  if (applied === null || applied.generatedAt < snapshot.generatedAt) {
    result = await applySnapshot(db, snapshot, "bundled");
  } else if (!guidesCurrent) {
    result = await applyGuides(db, applied);
  }
  // Scores attach to models, so they load after the catalog that defines them.
  await ensureBundledQuality(db);
  return result;
}
