import { z } from "zod";
import {
  benchmarkFactSchema,
  contextWindowFactSchema,
  costExampleSchema,
  costFormulaSchema,
  decisionRuleSchema,
  deploymentPatternSchema,
  editorialModelSchema,
  freeTierFactSchema,
  guidanceFactSchema,
  guideIdSchema,
  latencyFactSchema,
  lineupFactSchema,
  modalityFactSchema,
  modelIdSchema,
  modelTagFactSchema,
  modelTagSchema,
  monthlyCostEstimateSchema,
  noteFactSchema,
  priceFactSchema,
  provenanceSchema,
  providerIdSchema,
  recommendationFactSchema,
  ruleOfThumbSchema,
  sdkFactSchema,
  selectModelStepSchema,
  useCaseBudgetSchema,
  wizardQuestionSchema,
} from "./types";

// The files in data/ hold each fact without what the loader adds from the guide's header: its kind,
// source and source date, the id's prefix ("guide-2026-04-price-"), and the whole id where other fields make it.
// Entries are strict so a misspelt field fails instead of vanishing.

/** The part of a fact's id after its guide and kind prefix. */
const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case slug");

// Quotes keep the guide's line breaks (its tables are one cell per line); the tests compare them with the
// guide's text modulo whitespace.
const quote = provenanceSchema.shape.quote;

/**
 * A model as the files name it: `model` and `modelName`, plus `provider` only when a host serves the model
 * (otherwise the model's vendor is meant); or `provider` alone for a fact about a whole provider.
 */
const modelRefEntrySchema = z.strictObject({
  provider: providerIdSchema.optional(),
  model: modelIdSchema.optional(),
  modelName: z.string().min(1).optional(),
});
export type ModelRefEntry = z.infer<typeof modelRefEntrySchema>;

const modelFactEntry = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject({ ...modelRefEntrySchema.shape, quote, ...shape });

const priceEntrySchema = modelFactEntry({
  id: slugSchema,
  ...priceFactSchema.pick({ price: true, basis: true, note: true }).shape,
});
const contextWindowEntrySchema = modelFactEntry({
  id: slugSchema,
  ...contextWindowFactSchema.pick({ contextTokens: true, qualifier: true, note: true }).shape,
});
// Null bounds mean the guide gave none ("fast, often competitive with GPT-4o").
const latencyEntrySchema = modelFactEntry({
  id: slugSchema,
  ...latencyFactSchema.pick({ metric: true, minMs: true, maxMs: true, summary: true }).shape,
});
const benchmarkEntrySchema = modelFactEntry(
  benchmarkFactSchema.pick({ benchmark: true, benchmarkLabel: true, scorePercent: true }).shape,
);
const modalityEntrySchema = modelFactEntry({
  id: slugSchema,
  ...modalityFactSchema.pick({
    inputModalities: true,
    outputModalities: true,
    unsupportedModalities: true,
    note: true,
  }).shape,
});
const lineupEntrySchema = modelFactEntry(lineupFactSchema.pick({ role: true }).shape);
const freeTierEntrySchema = modelFactEntry(freeTierFactSchema.pick({ creditUsd: true, summary: true }).shape);
const sdkEntrySchema = modelFactEntry(sdkFactSchema.pick({ sdks: true }).shape);
const noteEntrySchema = modelFactEntry({
  id: slugSchema,
  ...noteFactSchema.pick({ topic: true, text: true }).shape,
});
const guidanceEntrySchema = z.strictObject({
  id: slugSchema,
  ...guidanceFactSchema.pick({ topic: true, text: true }).shape,
  quote,
});
// One entry is one sentence about one model and may give it several tags. A tag on a provider applies
// to every model of that provider, which lets the wizard score catalog candidates.
const tagEntrySchema = modelFactEntry({
  tags: z.array(modelTagSchema).min(1),
  polarity: modelTagFactSchema.shape.polarity,
});
// Topics are shared across guides on purpose, so findGuideConflicts can line up, say, "Lowest cost
// possible" in the beginner's guide with "absolute lowest per-token cost" in the 2026 production guide.
const recommendationEntrySchema = modelFactEntry(
  recommendationFactSchema.pick({ topic: true, rank: true, reason: true }).shape,
);
const costFormulaEntrySchema = z.strictObject({
  ...costFormulaSchema.pick({ text: true, terms: true, tokensPerPriceUnit: true, note: true }).shape,
  quote,
});
const costExampleEntrySchema = z.strictObject({
  id: slugSchema,
  ...costExampleSchema.pick({ task: true, inputTokens: true, outputTokens: true, costUsd: true }).shape,
  pricedAs: modelRefEntrySchema,
  quote,
});
const ruleOfThumbEntrySchema = z.strictObject({
  ...ruleOfThumbSchema.pick({
    subject: true,
    valueMin: true,
    valueMax: true,
    unit: true,
    basis: true,
    text: true,
  }).shape,
  quote,
});
const useCaseBudgetEntrySchema = z.strictObject({
  ...useCaseBudgetSchema.omit({ id: true, kind: true, source: true, sourceDate: true, quote: true }).shape,
  quote,
});
const monthlyCostEstimateEntrySchema = z.strictObject({
  id: slugSchema,
  ...monthlyCostEstimateSchema.pick({ useCase: true, tier: true }).shape,
  model: modelRefEntrySchema,
  ...monthlyCostEstimateSchema.pick({
    requestsPerMonth: true,
    monthlyCostUsdMin: true,
    monthlyCostUsdMax: true,
    basis: true,
    note: true,
  }).shape,
  quote,
});
// Listed in the guide's source order, which the loader numbers: the first step whose conditions all hold
// wins, so a cost-sensitive request with another quality bar falls through to the later branches.
const selectModelStepEntrySchema = z.strictObject({
  id: slugSchema,
  conditions: selectModelStepSchema.shape.conditions,
  returns: modelRefEntrySchema,
  quote,
});
const deploymentPatternEntrySchema = z.strictObject({
  id: slugSchema,
  ...deploymentPatternSchema.pick({ name: true, kind: true }).shape,
  // A route may name no model (the 2024 comparison's router names no classifier), and none is invented for it.
  routes: z
    .array(z.strictObject({ criterion: z.string().min(1), models: z.array(modelRefEntrySchema) }))
    .min(1),
  ...deploymentPatternSchema.pick({ savingsPercentMin: true, savingsPercentMax: true, benefit: true }).shape,
  quote,
});

