import type { CatalogOffering, CatalogProvider, OfferingPrice } from "../schema";

/**
 * One row of the catalog: an offering (a model as sold by one provider) with its current price.
 * Prices are exact decimal strings in USD per million tokens; null means unknown, never free.
 */
export interface CatalogEntry {
  id: string;
  provider: string;
  providerName: string;
  model: string;
  modelId: string;
  name: string;
  inputPerMTok: string | null;
  outputPerMTok: string | null;
  cachedInputPerMTok: string | null;
  cacheWritePerMTok: string | null;
  tiered: boolean;
  timeOfDayPricing: boolean;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  modalities: { input: string[] | null; output: string[] | null };
  toolCall: boolean | null;
  reasoning: boolean | null;
  structuredOutput: boolean | null;
  openWeights: boolean | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  deprecated: boolean | null;
  priceSource: string | null;
  priceAsOf: string | null;
}

export function toCatalogEntry(
  offering: CatalogOffering,
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
