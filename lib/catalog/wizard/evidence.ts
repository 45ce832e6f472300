import { benchmarkKeyOf, benchmarkLabel, citeScore } from "../quality/cite";
import { HEADLINE_BENCHMARKS, type ModelQuality } from "../quality/read";
import type { WizardAnswers } from "./answers";
import type { WizardReason } from "./types";

/**
 * Published scores as wizard evidence, beside the guides' rules: the benchmarks that speak to the
 * task, each cited with its source and date, earn points by the model's standing among every
 * scored catalog model. The guides' figures date from 2024; these are what current models have.
 */
const [LMARENA, AIDER, SWE_BENCH, LIVEBENCH] = HEADLINE_BENCHMARKS;
const TASK_BENCHMARKS: Readonly<Record<string, readonly string[]>> = {
  coding: [AIDER, SWE_BENCH, LIVEBENCH],
  agentic: [SWE_BENCH, AIDER, LIVEBENCH],
  "analysis-reasoning": [LIVEBENCH, LMARENA],
  "data-extraction": [LIVEBENCH, LMARENA],
};
const GENERAL_BENCHMARKS = [LMARENA, LIVEBENCH];
/** Points for a model at the top of every relevant benchmark, by how much the answers weigh quality. */
export const EVIDENCE_WEIGHT: Readonly<Record<string, number>> = { best: 14, good: 10, basic: 4 };

/** Every scored model's value per benchmark, ascending, to place one model among them. */
export type ScoreStandings = ReadonlyMap<string, readonly number[]>;

export function scoreStandings(quality: ReadonlyMap<string, ModelQuality>): ScoreStandings {
  const values = new Map<string, number[]>();
  for (const summary of quality.values())
    for (const score of summary.scores) {
      const key = benchmarkKeyOf(score);
      values.set(key, [...(values.get(key) ?? []), Number(score.value)]);
    }
  for (const list of values.values()) list.sort((a, b) => a - b);
  return values;
}

/** Share of the other scored models that score strictly lower, 0 to 1. */
function standing(standings: ScoreStandings, key: string, value: number): number | null {
  const values = standings.get(key);
  if (!values || values.length < 2) return null;
  return values.filter((other) => other < value).length / (values.length - 1);
}

export function evidenceFor(
  quality: ModelQuality | null,
  standings: ScoreStandings,
  answers: WizardAnswers,
): { points: number; reasons: WizardReason[] } {
  const wanted = TASK_BENCHMARKS[answers.choices["task-type"] ?? ""] ?? GENERAL_BENCHMARKS;
  const weight = EVIDENCE_WEIGHT[answers.choices["quality-bar"] ?? ""] ?? EVIDENCE_WEIGHT.good ?? 0;
  const found = wanted.flatMap((key) => {
    const score = quality?.scores.find((candidate) => benchmarkKeyOf(candidate) === key);
    const share = score ? standing(standings, key, Number(score.value)) : null;
    return score && share !== null ? [{ score, share }] : [];
  });
  if (found.length === 0) {
    const names = wanted.map((key) => {
      const [source = "", benchmark = "", split = ""] = key.split("|");
      return benchmarkLabel({ source, benchmark, split });
    });
    return {
      points: 0,
      reasons: [
        {
          kind: "caution",
          text: `No published score on ${names.join(", ")}: quality rests on the guides alone`,
        },
      ],
    };
  }
  const meanShare = found.reduce((sum, item) => sum + item.share, 0) / found.length;
  return {
    points: Math.round(weight * meanShare * 10) / 10,
    reasons: found.map(({ score, share }) => ({
      kind: share >= 0.5 ? "fit" : "caution",
      text: `${citeScore(score)}: above ${Math.round(share * 100)}% of scored catalog models`,
      source: score.source,
      sourceDate: score.sourceDate,
    })),
  };
}
