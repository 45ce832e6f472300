import { getDb } from "@/db/client";
import { listQualityScores } from "@/db/queries/quality";
import { type PreparedEntry, prepareEntries } from "../../query";
import type { CatalogData } from "../../service";
import { type ModelQuality, summarizeQuality } from "../read";
import { type TableQuality, toTableQuality } from "./scores";

export interface QualityView {
  /** Per model: the API's `quality` object. */
  summary: Map<string, ModelQuality>;
  /** Per model: the same scores as the table and charts use them. */
  table: Map<string, TableQuality>;
  /** The catalog's entries with their models' quality, for the API's filters and sort. */
  prepared: PreparedEntry[];
}

/**
 * Quality of every scored model, worked out once per loaded catalog rather than on every request:
 * scores change only when the catalog is loaded or synced, which gives a new catalog object.
 */
const views = new WeakMap<CatalogData, Promise<QualityView>>();

export function getQualityView(catalog: CatalogData): Promise<QualityView> {
  let view = views.get(catalog);
  if (!view) {
    view = getDb()
      .then((db) => listQualityScores({ db }))
      .then((rows) => {
        const summary = summarizeQuality(rows);
        const table = new Map([...summary].map(([modelId, quality]) => [modelId, toTableQuality(quality)]));
        const prepared = prepareEntries(catalog.entries, (modelId) => table.get(modelId) ?? null);
        return { summary, table, prepared };
      });
    view.catch(() => views.delete(catalog));
    views.set(catalog, view);
  }
  return view;
}
