import { detectGuideConflicts, type GuideConflict } from "./conflicts";
import {
  benchmarkFacts,
  contextWindowFacts,
  deploymentPatterns,
  editorialModels,
  freeTierFacts,
  latencyFacts,
  lineupFacts,
  modalityFacts,
  modelTagFacts,
  noteFacts,
  priceFacts,
  recommendationFacts,
  decisionRuleList as rules,
  rulesOfThumb,
  sdkFacts,
  selectModelSteps,
  useCaseBudgetFacts,
  wizardQuestions,
} from "./load-data";
import { resolveEditorialModelId } from "./models";
import { guideSelectModel } from "./select-model";
import { guideSources } from "./sources";
import type {
  DecisionRule,
  DeploymentPattern,
  GuideDate,
  GuideId,
  ModelFact,
  PriceFact,
  RuleOfThumb,
  SelectModelStep,
  UseCaseBudget,
  WizardQuestion,
} from "./types";

export type { GuideConflict, GuideObservation } from "./conflicts";
// The facts as loaded from data/, beside what this module derives from them.
export * from "./load-data";
export type { SelectModelRequirements } from "./select-model";
export * from "./types";
export { guideSelectModel, guideSources, resolveEditorialModelId };

/** Every fact that names a model or provider, in one list. */
export const modelFacts: readonly ModelFact[] = [
  ...priceFacts,
  ...contextWindowFacts,
  ...latencyFacts,
  ...benchmarkFacts,
  ...noteFacts,
  ...modalityFacts,
  ...lineupFacts,
  ...freeTierFacts,
  ...sdkFacts,
  ...modelTagFacts,
  ...recommendationFacts,
];

/**
 * Facts about one model. Accepts the canonical id or any genai-prices / tokenlens id; with
 * `includeProviderFacts`, facts about the model's vendor as a whole are added.
 */
export function factsForModel(
  modelId: string,
  options: { includeProviderFacts?: boolean } = {},
): ModelFact[] {
  const model = resolveEditorialModelId(modelId);
  if (!model) return [];
  const vendor = editorialModels.find((entry) => entry.model === model)?.vendor;
  return modelFacts.filter(
    (fact) =>
      fact.model === model ||
      (options.includeProviderFacts === true && fact.model === null && fact.provider === vendor),
  );
}

export interface GuidePriceObservation {
  provider: string;
  model: string;
  modelName: string;
  /** The guide's as-of date; the guides say when prices were true, not when they started. */
  effectiveFrom: GuideDate;
  inputPerMTok: string | null;
  outputPerMTok: string | null;
  /** Only set when the guide gives a range instead of one input price. */
  inputPerMTokRange: { min: string; max: string } | null;
  basis: PriceFact["basis"];
  source: GuideId;
  sourceDate: GuideDate;
  note: string | null;
}

export function guidePriceObservations(): GuidePriceObservation[] {
  return priceFacts.flatMap((fact) => {
    if (!fact.model || !fact.modelName) return [];
    const { price } = fact;
    return [
      {
        provider: fact.provider,
        model: fact.model,
        modelName: fact.modelName,
        effectiveFrom: fact.sourceDate,
        inputPerMTok: price.shape === "input-range" ? null : price.inputPerMTok,
        outputPerMTok: price.shape === "input-output" ? price.outputPerMTok : null,
        inputPerMTokRange:
          price.shape === "input-range" ? { min: price.inputPerMTokMin, max: price.inputPerMTokMax } : null,
        basis: fact.basis,
        source: fact.source,
        sourceDate: fact.sourceDate,
        note: fact.note ?? null,
      },
    ];
  });
}

export function useCaseBudgets(): readonly UseCaseBudget[] {
  return useCaseBudgetFacts;
}

export interface DecisionFramework {
  questions: readonly WizardQuestion[];
  rules: readonly DecisionRule[];
  /** The 2024 comparison's `select_model`, in order; the first step whose conditions all hold wins. */
  selectModelSteps: readonly SelectModelStep[];
}

export function decisionRules(): DecisionFramework {
  return { questions: wizardQuestions, rules, selectModelSteps };
}

export interface RouterGuidance {
  /** The 2024 comparison's router: a small model classifies, simple queries stay small, complex ones escalate. */
  router: DeploymentPattern;
  /** The share of tasks budget models can take per the beginner's guide (60-70%); the 2024 comparison gives no traffic split. */
  budgetTaskShare: RuleOfThumb;
  patterns: readonly DeploymentPattern[];
}

export function routerGuidance(): RouterGuidance {
  const router = deploymentPatterns.find((pattern) => pattern.id === "guide-2024-11-router-pattern");
  const budgetTaskShare = rulesOfThumb.find((rule) => rule.subject === "budget-model-task-share");
  if (!router || !budgetTaskShare) throw new Error("the guides' router pattern data is incomplete");
  return { router, budgetTaskShare, patterns: deploymentPatterns };
}

export function findGuideConflicts(): GuideConflict[] {
  return detectGuideConflicts({
    prices: priceFacts,
    contextWindows: contextWindowFacts,
    benchmarks: benchmarkFacts,
    lineups: lineupFacts,
    modalities: modalityFacts,
    recommendations: recommendationFacts,
  });
}