/** One guide's facts, grouped by kind; its header (id, title, date) is its entry in guides.json. */
export const guideFileSchema = z.strictObject({
  prices: z.array(priceEntrySchema).default([]),
  contextWindows: z.array(contextWindowEntrySchema).default([]),
  latency: z.array(latencyEntrySchema).default([]),
  benchmarks: z.array(benchmarkEntrySchema).default([]),
  modalities: z.array(modalityEntrySchema).default([]),
  lineups: z.array(lineupEntrySchema).default([]),
  freeTiers: z.array(freeTierEntrySchema).default([]),
  sdks: z.array(sdkEntrySchema).default([]),
  notes: z.array(noteEntrySchema).default([]),
  guidance: z.array(guidanceEntrySchema).default([]),
  tags: z.array(tagEntrySchema).default([]),
  recommendations: z.array(recommendationEntrySchema).default([]),
  costFormula: costFormulaEntrySchema.optional(),
  costExamples: z.array(costExampleEntrySchema).default([]),
  rulesOfThumb: z.array(ruleOfThumbEntrySchema).default([]),
  useCaseBudgets: z.array(useCaseBudgetEntrySchema).default([]),
  monthlyCostEstimates: z.array(monthlyCostEstimateEntrySchema).default([]),
  selectModelSteps: z.array(selectModelStepEntrySchema).default([]),
  deploymentPatterns: z.array(deploymentPatternEntrySchema).default([]),
});
export type GuideFile = z.infer<typeof guideFileSchema>;

// Weights (-5..5) are our editorial heuristic, so the rules live with the wizard rather than in a guide;
// each still cites the guide sentence it rests on. "required" drops candidates without the tag.
const decisionRuleEntrySchema = z.strictObject({
  source: guideIdSchema,
  effects: decisionRuleSchema.shape.effects,
  reason: decisionRuleSchema.shape.reason,
  quote,
});

/** What belongs to no single guide: the models the guides name, and the wizard with its rules. */
export const editorialFileSchema = z.strictObject({
  models: z.array(z.strictObject(editorialModelSchema.shape)).min(1),
  wizardQuestions: z.array(
    z.strictObject({
      ...wizardQuestionSchema.pick({ id: true, prompt: true }).shape,
      answers: z
        .array(
          z.strictObject({
            ...wizardQuestionSchema.shape.answers.element.shape,
            rules: z.array(decisionRuleEntrySchema).default([]),
          }),
        )
        .min(2),
    }),
  ),
});

/** Parses one file of data/, naming the file in the error so a bad edit is found without a search. */
export function parseDataFile<Schema extends z.ZodType>(
  schema: Schema,
  fileName: string,
  json: unknown,
): z.output<Schema> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  // The issues keep paths inside the file; the message adds which file, for the dev overlay and test logs.
  result.error.message = `lib/catalog/guides/data/${fileName} is malformed:\n${z.prettifyError(result.error)}`;
  throw result.error;
}
