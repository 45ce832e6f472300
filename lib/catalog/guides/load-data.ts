import comparisonGuideFile from "./data/2024-11-production-ai-models-comparison.json";
import productionGuideFile from "./data/2026-01-choosing-an-llm-api-for-production.json";
import beginnersGuideFile from "./data/2026-04-what-is-an-llm-api-beginners-guide.json";
import editorialJson from "./data/editorial.json";
import {
  editorialFileSchema,
  type GuideFile,
  guideFileSchema,
  type ModelRefEntry,
  parseDataFile,
} from "./data-schema";
import { cite, guideSources } from "./sources";
import type {
  BenchmarkFact,
  ContextWindowFact,
  CostExample,
  CostFormula,
  DecisionRule,
  DeploymentPattern,
  EditorialModel,
  FreeTierFact,
  GuidanceFact,
  GuideSource,
  LatencyFact,
  LineupFact,
  ModalityFact,
  ModelRef,
  ModelTagFact,
  MonthlyCostEstimate,
  NoteFact,
  PriceFact,
  RecommendationFact,
  RuleOfThumb,
  SdkFact,
  SelectModelStep,
  UseCaseBudget,
  WizardQuestion,
} from "./types";

const editorial = parseDataFile(editorialFileSchema, "editorial.json", editorialJson);

// Field by field, so every entry has the same keys, `note` included.
export const editorialModels: readonly EditorialModel[] = editorial.models.map((entry) => ({
  model: entry.model,
  vendor: entry.vendor,
  namesInGuides: entry.namesInGuides,
  genaiPrices: entry.genaiPrices,
  tokenlens: entry.tokenlens,
  note: entry.note,
}));

export const wizardQuestions: readonly WizardQuestion[] = editorial.wizardQuestions.map((question) => ({
  id: question.id,
  prompt: question.prompt,
  answers: question.answers.map(({ value, label }) => ({ value, label })),
}));

export const decisionRuleList: readonly DecisionRule[] = editorial.wizardQuestions.flatMap((question) =>
  question.answers.flatMap((answer) =>
    answer.rules.map((rule) => ({
      id: `rule-${question.id}-${answer.value}-${rule.source}`,
      questionId: question.id,
      answer: answer.value,
      effects: rule.effects,
      reason: rule.reason,
      ...cite(rule.source, rule.quote),
    })),
  ),
);

const vendorByModel = new Map(editorialModels.map((entry) => [entry.model, entry.vendor]));

function modelRefIssue(ref: ModelRefEntry): { field: keyof ModelRefEntry | null; message: string } | null {
  if (ref.model === undefined) {
    if (ref.provider === undefined) return { field: null, message: "names neither a model nor a provider" };
    if (ref.modelName !== undefined) return { field: "modelName", message: "a provider has no modelName" };
    return null;
  }
  if (!vendorByModel.has(ref.model)) {
    return { field: "model", message: `unknown model "${ref.model}"; add it to editorial.json first` };
  }
  if (ref.modelName === undefined) return { field: "modelName", message: "expected the name the guide uses" };
  return null;
}

/** Every model reference in a guide file, with its path for error messages. */
function* modelRefsOf(guide: GuideFile): Generator<[(string | number)[], ModelRefEntry]> {
  const flat = [
    "prices",
    "contextWindows",
    "latency",
    "benchmarks",
    "modalities",
    "lineups",
    "freeTiers",
    "sdks",
    "notes",
    "tags",
    "recommendations",
  ] as const;
  for (const group of flat) {
    const entries: readonly ModelRefEntry[] = guide[group];
    for (const [i, entry] of entries.entries()) yield [[group, i], entry];
  }
  for (const [i, entry] of guide.costExamples.entries()) {
    yield [["costExamples", i, "pricedAs"], entry.pricedAs];
  }
  for (const [i, entry] of guide.monthlyCostEstimates.entries()) {
    yield [["monthlyCostEstimates", i, "model"], entry.model];
  }
  for (const [i, entry] of guide.selectModelSteps.entries()) {
    yield [["selectModelSteps", i, "returns"], entry.returns];
  }
  for (const [i, pattern] of guide.deploymentPatterns.entries()) {
    for (const [j, route] of pattern.routes.entries()) {
      for (const [k, model] of route.models.entries()) {
        yield [["deploymentPatterns", i, "routes", j, "models", k], model];
      }
    }
  }
}

