import { editorialModels } from "./load-data";

/** Maps a canonical id or any catalog id (genai-prices or tokenlens) to the canonical editorial id. */
export function resolveEditorialModelId(modelId: string): string | undefined {
  const wanted = modelId.toLowerCase();
  for (const entry of editorialModels) {
    if (entry.model === wanted) return entry.model;
    const catalogIds = [...entry.genaiPrices, ...entry.tokenlens].map((id) => id.model.toLowerCase());
    if (catalogIds.includes(wanted)) return entry.model;
  }
  return undefined;
}
