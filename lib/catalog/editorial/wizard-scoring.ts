import type { DecisionRule, ModelTag, ModelTagFact } from "./types";

export type WizardAnswers = Readonly<Record<string, string>>;

export interface CandidateScore {
  provider: string;
  model: string;
  score: number;
  /** Rule ids that moved the score, so the UI can quote the seed behind each point. */
  ruleIds: string[];
}

export interface ScoringCandidate {
  provider: string;
  model: string;
}

/**
 * Scores candidates from their seed tags. A provider-level tag counts for all of that provider's
 * models; a negative tag subtracts; a required tag without positive support excludes the candidate.
 */
export function scoreCandidates(
  candidates: readonly ScoringCandidate[],
  answers: WizardAnswers,
  rules: readonly DecisionRule[],
  tagFacts: readonly ModelTagFact[],
  vendorOf: (model: string) => string | undefined,
): CandidateScore[] {
  const activeRules = rules.filter((rule) => answers[rule.questionId] === rule.answer);
  const scored: CandidateScore[] = [];
  for (const candidate of candidates) {
    const vendor = vendorOf(candidate.model);
    const applies = (fact: ModelTagFact) =>
      fact.model === null
        ? fact.provider === candidate.provider || fact.provider === vendor
        : fact.model === candidate.model;
    const tags = tagFacts.filter(applies);
    const has = (tag: ModelTag, polarity: ModelTagFact["polarity"]) =>
      tags.some((fact) => fact.tag === tag && fact.polarity === polarity);

    let score = 0;
    let excluded = false;
    const ruleIds = new Set<string>();
    for (const rule of activeRules) {
      for (const effect of rule.effects) {
        const positive = has(effect.tag, "positive");
        if (effect.required && !positive) excluded = true;
        const delta = (positive ? effect.weight : 0) - (has(effect.tag, "negative") ? effect.weight : 0);
        if (delta !== 0) {
          score += delta;
          ruleIds.add(rule.id);
        }
      }
    }
    if (!excluded) scored.push({ ...candidate, score, ruleIds: [...ruleIds] });
  }
  return scored.sort((a, b) => b.score - a.score || a.model.localeCompare(b.model));
}
