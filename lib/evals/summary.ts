import type { EvalResultFigures } from "@/db/queries/evals";
import { addUsd, divideUsd, type Money, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import type { ModelRating } from "./ratings";
import type { AssertionResult } from "./schema";

/** Per-model figures of a run: pass rate with its interval, judge score, cost and latency. */
export interface ModelSummary {
  model: string;
  answered: number;
  errors: number;
  /** Answers with at least one graded assertion; the pass rate is over these. */
  graded: number;
  passed: number;
  passRate: number | null;
  /** Wilson score interval, 95%. */
  passRateCi: { low: number; high: number } | null;
  judgeScore: number | null;
  totalCostUsd: string | null;
  meanCostUsd: string | null;
  /** Answer cost (judging excluded) divided by passing answers; null when none passed or a cost is unknown. */
  costPerPassUsd: string | null;
  judgeCostUsd: string | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  totalP50Ms: number | null;
  meanInputTokens: number | null;
  meanOutputTokens: number | null;
  /**
   * The model's Bradley–Terry rating from the blind votes on this run's answers, with its 95% interval
   * and vote counts; null when no rated vote has been cast on its answers.
   */
  voteRating: Omit<ModelRating, "modelId"> | null;
}

/** Wilson score interval for `passed` of `total` at z (1.96 for 95%); better than p ± z·SE near 0 and 1. */
export function wilsonInterval(
  passed: number,
  total: number,
  z = 1.96,
): { low: number; high: number } | null {
  if (total <= 0) return null;
  const p = passed / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Nearest-rank percentile; null for no values. */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

/**
 * Whether an answer passed: it finished and every graded assertion passed. Null when nothing graded
 * it (no assertions, or only rubrics no judge has read), so it counts neither way.
 */
export function answerPassed(result: Pick<EvalResultFigures, "status" | "assertions">): boolean | null {
  const graded = (result.assertions as AssertionResult[]).filter((assertion) => assertion.pass !== null);
  if (result.status === "error") return false;
  if (graded.length === 0) return null;
  return graded.every((assertion) => assertion.pass === true);
}

function sumUsd(values: (string | null)[]): Money | null {
  let total = ZERO_USD;
  for (const value of values) {
    if (value === null) return null;
    total = addUsd(total, parseUsd(value));
  }
  return total;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * What the summary needs of one answer: its figures, whether it passed and its rubric scores, without
 * its assertions' reasons or the judge's record. Small enough for a live run's answers to be kept
 * between polls (lib/evals/run-figures.ts).
 */
export interface AnswerFigures {
  id: number;
  modelId: string;
  status: string;
  costUsd: string | null;
  judgeCostUsd: string | null;
  ttftMs: number | null;
  totalMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  passed: boolean | null;
  /** The scores of its llm-rubric assertions that have one. */
  rubricScores: number[];
  /** Whether a judge read it (its cost counts toward the judge's, even when unknown). */
  judged: boolean;
}

export function answerFigures(result: EvalResultFigures): AnswerFigures {
  const rubricScores: number[] = [];
  for (const assertion of result.assertions as AssertionResult[])
    if (assertion.type === "llm-rubric" && typeof assertion.score === "number")
      rubricScores.push(assertion.score);
  return {
    id: result.id,
    modelId: result.modelId,
    status: result.status,
    costUsd: result.costUsd,
    judgeCostUsd: result.judgeCostUsd,
    ttftMs: result.ttftMs,
    totalMs: result.totalMs,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    passed: answerPassed(result),
    rubricScores,
    judged: result.judged,
  };
}

/** Per-model figures of a run; `ratings` are the fit of the blind votes on its answers (computeRatings). */
export function summariseRun(
  models: string[],
  results: readonly AnswerFigures[],
  ratings: readonly ModelRating[] = [],
): ModelSummary[] {
  return models.map((model) => {
    const mine = results.filter((result) => result.modelId === model);
    const graded = mine.filter((result) => result.passed !== null).length;
    const passed = mine.filter((result) => result.passed === true).length;
    const scores = mine.flatMap((result) => result.rubricScores);
    const called = mine.filter((result) => result.costUsd !== null || result.status !== "error");
    const total = sumUsd(called.map((result) => result.costUsd));
    const judgeCosts = mine.filter((result) => result.judged).map((result) => result.judgeCostUsd);
    const judgeTotal = judgeCosts.length > 0 ? sumUsd(judgeCosts) : null;
    const ttfts = mine.flatMap((result) => (result.ttftMs === null ? [] : [result.ttftMs]));
    const totals = mine.flatMap((result) => (result.totalMs === null ? [] : [result.totalMs]));
    const ok = mine.filter((result) => result.status === "ok");
    return {
      model,
      answered: mine.length,
      errors: mine.filter((result) => result.status === "error").length,
      graded,
      passed,
      passRate: graded > 0 ? passed / graded : null,
      passRateCi: wilsonInterval(passed, graded),
      judgeScore: mean(scores),
      totalCostUsd: total && mine.length > 0 ? toUsdString(total) : null,
      meanCostUsd: total && called.length > 0 ? toUsdString(divideUsd(total, called.length)) : null,
      costPerPassUsd: total && passed > 0 ? toUsdString(divideUsd(total, passed)) : null,
      judgeCostUsd: judgeTotal ? toUsdString(judgeTotal) : null,
      ttftP50Ms: percentile(ttfts, 0.5),
      ttftP95Ms: percentile(ttfts, 0.95),
      totalP50Ms: percentile(totals, 0.5),
      meanInputTokens: mean(
        ok.flatMap((result) => (result.inputTokens === null ? [] : [result.inputTokens])),
      ),
      meanOutputTokens: mean(
        ok.flatMap((result) => (result.outputTokens === null ? [] : [result.outputTokens])),
      ),
      voteRating: voteRatingOf(ratings.find((rating) => rating.modelId === model)),
    };
  });
}

function voteRatingOf(rating: ModelRating | undefined): ModelSummary["voteRating"] {
  if (!rating) return null;
  const { modelId: _model, ...rest } = rating;
  return rest;
}
