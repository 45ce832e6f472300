import type { ApiScore } from "./read";

/** Short names of the benchmarks, as a reason, a bar or a score list reads them. */
export const BENCHMARK_LABELS: Record<string, string> = {
  "lmarena|lmarena-text|overall-style-control": "LMArena text (style control)",
  "lmarena|lmarena-text|overall": "LMArena text",
  "aider|aider-polyglot|polyglot-225": "Aider polyglot",
  "swe-bench|swe-bench|verified-bash-only": "SWE-bench Verified (bash-only)",
  "livebench|livebench|global-average": "LiveBench",
  "livebench|livebench|global-average-2025-05-30": "LiveBench (2025-05-30 release)",
  "livebench|livebench|global-average-2024-07-26": "LiveBench (2024-07-26 release)",
  "nyt-connections|nyt-connections|extended": "NYT Connections (extended)",
  "vectara|vectara-hallucination|hhem-2.3-factual-consistency": "Vectara factual consistency",
  "vectara|vectara-hallucination|hhem-2.3-factual-consistency-old-dataset":
    "Vectara factual consistency (earlier documents)",
  "bullshit-bench|bullshit-bench|v2-clear-pushback": "BullshitBench v2 (clear pushback)",
};

export const benchmarkKeyOf = (score: Pick<ApiScore, "source" | "benchmark" | "split">) =>
  `${score.source}|${score.benchmark}|${score.split}`;

export function benchmarkLabel(score: Pick<ApiScore, "source" | "benchmark" | "split">): string {
  return BENCHMARK_LABELS[benchmarkKeyOf(score)] ?? `${score.benchmark} (${score.split})`;
}

const trim = (value: string) => value.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

/** "1,412" for an Elo rating, "61.3%" for a percentage: the figure as the leaderboard states it. */
export function formatScoreValue(score: Pick<ApiScore, "value" | "unit">): string {
  if (score.unit === "elo") return Math.round(Number(score.value)).toLocaleString("en-US");
  return `${trim(score.value)}%`;
}

/**
 * A score with its source and date, the way every reason and bar cites one:
 * "LMArena text (style control) 1,412 ± 5 (2025-12-11)". The ± is half the published 95% interval.
 */
export function citeScore(score: ApiScore): string {
  const interval =
    score.ciLow !== null && score.ciHigh !== null
      ? ` ± ${Math.round((Number(score.ciHigh) - Number(score.ciLow)) / 2).toLocaleString("en-US")}`
      : "";
  return `${benchmarkLabel(score)} ${formatScoreValue(score)}${interval} (${score.sourceDate})`;
}