/** Each guide's data file, named as its text file is; guides.json holds their headers. */
const guideFiles: readonly { fileName: string; json: unknown }[] = [
  { fileName: "2026-01-choosing-an-llm-api-for-production.json", json: productionGuideFile },
  { fileName: "2026-04-what-is-an-llm-api-beginners-guide.json", json: beginnersGuideFile },
  { fileName: "2024-11-production-ai-models-comparison.json", json: comparisonGuideFile },
];

/** The header in guides.json of a guide's data file, matched by the name of its text file. */
function headerOf(fileName: string): GuideSource {
  const textFile = fileName.replace(/\.json$/, ".txt");
  const header = guideSources.find((source) => source.fileName === textFile);
  if (!header) throw new Error(`lib/catalog/guides/data/guides.json has no guide whose text is ${textFile}`);
  return header;
}

/** Parses a guide's data file; a ZodError names the file and the path of each bad field. */
export function parseGuideFile(fileName: string, json: unknown): GuideFile {
  const schema = guideFileSchema.superRefine((guide, ctx) => {
    for (const [path, ref] of modelRefsOf(guide)) {
      const issue = modelRefIssue(ref);
      if (!issue) continue;
      const fieldPath = issue.field ? [...path, issue.field] : path;
      ctx.addIssue({ code: "custom", path: fieldPath, message: issue.message });
    }
  });
  return parseDataFile(schema, fileName, json);
}

function resolveRef(ref: ModelRefEntry): ModelRef {
  if (ref.model === undefined) return { provider: ref.provider!, model: null, modelName: null };
  return {
    provider: ref.provider ?? vendorByModel.get(ref.model)!,
    model: ref.model,
    modelName: ref.modelName!,
  };
}

/** Splits a fact entry into its resolved model reference, its quote and its own values. */
function about<Entry extends ModelRefEntry & { quote: string }>(entry: Entry) {
  const { provider, model, modelName, quote, ...values } = entry;
  return { ref: resolveRef({ provider, model, modelName }), quote, values };
}

