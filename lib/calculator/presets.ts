import { costFormula, useCaseBudgetFacts } from "@/lib/catalog/guides/load-data";
import { guideSource } from "@/lib/catalog/guides/sources";
import type { GuideDate, GuideId } from "@/lib/catalog/guides/types";

/** A starting workload from the guides' token-budget table; the defaults are each range's midpoint. */
export interface CalculatorPreset {
  /** The value to store in a workload's `preset`. */
  id: string;
  name: string;
  inputTokens: number;
  outputTokens: number;
  inputTokensRange: { min: number; max: number };
  outputTokensRange: { min: number; max: number };
  source: GuideId;
  sourceTitle: string;
  sourceDate: GuideDate;
}

export interface CalculatorPresets {
  presets: CalculatorPreset[];
  costFormula: { text: string; note: string; source: GuideId; sourceDate: GuideDate };
}

// Midpoints of integer ranges can end in .5; a request has whole tokens, so round half up.
const midpoint = (min: number, max: number) => Math.round((min + max) / 2);

export function calculatorPresets(): CalculatorPresets {
  return {
    presets: useCaseBudgetFacts.map((fact) => ({
      id: fact.useCase,
      name: fact.useCaseName,
      inputTokens: midpoint(fact.inputTokensMin, fact.inputTokensMax),
      outputTokens: midpoint(fact.outputTokensMin, fact.outputTokensMax),
      inputTokensRange: { min: fact.inputTokensMin, max: fact.inputTokensMax },
      outputTokensRange: { min: fact.outputTokensMin, max: fact.outputTokensMax },
      source: fact.source,
      sourceTitle: guideSource(fact.source).title,
      sourceDate: fact.sourceDate,
    })),
    costFormula: {
      text: costFormula.text,
      note: costFormula.note,
      source: costFormula.source,
      sourceDate: costFormula.sourceDate,
    },
  };
}
