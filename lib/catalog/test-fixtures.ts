import type { ScoreKey, TableQuality } from "./quality/views/scores";
import { toCatalogEntry } from "./read/entry";
import type { CatalogOffering, OfferingPrice } from "./schema";

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

/**
 * A catalog of `items` (each offering with its price, or null when unknown) shaped as the catalog
 * service holds it, for tests that need entries, lookups and prices without a database.
 */
export function fixtureCatalog(
  items: readonly [CatalogOffering, OfferingPrice | null][],
  asOf = "2026-11-01",
) {
  const entries = items.map(([offering, price]) =>
    toCatalogEntry(offering, undefined, price, { source: price ? "genai-prices" : null, asOf }),
  );
  const offeringIdsByModel = new Map<string, string[]>();
  for (const entry of entries)
    offeringIdsByModel.set(entry.modelId, [...(offeringIdsByModel.get(entry.modelId) ?? []), entry.id]);
  return {
    asOf,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    prices: new Map(items.map(([offering, price]) => [offering.id, price])),
    offeringIdsByModel,
  };
}

/** A model's table quality: an index (null = too few sources) and scores per column key. */
export function fixtureTableQuality(
  index: number | null,
  scores: Partial<Record<ScoreKey, number>> = {},
): TableQuality {
  return {
    index,
    indexSources: index === null ? [] : ["lmarena", "aider"],
    headlineSources: [],
    scores: Object.fromEntries(
      Object.entries(scores).map(([key, value]) => [
        key,
        { value, text: String(value), tested: `${key} (high)`, date: "2025-12-11" },
      ]),
    ),
  };
}
