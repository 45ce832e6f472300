import type { CatalogEntry } from "../schema";

/** A priced, text-only catalog entry for the wizard's unit tests; `id` is "provider/model". */
export function entry(id: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  const [provider = "acme", model = id] = id.split("/");
  return {
    id,
    provider,
    providerName: provider,
    model,
    modelId: model,
    name: model,
    inputPerMTok: "1",
    outputPerMTok: "2",
    cachedInputPerMTok: null,
    cacheWritePerMTok: null,
    tiered: false,
    timeOfDayPricing: false,
    contextWindow: 128_000,
    maxOutputTokens: 8_000,
    modalities: { input: ["text"], output: ["text"] },
    toolCall: true,
    reasoning: false,
    structuredOutput: true,
    openWeights: false,
    releaseDate: "2025-01-01",
    knowledgeCutoff: null,
    deprecated: false,
    priceSource: "genai-prices",
    priceAsOf: "2026-11-22",
    ...overrides,
  };
}
