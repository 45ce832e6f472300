import type { CatalogEntry, CatalogProvider, OfferingFacts, OfferingPrice } from "../schema";

/** A catalog row from an offering (from the snapshot or the offerings table) and its current price. */
export function toCatalogEntry(
  offering: OfferingFacts & { providerId: string; providerModelId: string },
  provider: Pick<CatalogProvider, "name"> | undefined,
  price: OfferingPrice | null,
  priceMeta: { source: string | null; asOf: string | null },
): CatalogEntry {
  return {
    id: offering.id,
    provider: offering.providerId,
    providerName: provider?.name ?? offering.providerId,
    model: offering.providerModelId,
    modelId: offering.modelId,
    name: offering.name,
    inputPerMTok: price?.inputPerMTok ?? null,
    outputPerMTok: price?.outputPerMTok ?? null,
    cachedInputPerMTok: price?.cacheReadPerMTok ?? null,
    cacheWritePerMTok: price?.cacheWritePerMTok ?? null,
    tiered: (price?.tiers.length ?? 0) > 0,
    timeOfDayPricing: (price?.timeOfDay.length ?? 0) > 0,
    contextWindow: offering.contextWindow,
    maxOutputTokens: offering.maxOutputTokens,
    modalities: offering.modalities,
    toolCall: offering.toolCall,
    reasoning: offering.reasoning,
    structuredOutput: offering.structuredOutput,
    openWeights: offering.openWeights,
    releaseDate: offering.releaseDate,
    knowledgeCutoff: offering.knowledgeCutoff,
    deprecated: offering.deprecated,
    priceSource: price ? priceMeta.source : null,
    priceAsOf: price ? priceMeta.asOf : null,
  };
}
