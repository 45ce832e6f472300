import { z } from "zod";
import { BENCHMARK_LABELS, benchmarkKeyOf, citeScore } from "@/lib/catalog/quality/cite";
import { type ApiScore, HEADLINE_BENCHMARKS, type ModelQuality } from "@/lib/catalog/quality/read";
import { divideRoundHalfUp, divideUsd, type Money, parseUsd, toUsdString } from "@/lib/money";

/**
 * The calculator's quality bar: "at least N on source X" (or on the quality index, or on the pass rate
 * an eval run of the team's own prompts measured). The headline answer becomes the cheapest model
 * meeting it; models without a score from X are listed apart, neither passed nor dropped.
 */
export const QUALITY_BAR_SOURCES = ["index", "eval", "lmarena", "aider", "swe-bench", "livebench"] as const;
export type QualityBarSource = (typeof QUALITY_BAR_SOURCES)[number];

const keyOf = (source: Exclude<QualityBarSource, "index" | "eval">) =>
  HEADLINE_BENCHMARKS.find((key) => key.startsWith(`${source}|`)) ?? source;

export const QUALITY_BAR_OPTIONS: Record<QualityBarSource, { label: string; unit: string; max: number }> = {
  index: { label: "Quality index", unit: "0–100", max: 100 },
  eval: { label: "Eval pass rate", unit: "% of cases passed", max: 100 },
  lmarena: { label: BENCHMARK_LABELS[keyOf("lmarena")] ?? "LMArena", unit: "Elo", max: 3000 },
  aider: { label: BENCHMARK_LABELS[keyOf("aider")] ?? "Aider", unit: "% solved", max: 100 },
  "swe-bench": { label: BENCHMARK_LABELS[keyOf("swe-bench")] ?? "SWE-bench", unit: "% resolved", max: 100 },
  livebench: { label: BENCHMARK_LABELS[keyOf("livebench")] ?? "LiveBench", unit: "% average", max: 100 },
};

export const qualityBarSchema = z
  .object({
    source: z.enum(QUALITY_BAR_SOURCES, {
      error: `source must be one of ${QUALITY_BAR_SOURCES.join(", ")}`,
    }),
    min: z.number({ error: "min must be a number" }),
  })
  .superRefine((bar, context) => {
    const { max, label } = QUALITY_BAR_OPTIONS[bar.source];
    if (bar.min < 0 || bar.min > max)
      context.addIssue({ code: "custom", path: ["min"], message: `min for ${label} must be 0 to ${max}` });
  });
export type QualityBar = z.infer<typeof qualityBarSchema>;

/**
 * The pass rates an eval run measured, carried in the scenario so that a shared link keeps its
 * evidence. Keyed by catalog model; a simulated model is priced as the offering it mirrors and says so.
 */
export const evalRunSchema = z.object({
  runId: z.uuid({ error: "runId must be an eval run's id" }),
  setName: z.string().trim().min(1).max(200),
  /** The run's date, YYYY-MM-DD. */
  date: z.iso.date({ error: "date must be a date, YYYY-MM-DD" }),
  passRates: z
    .array(
      z
        .object({
          model: z.string().min(1).max(200),
          passed: z.number().int().min(0),
          graded: z.number().int().min(1, "graded must be at least 1"),
          /** The simulated model whose answers these are, when the model is the offering it mirrors. */
          simulatedBy: z
            .string()
            .regex(/^demo\/[a-z-]+$/, "simulatedBy must be a simulated model's id")
            .nullish(),
        })
        .refine((rate) => rate.passed <= rate.graded, {
          message: "passed cannot exceed graded",
          path: ["passed"],
        }),
    )
    .min(1)
    .max(6)
    .refine((rates) => new Set(rates.map((rate) => rate.model)).size === rates.length, {
      message: "each model may have one pass rate",
    }),
});
export type EvalRunEvidence = z.infer<typeof evalRunSchema>;

/** A pass rate as a percent with one decimal, rounded half up. */
export const passPercent = (passed: number, graded: number) =>
  Number(divideRoundHalfUp(BigInt(passed) * 1000n, BigInt(graded))) / 10;

/** How a pass rate names the simulated model that earned it: " (simulated by demo/…)", or nothing. */
export const simulatedByNote = (simulatedBy: string | null | undefined) =>
  simulatedBy ? ` (simulated by ${simulatedBy})` : "";

