import type { QualityScoreRow } from "@/db/schema";

/**
 * Scores as the API serves them, and the quality index. The index is the mean, over the headline
 * benchmarks a model has, of its percentile rank among catalog models scored on that benchmark
 * (0 = lowest, 100 = highest). It needs headline scores from at least MIN_INDEX_SOURCES distinct
 * sources; with fewer it is null, never derived from one leaderboard alone.
 */
export const HEADLINE_BENCHMARKS = [
  "lmarena|lmarena-text|overall-style-control",
  "aider|aider-polyglot|polyglot-225",
  "swe-bench|swe-bench|verified-bash-only",
  "livebench|livebench|global-average",
] as const;
export const MIN_INDEX_SOURCES = 2;

export interface ApiScore {
  source: string;
  benchmark: string;
  split: string;
  modelTested: string;
  setting: string | null;
  value: string;
  unit: string;
  ciLow: string | null;
  ciHigh: string | null;
  sampleSize: number | null;
  /** Source-specific facts, e.g. Aider's runCostUsd (the run's total cost at that day's prices). */
  details: Record<string, string | number | null>;
  sourceDate: string;
  url: string | null;
}

export interface ModelQuality {
  /** Percentile-rank mean, 0–100, one decimal; null when fewer than MIN_INDEX_SOURCES sources. */
  index: number | null;
  indexSources: string[];
  /** Latest score per benchmark and split, from the model's best-scoring tested configuration. */
  scores: ApiScore[];
}

export function toApiScore(row: QualityScoreRow): ApiScore {
  return {
    source: row.source,
    benchmark: row.benchmark,
    split: row.split,
    modelTested: row.modelTested,
    setting: row.setting,
    value: row.value,
    unit: row.unit,
    ciLow: row.ciLow,
    ciHigh: row.ciHigh,
    sampleSize: row.sampleSize,
    details: (row.details ?? {}) as ApiScore["details"],
    sourceDate: row.sourceDate,
    url: row.url,
  };
}

const benchmarkKey = (row: Pick<QualityScoreRow, "source" | "benchmark" | "split">) =>
  `${row.source}|${row.benchmark}|${row.split}`;

/** Rows must come oldest first: a later row for the same tested name replaces an earlier one. */
export function summarizeQuality(rows: readonly QualityScoreRow[]): Map<string, ModelQuality> {
  const latest = new Map<string, QualityScoreRow>();
  for (const row of rows) latest.set(`${row.modelId}|${benchmarkKey(row)}|${row.modelTested}`, row);
  const best = new Map<string, Map<string, QualityScoreRow>>();
  for (const row of latest.values()) {
    const byBenchmark = best.get(row.modelId) ?? new Map<string, QualityScoreRow>();
    const current = byBenchmark.get(benchmarkKey(row));
    if (!current || Number(row.value) > Number(current.value)) byBenchmark.set(benchmarkKey(row), row);
    best.set(row.modelId, byBenchmark);
  }

  const percentile = new Map<string, Map<string, number>>();
  for (const key of HEADLINE_BENCHMARKS) {
    const scored = [...best].flatMap(([modelId, byBenchmark]) => {
      const row = byBenchmark.get(key);
      return row ? [{ modelId, value: Number(row.value) }] : [];
    });
    if (scored.length < 2) continue;
    const ranks = new Map<string, number>();
    for (const { modelId, value } of scored) {
      const below = scored.filter((other) => other.value < value).length;
      ranks.set(modelId, (100 * below) / (scored.length - 1));
    }
    percentile.set(key, ranks);
  }

  const out = new Map<string, ModelQuality>();
  for (const [modelId, byBenchmark] of best) {
    const parts = HEADLINE_BENCHMARKS.flatMap((key) => {
      const rank = percentile.get(key)?.get(modelId);
      return rank === undefined ? [] : [{ source: key.split("|")[0] ?? key, rank }];
    });
    const sources = [...new Set(parts.map((part) => part.source))];
    const index =
      sources.length >= MIN_INDEX_SOURCES
        ? Math.round((10 * parts.reduce((sum, part) => sum + part.rank, 0)) / parts.length) / 10
        : null;
    out.set(modelId, {
      index,
      indexSources: index === null ? [] : sources,
      scores: [...byBenchmark.values()].map(toApiScore),
    });
  }
  return out;
}
