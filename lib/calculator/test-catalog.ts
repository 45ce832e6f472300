import type { CatalogEntry } from "@/lib/catalog/entry";
import { toCatalogEntry } from "@/lib/catalog/entry";
import { loadSnapshot } from "@/lib/catalog/snapshot";
import type { CatalogOffering, OfferingPrice } from "@/lib/catalog/types";
import type { PricedCatalog } from "./estimate";

/** Test fixtures for the calculator's unit tests: hand-made prices and the committed snapshot. */

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

export function catalogOf(offerings: CatalogOffering[], asOf = "2026-01-01"): PricedCatalog {
  const entries: CatalogEntry[] = offerings.map((offering) =>
    toCatalogEntry(offering, undefined, offering.price, { source: "genai-prices", asOf }),
  );
  return {
    asOf,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    prices: new Map(offerings.map((offering) => [offering.id, offering.price])),
  };
}

let snapshotCatalogCache: PricedCatalog | null = null;

/** The committed catalog snapshot (about 2,100 offerings) without a database. */
export function snapshotCatalog(): PricedCatalog {
  if (!snapshotCatalogCache) {
    const snapshot = loadSnapshot();
    snapshotCatalogCache = catalogOf(snapshot.offerings, snapshot.asOf);
  }
  return snapshotCatalogCache;
}