/** A guide's facts as the rest of the app reads them; ids, kinds and provenance come from the header. */
function guideFacts(guide: GuideFile, header: GuideSource) {
  const { id: source, date: sourceDate } = header;
  // Fact ids start with the guide's id: "guide-2024-11-price-gpt-4o".
  const prefix = source;
  const provenance = (quote: string) => ({ source, sourceDate, quote });
  return {
    source,
    prices: guide.prices.map((entry): PriceFact => {
      const { ref, quote, values } = about(entry);
      const { id, ...price } = values;
      return { id: `${prefix}-price-${id}`, kind: "price", ...ref, ...provenance(quote), ...price };
    }),
    contextWindows: guide.contextWindows.map((entry): ContextWindowFact => {
      const { ref, quote, values } = about(entry);
      return {
        id: `${prefix}-context-${values.id}`,
        kind: "context-window",
        ...ref,
        ...provenance(quote),
        contextTokens: values.contextTokens,
        qualifier: values.qualifier,
        note: values.note,
      };
    }),
    latency: guide.latency.map((entry): LatencyFact => {
      const { ref, quote, values } = about(entry);
      const { id, ...latency } = values;
      return {
        id: `${prefix}-${latency.metric}-${id}`,
        kind: "latency",
        ...ref,
        ...provenance(quote),
        ...latency,
      };
    }),
    benchmarks: guide.benchmarks.map((entry): BenchmarkFact => {
      const { ref, quote, values } = about(entry);
      const id = `${prefix}-benchmark-${values.benchmark}-${ref.model ?? ref.provider}`;
      return { id, kind: "benchmark", ...ref, ...provenance(quote), ...values };
    }),
    modalities: guide.modalities.map((entry): ModalityFact => {
      const { ref, quote, values } = about(entry);
      const { id, ...modalities } = values;
      return {
        id: `${prefix}-modalities-${id}`,
        kind: "modalities",
        ...ref,
        ...provenance(quote),
        ...modalities,
      };
    }),
    lineups: guide.lineups.map((entry): LineupFact => {
      const { ref, quote, values } = about(entry);
      const id = `${prefix}-${values.role}-${ref.provider}`;
      return { id, kind: "lineup", role: values.role, ...ref, ...provenance(quote) };
    }),
    freeTiers: guide.freeTiers.map((entry): FreeTierFact => {
      const { ref, quote, values } = about(entry);
      const id = `${prefix}-free-tier-${ref.model ?? ref.provider}`;
      return { id, kind: "free-tier", ...ref, ...provenance(quote), ...values };
    }),
    sdks: guide.sdks.map((entry): SdkFact => {
      const { ref, quote, values } = about(entry);
      return {
        id: `${prefix}-sdk-${ref.model ?? ref.provider}`,
        kind: "sdk",
        ...ref,
        ...provenance(quote),
        ...values,
      };
    }),
    notes: guide.notes.map((entry): NoteFact => {
      const { ref, quote, values } = about(entry);
      const { id, ...note } = values;
      return { id: `${prefix}-note-${id}`, kind: "note", ...ref, ...provenance(quote), ...note };
    }),
    guidance: guide.guidance.map(
      ({ id, quote, ...guidance }): GuidanceFact => ({
        id: `${prefix}-guidance-${id}`,
        kind: "guidance",
        ...guidance,
        ...provenance(quote),
      }),
    ),
    tags: guide.tags.flatMap((entry) => {
      const { ref, quote, values } = about(entry);
      return values.tags.map(
        (tag): ModelTagFact => ({
          id: `${prefix}-tag-${ref.provider}-${ref.model ?? "all"}-${tag}-${values.polarity}`,
          kind: "tag",
          ...ref,
          ...provenance(quote),
          tag,
          polarity: values.polarity,
        }),
      );
    }),
    recommendations: guide.recommendations.map((entry): RecommendationFact => {
      const { ref, quote, values } = about(entry);
      const id = `${prefix}-rec-${values.topic}-${values.rank}-${ref.model ?? ref.provider}`;
      return { id, kind: "recommendation", ...ref, ...provenance(quote), ...values };
    }),
    costFormula: guide.costFormula && {
      id: `${prefix}-cost-formula`,
      ...withoutQuote(guide.costFormula),
      ...provenance(guide.costFormula.quote),
    },
    costExamples: guide.costExamples.map(
      ({ id, quote, ...example }): CostExample => ({
        id: `${prefix}-cost-example-${id}`,
        kind: "cost-example",
        ...example,
        pricedAs: resolveRef(example.pricedAs),
        ...provenance(quote),
      }),
    ),
    rulesOfThumb: guide.rulesOfThumb.map(
      ({ quote, ...rule }): RuleOfThumb => ({
        id: `${prefix}-rule-${rule.subject}`,
        kind: "rule-of-thumb",
        ...rule,
        ...provenance(quote),
      }),
    ),
    useCaseBudgets: guide.useCaseBudgets.map(
      ({ quote, ...budget }): UseCaseBudget => ({
        id: `${prefix}-budget-${budget.useCase}`,
        kind: "use-case-budget",
        ...budget,
        ...provenance(quote),
      }),
    ),
    // Replacing `model` after the spread keeps it where the file has it, between tier and volume.
    monthlyCostEstimates: guide.monthlyCostEstimates.map(
      ({ id, quote, ...estimate }): MonthlyCostEstimate => ({
        id: `${prefix}-monthly-${id}`,
        kind: "monthly-cost-estimate",
        ...estimate,
        model: resolveRef(estimate.model),
        ...provenance(quote),
      }),
    ),
    selectModelSteps: guide.selectModelSteps.map(
      (step, index): SelectModelStep => ({
        id: `${prefix}-select-${step.id}`,
        order: index + 1,
        conditions: step.conditions,
        returns: resolveRef(step.returns),
        ...provenance(step.quote),
      }),
    ),
    deploymentPatterns: guide.deploymentPatterns.map(
      ({ id, quote, ...pattern }): DeploymentPattern => ({
        id: `${prefix}-${id}`,
        ...pattern,
        routes: pattern.routes.map((route) => ({
          criterion: route.criterion,
          models: route.models.map(resolveRef),
        })),
        ...provenance(quote),
      }),
    ),
  };
}

