import { guideName, isGuideId } from "../../guides/sources";
import { HEADLINE_BENCHMARKS, MIN_INDEX_SOURCES, type ModelQuality } from "../read";

/**
 * The per-source score columns of the catalog: one benchmark and split each, named for the URL
 * (`minScore=arena:1300`, `sort=aider`). Values are the model's best-scoring tested setting, as the
 * quality summary keeps them. Browser-safe: only types come from the server-side modules.
 */
export const SCORE_KEYS = [
  "arena",
  "arenaStyle",
  "aider",
  "sweBench",
  "liveBench",
  "guideHumanEval",
  "guideMmlu",
  "guideReasoning",
] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

export interface ScoreDefinition {
  /** `source|benchmark|split`, as stored. */
  benchmarkKey: string;
  source: string;
  label: string;
  /** Column header, short. */
  short: string;
  unit: "elo" | "percent";
}

export const SCORE_DEFINITIONS: Record<ScoreKey, ScoreDefinition> = {
  arena: {
    benchmarkKey: "lmarena|lmarena-text|overall",
    source: "lmarena",
    label: "LMArena text rating",
    short: "Arena",
    unit: "elo",
  },
  arenaStyle: {
    benchmarkKey: "lmarena|lmarena-text|overall-style-control",
    source: "lmarena",
    label: "LMArena text rating, style-controlled",
    short: "Arena (style ctrl)",
    unit: "elo",
  },
  aider: {
    benchmarkKey: "aider|aider-polyglot|polyglot-225",
    source: "aider",
    label: "Aider polyglot pass rate",
    short: "Aider %",
    unit: "percent",
  },
  sweBench: {
    benchmarkKey: "swe-bench|swe-bench|verified-bash-only",
    source: "swe-bench",
    label: "SWE-bench Verified (bash-only) resolved",
    short: "SWE-bench %",
    unit: "percent",
  },
  liveBench: {
    benchmarkKey: "livebench|livebench|global-average",
    source: "livebench",
    label: "LiveBench global average",
    short: "LiveBench",
    unit: "percent",
  },
  guideHumanEval: {
    benchmarkKey: "buying-guides|humaneval|humaneval_coding",
    source: "buying-guides",
    label: "HumanEval, as a buying guide quotes it",
    short: "Guide HumanEval %",
    unit: "percent",
  },
  guideMmlu: {
    benchmarkKey: "buying-guides|mmlu|mmlu_knowledge",
    source: "buying-guides",
    label: "MMLU, as a buying guide quotes it",
    short: "Guide MMLU %",
    unit: "percent",
  },
  guideReasoning: {
    benchmarkKey: "buying-guides|graduate-reasoning|graduate_reasoning",
    source: "buying-guides",
    label: "Graduate-level reasoning, as a buying guide quotes it",
    short: "Guide reasoning %",
    unit: "percent",
  },
};

export const SOURCE_NAMES: Record<string, string> = {
  lmarena: "LMArena",
  aider: "Aider polyglot",
  "swe-bench": "SWE-bench Verified",
  livebench: "LiveBench",
  "nyt-connections": "Extended NYT Connections",
  vectara: "Vectara hallucination leaderboard",
  "bullshit-bench": "BullshitBench",
  "buying-guides": "Buying guides",
};

export const sourceName = (source: string): string => SOURCE_NAMES[source] ?? source;

/** A score's source as a row shows it: a buying guide's score also names the guide it quotes. */
export function scoreSourceName(score: { source: string; details: Record<string, unknown> }): string {
  const citation = score.details.citation;
  return typeof citation === "string" && isGuideId(citation)
    ? `${sourceName(score.source)}: ${guideName(citation)}`
    : sourceName(score.source);
}

const KEY_BY_BENCHMARK = new Map(
  SCORE_KEYS.map((key) => [SCORE_DEFINITIONS[key].benchmarkKey, key] as const),
);

export function scoreKeyOf(score: { source: string; benchmark: string; split: string }): ScoreKey | null {
  return KEY_BY_BENCHMARK.get(`${score.source}|${score.benchmark}|${score.split}`) ?? null;
}

/** One score as a table cell needs it: the number to sort by, and what was tested when. */
export interface ScoreCell {
  value: number;
  /** The exact decimal as published. */
  text: string;
  tested: string;
  date: string;
}

/** A model's quality as the table, filters and charts use it; sent to the browser per model. */
export interface TableQuality {
  index: number | null;
  indexSources: string[];
  /** Distinct sources with a headline score, so a missing index can say why. */
  headlineSources: string[];
  scores: Partial<Record<ScoreKey, ScoreCell>>;
}

const HEADLINE_SET: ReadonlySet<string> = new Set(HEADLINE_BENCHMARKS);

export function toTableQuality(quality: ModelQuality): TableQuality {
  const scores: Partial<Record<ScoreKey, ScoreCell>> = {};
  const headline = new Set<string>();
  for (const score of quality.scores) {
    if (HEADLINE_SET.has(`${score.source}|${score.benchmark}|${score.split}`)) headline.add(score.source);
    const key = scoreKeyOf(score);
    if (!key) continue;
    scores[key] = {
      value: Number(score.value),
      text: score.value,
      // The name as tested already carries its setting ("gpt-5 (high)", "…-thinking-32k").
      tested: score.modelTested,
      date: score.sourceDate,
    };
  }
  return { index: quality.index, indexSources: quality.indexSources, headlineSources: [...headline], scores };
}

/** The quality index or one score; null when unknown (never 0). */
export function qualityValue(quality: TableQuality | null, key: "quality" | ScoreKey): number | null {
  if (!quality) return null;
  return key === "quality" ? quality.index : (quality.scores[key]?.value ?? null);
}

export function formatScore(key: "quality" | ScoreKey, value: number): string {
  if (key === "quality") return value.toFixed(1);
  return SCORE_DEFINITIONS[key].unit === "elo" ? value.toFixed(0) : `${value.toFixed(1)}%`;
}

/** The index's definition in words, for the table's help and the API docs. */
export const INDEX_FORMULA = {
  headline: HEADLINE_BENCHMARKS.map((key) => {
    const scoreKey = KEY_BY_BENCHMARK.get(key);
    return scoreKey ? SCORE_DEFINITIONS[scoreKey].label : key;
  }),
  minSources: MIN_INDEX_SOURCES,
};
