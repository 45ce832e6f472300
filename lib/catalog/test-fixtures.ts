import type { CatalogOffering, OfferingPrice } from "./types";

/** Test fixtures shared by the catalog, pricing and calculator unit tests: hand-made prices and offerings. */

export function fixturePrice(overrides: Partial<OfferingPrice> = {}): OfferingPrice {
  return {
    inputPerMTok: null,
    outputPerMTok: null,
    cacheReadPerMTok: null,
    cacheWritePerMTok: null,
    reasoningPerMTok: null,
    tiers: [],
    timeOfDay: [],
    extras: {},
    batchDiscount: null,
    ...overrides,
  };
}

export function fixtureOffering(id: string, overrides: Partial<CatalogOffering> = {}): CatalogOffering {
  const [providerId = "test", modelId = id] = id.split("/");
  return {
    id,
    providerId,
    modelId,
    providerModelId: modelId,
    name: modelId,
    price: null,
    priceSource: null,
    priceAsOf: null,
    priceEffectiveFrom: null,
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    modalities: { input: ["text"], output: ["text"] },
    toolCall: true,
    reasoning: false,
    structuredOutput: null,
    attachment: null,
    openWeights: false,
    releaseDate: "2025-01-01",
    knowledgeCutoff: null,
    deprecated: false,
    capabilitySource: "models.dev",
    ...overrides,
  };
}