function withoutQuote<Entry extends { quote: string }>({ quote: _quote, ...rest }: Entry) {
  return rest;
}

const guides = guideFiles.map(({ fileName, json }) =>
  guideFacts(parseGuideFile(fileName, json), headerOf(fileName)),
);
const factsOf = (source: string) => {
  const guide = guides.find((candidate) => candidate.source === source);
  if (!guide) throw new Error(`no data file for ${source}`);
  return guide;
};

export const priceFacts: readonly PriceFact[] = guides.flatMap((guide) => guide.prices);
export const contextWindowFacts: readonly ContextWindowFact[] = guides.flatMap(
  (guide) => guide.contextWindows,
);
export const latencyFacts: readonly LatencyFact[] = guides.flatMap((guide) => guide.latency);
export const benchmarkFacts: readonly BenchmarkFact[] = guides.flatMap((guide) => guide.benchmarks);
export const modalityFacts: readonly ModalityFact[] = guides.flatMap((guide) => guide.modalities);
export const lineupFacts: readonly LineupFact[] = guides.flatMap((guide) => guide.lineups);
export const freeTierFacts: readonly FreeTierFact[] = guides.flatMap((guide) => guide.freeTiers);
export const sdkFacts: readonly SdkFact[] = guides.flatMap((guide) => guide.sdks);
export const noteFacts: readonly NoteFact[] = guides.flatMap((guide) => guide.notes);
export const guidanceFacts: readonly GuidanceFact[] = guides.flatMap((guide) => guide.guidance);
export const modelTagFacts: readonly ModelTagFact[] = guides.flatMap((guide) => guide.tags);
export const recommendationFacts: readonly RecommendationFact[] = guides.flatMap(
  (guide) => guide.recommendations,
);
export const costExamples: readonly CostExample[] = guides.flatMap((guide) => guide.costExamples);
export const rulesOfThumb: readonly RuleOfThumb[] = guides.flatMap((guide) => guide.rulesOfThumb);
export const useCaseBudgetFacts: readonly UseCaseBudget[] = guides.flatMap((guide) => guide.useCaseBudgets);
export const monthlyCostEstimates: readonly MonthlyCostEstimate[] = guides.flatMap(
  (guide) => guide.monthlyCostEstimates,
);
export const selectModelSteps: readonly SelectModelStep[] = guides.flatMap((guide) => guide.selectModelSteps);
// The 2024 comparison's patterns lead, its router first, then the 2026 production guide's tiering; routerGuidance() lists them so.
export const deploymentPatterns: readonly DeploymentPattern[] = [
  "guide-2024-11",
  "guide-2026-01",
  "guide-2026-04",
].flatMap((source) => factsOf(source).deploymentPatterns);

const formula = guides.find((guide) => guide.costFormula)?.costFormula;
if (!formula) throw new Error("no guide's data file states the cost formula");
export const costFormula: CostFormula = formula;
