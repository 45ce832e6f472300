import { getDb } from "@/db/client";
import { listQualityScoresByModel } from "@/db/queries/quality";
import { type PreparedEntry, prepareEntries } from "../../read/query";
import type { CatalogData } from "../../read/served";
import { type ApiScore, type ModelQuality, toApiScore } from "../read";
import { type TableQuality, toTableQuality } from "./scores";
import { type Disagreement, findDisagreements, type Standing, standingsByModel } from "./standing";

export interface QualityView {
  /** Per model: the API's `quality` object. */
  summary: Map<string, ModelQuality>;
  /** Per model: the same scores as the table and charts use them. */
  table: Map<string, TableQuality>;
  /** The catalog's entries with their models' quality, for the API's filters and sort. */
  prepared: PreparedEntry[];
  /** Per model: its rank on each benchmark among the scored catalog models. */
  standings: Map<string, Standing[]>;
}

/**
 * Table, chart and rank views of the quality summary the catalog built when it loaded, worked out once per catalog:
 * scores change only when the catalog is loaded or synced, which gives a new catalog object.
 */
const views = new WeakMap<CatalogData, Promise<QualityView>>();

export function getQualityView(catalog: CatalogData): Promise<QualityView> {
  let view = views.get(catalog);
  if (!view) {
    view = Promise.resolve(catalog.quality).then((summary) => {
      const table = new Map([...summary].map(([modelId, quality]) => [modelId, toTableQuality(quality)]));
      const prepared = prepareEntries(catalog.entries, (modelId) => table.get(modelId) ?? null);
      return { summary, table, prepared, standings: standingsByModel(table) };
    });
    view.catch(() => views.delete(catalog));
    views.set(catalog, view);
  }
  return view;
}

export interface ModelQualityDetail {
  quality: ModelQuality | null;
  standings: Standing[];
  disagreements: Disagreement[];
  /** Every stored score row of the model, oldest first (append-only). */
  history: (ApiScore & { observedAt: string })[];
}

/** What the model page shows about quality: current scores, ranks by source, conflicts and history. */
export async function getModelQualityDetail(
  catalog: CatalogData,
  modelId: string,
): Promise<ModelQualityDetail> {
  const [view, rows] = await Promise.all([
    getQualityView(catalog),
    getDb().then((db) => listQualityScoresByModel({ db, modelId })),
  ]);
  const standings = view.standings.get(modelId) ?? [];
  return {
    quality: view.summary.get(modelId) ?? null,
    standings,
    disagreements: findDisagreements(standings),
    history: rows.map((row) => ({ ...toApiScore(row), observedAt: row.observedAt.toISOString() })),
  };
}
