import type { EvalRunEvidence } from "@/lib/calculator/quality-bar";
import { passPercent } from "@/lib/calculator/quality-bar";
import type { EstimateRequest } from "@/lib/calculator/schema";
import { compareUsd, parseUsd } from "@/lib/money";
import { DEMO_PROFILES } from "@/lib/providers/demo-models";
import type { ModelSummary } from "./summary";

/** The guides' routing pattern: the cheapest model good enough takes most traffic, a stronger one the rest. */
export const ROUTED_SHARE = { cheapest: 70, stronger: 30 } as const;

/** A model of the run as the calculator prices it: a simulated one as the offering it mirrors. */
export interface DecisionModel {
  /** The catalog offering the calculator prices. */
  model: string;
  /** The simulated model whose answers these are, when `model` is the offering it mirrors. */
  simulatedBy: string | null;
  passed: number;
  graded: number;
  passPercent: number;
  meanCostUsd: string;
  meanInputTokens: number;
  meanOutputTokens: number;
}

export interface EvalDecision {
  /** The priced models of the run, which the calculator can compare. */
  candidates: DecisionModel[];
  /** Models of the run with no known price (a local model, an endpoint the catalog lacks): left out. */
  unpriced: string[];
  /** Candidates whose pass rate meets the bar, cheapest per answer first. */
  meeting: DecisionModel[];
  /** The highest pass rate among the candidates (ties: the dearer, as the flagship). */
  strongest: DecisionModel | null;
  /** The suggested mix, or null when one model is both the cheapest good enough and the strongest. */
  routing: { model: string; percent: number }[] | null;
}

const mirrorOf = new Map(DEMO_PROFILES.map((profile) => [profile.id, profile.mirrorsOfferingId]));

const costOrder = (left: DecisionModel, right: DecisionModel) =>
  compareUsd(parseUsd(left.meanCostUsd), parseUsd(right.meanCostUsd));

/**
 * The models of a run the calculator can price: graded at least once, with measured tokens and a
 * known cost per answer. A simulated model stands for the offering it mirrors, unless a real model of
 * the run is that offering. Models of unknown price are returned apart, never compared as free.
 */
export function decisionModels(summary: readonly ModelSummary[]): {
  candidates: DecisionModel[];
  unpriced: string[];
} {
  const rows: DecisionModel[] = [];
  const unpriced: string[] = [];
  for (const item of summary) {
    if (item.graded === 0 || item.meanInputTokens === null || item.meanOutputTokens === null) continue;
    if (item.meanCostUsd === null) {
      unpriced.push(item.model);
      continue;
    }
    const mirror = mirrorOf.get(item.model) ?? null;
    rows.push({
      model: mirror ?? item.model,
      simulatedBy: mirror ? item.model : null,
      passed: item.passed,
      graded: item.graded,
      passPercent: passPercent(item.passed, item.graded),
      meanCostUsd: item.meanCostUsd,
      meanInputTokens: item.meanInputTokens,
      meanOutputTokens: item.meanOutputTokens,
    });
  }
  const real = new Set(rows.filter((row) => row.simulatedBy === null).map((row) => row.model));
  const seen = new Set<string>();
  const candidates = rows.filter((row) => {
    if ((row.simulatedBy && real.has(row.model)) || seen.has(row.model)) return false;
    seen.add(row.model);
    return true;
  });
  return { candidates, unpriced };
}

/**
 * Which models meet a pass-rate bar, and the routing mix the guides describe. The cheapest is ranked
 * as the calculator ranks a bar's results: by cost, then the higher pass rate, then the id.
 */
export function evalDecision(summary: readonly ModelSummary[], barPercent: number): EvalDecision {
  const { candidates, unpriced } = decisionModels(summary);
  const meeting = candidates
    .filter((row) => row.passPercent >= barPercent)
    .sort(
      (left, right) =>
        costOrder(left, right) ||
        right.passPercent - left.passPercent ||
        left.model.localeCompare(right.model),
    );
  const strongest =
    [...candidates].sort(
      (left, right) =>
        right.passPercent - left.passPercent ||
        costOrder(right, left) ||
        left.model.localeCompare(right.model),
    )[0] ?? null;
  const cheapest = meeting[0];
  const routing =
    cheapest && strongest && cheapest.model !== strongest.model
      ? [
          { model: cheapest.model, percent: ROUTED_SHARE.cheapest },
          { model: strongest.model, percent: ROUTED_SHARE.stronger },
        ]
      : null;
  return { candidates, unpriced, meeting, strongest, routing };
}

/** A bar to start from: 80%, or the run's best pass rate when none reached 80%. */
export function startingBar(summary: readonly ModelSummary[]): number {
  const best = Math.max(0, ...decisionModels(summary).candidates.map((row) => row.passPercent));
  return Math.min(80, Math.floor(best));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const whole = (value: number) => Math.max(1, Math.round(value));

/**
 * "Use in calculator": one workload with each model's measured tokens, the pass-rate bar as the
 * quality bar (with the run's figures as its evidence), and the suggested routing mix.
 */
export function evalScenario(
  run: { id: string; setName: string; date: string },
  summary: readonly ModelSummary[],
  barPercent: number,
  requestsPerMonth = 10_000,
): EstimateRequest | null {
  const { candidates, routing } = evalDecision(summary, barPercent);
  if (candidates.length === 0) return null;
  const evalRun: EvalRunEvidence = {
    runId: run.id,
    setName: run.setName,
    date: run.date,
    passRates: candidates.map((row) => ({
      model: row.model,
      passed: row.passed,
      graded: row.graded,
      simulatedBy: row.simulatedBy,
    })),
  };
  return {
    workloads: [
      {
        name: `Eval: ${run.setName}`.slice(0, 100),
        inputTokens: whole(mean(candidates.map((row) => row.meanInputTokens))),
        outputTokens: whole(mean(candidates.map((row) => row.meanOutputTokens))),
        cachedInputShare: 0,
        requestsPerMonth,
        measuredInputTokens: Object.fromEntries(
          candidates.map((row) => [row.model, whole(row.meanInputTokens)]),
        ),
        measuredOutputTokens: Object.fromEntries(
          candidates.map((row) => [row.model, whole(row.meanOutputTokens)]),
        ),
        ...(routing ? { routing } : {}),
      },
    ],
    models: candidates.map((row) => row.model),
    batch: false,
    includeDeprecated: false,
    qualityBar: { source: "eval", min: barPercent },
    evalRun,
  };
}