function evalEvidence(run: EvalRunEvidence | null | undefined, model: string): QualityEvidence | null {
  const rate = run?.passRates.find((candidate) => candidate.model === model);
  if (!run || !rate) return null;
  const value = passPercent(rate.passed, rate.graded);
  return {
    value,
    citation: `Eval pass rate ${value}% (${rate.passed} of ${rate.graded} cases)${simulatedByNote(rate.simulatedBy)}, “${run.setName}”, ${run.date}`,
    url: `/evals/runs/${encodeURIComponent(run.runId)}`,
  };
}

/** The figure a model is held to, with what it cites. */
export interface QualityEvidence {
  value: number;
  citation: string;
  url: string | null;
}

export function evidenceFor(
  quality: ModelQuality | null,
  source: Exclude<QualityBarSource, "eval">,
): QualityEvidence | null {
  if (!quality) return null;
  if (source === "index") {
    if (quality.index === null) return null;
    const dates = quality.scores.map((score) => score.sourceDate).sort();
    return {
      value: quality.index,
      citation: `Quality index ${quality.index} from ${quality.indexSources.join(", ")} (scores to ${dates.at(-1) ?? "unknown"})`,
      url: null,
    };
  }
  const score = quality.scores.find((candidate) => benchmarkKeyOf(candidate) === keyOf(source));
  return score ? { value: Number(score.value), citation: citeScore(score), url: score.url } : null;
}

export const describeBar = (bar: QualityBar) =>
  `${QUALITY_BAR_OPTIONS[bar.source].label} ≥ ${bar.min.toLocaleString("en-US")}`;

/** What Aider's published run cost says per exercise and per solved exercise. */
export interface SolvedTaskCost {
  runCostUsd: string;
  tasks: number;
  solvedTasks: number;
  perTaskUsd: string;
  perSolvedTaskUsd: string | null;
  modelTested: string;
  sourceDate: string;
  url: string | null;
}

/**
 * Aider reports total_cost over its 225 exercises at the prices of the run's day. Solved tasks are
 * the pass rate (one decimal) of those exercises, rounded half up to a whole exercise; the money is
 * divided exactly with lib/money.
 */
export function solvedTaskCost(score: ApiScore): SolvedTaskCost | null {
  const runCost = score.details.runCostUsd;
  if (typeof runCost !== "string" || score.sampleSize === null || score.sampleSize <= 0) return null;
  const tenthsOfPercent = BigInt(Math.round(Number(score.value) * 10));
  const solved = Number(divideRoundHalfUp(BigInt(score.sampleSize) * tenthsOfPercent, 1000n));
  const total: Money = parseUsd(runCost);
  return {
    runCostUsd: toUsdString(total),
    tasks: score.sampleSize,
    solvedTasks: solved,
    perTaskUsd: toUsdString(divideUsd(total, score.sampleSize)),
    perSolvedTaskUsd: solved === 0 ? null : toUsdString(divideUsd(total, solved)),
    modelTested: score.modelTested,
    sourceDate: score.sourceDate,
    url: score.url,
  };
}

export function aiderCostOf(quality: ModelQuality | null): SolvedTaskCost | null {
  const score = quality?.scores.find((candidate) => benchmarkKeyOf(candidate) === keyOf("aider"));
  return score ? solvedTaskCost(score) : null;
}

export type BarVerdict =
  | { kind: "meets"; evidence: QualityEvidence }
  | { kind: "below"; evidence: QualityEvidence; reason: string }
  | { kind: "unscored"; reason: string };

/**
 * Unknown never passes and never fails: a model with no score from the bar's source is set apart. An
 * eval bar reads the scenario's eval run; every other source, the catalog's scores.
 */
export function judgeAgainstBar(
  quality: ModelQuality | null,
  bar: QualityBar,
  model: string,
  evalRun?: EvalRunEvidence | null,
): BarVerdict {
  const evidence = bar.source === "eval" ? evalEvidence(evalRun, model) : evidenceFor(quality, bar.source);
  const label = QUALITY_BAR_OPTIONS[bar.source].label;
  if (!evidence)
    return {
      kind: "unscored",
      reason:
        bar.source === "index"
          ? "no quality index (needs scores from two sources) — not compared"
          : bar.source === "eval"
            ? evalRun
              ? `not in the eval run “${evalRun.setName}” — not compared`
              : "no eval run in this scenario — not compared"
            : `no score from ${label} — not compared`,
    };
  if (evidence.value >= bar.min) return { kind: "meets", evidence };
  return { kind: "below", evidence, reason: `${evidence.citation} is below ${describeBar(bar)}` };
}
