import { SCORE_DEFINITIONS, SCORE_KEYS, type ScoreKey, sourceName, type TableQuality } from "./scores";

/** Where a model stands on one benchmark among every catalog model scored on it. */
export interface Standing {
  key: ScoreKey;
  value: number;
  /** 1 = best; models with equal scores share a rank. */
  rank: number;
  of: number;
  /** Share of the other scored models it beats or ties below: 0 lowest, 100 highest. */
  percentile: number;
}

/** Rank of every model on every score key; a model with no score on a key has no standing there. */
export function standingsByModel(quality: ReadonlyMap<string, TableQuality>): Map<string, Standing[]> {
  const out = new Map<string, Standing[]>();
  for (const key of SCORE_KEYS) {
    const scored = [...quality].flatMap(([modelId, item]) => {
      const value = item.scores[key]?.value;
      return value === undefined ? [] : [{ modelId, value }];
    });
    const values = scored.map((item) => item.value).sort((a, b) => b - a);
    for (const { modelId, value } of scored) {
      const better = values.findIndex((other) => other <= value);
      const below = values.length - values.findLastIndex((other) => other >= value) - 1;
      const standing: Standing = {
        key,
        value,
        rank: better + 1,
        of: values.length,
        percentile: values.length < 2 ? 100 : Math.round((1000 * below) / (values.length - 1)) / 10,
      };
      out.set(modelId, [...(out.get(modelId) ?? []), standing]);
    }
  }
  return out;
}

/** How far apart two sources must place a model before the page calls it a disagreement. */
export const TOP_PERCENTILE = 90;
export const BOTTOM_HALF_PERCENTILE = 50;
/** Benchmarks with fewer scored models say too little about rank to contradict another. */
export const MIN_RANKED_MODELS = 10;

export interface Disagreement {
  high: Standing;
  low: Standing;
  text: string;
}

/** Pairs where one source puts the model in its top 10% and another in its bottom half. */
export function findDisagreements(standings: readonly Standing[]): Disagreement[] {
  const ranked = standings.filter((standing) => standing.of >= MIN_RANKED_MODELS);
  const highs = ranked.filter((standing) => standing.percentile >= TOP_PERCENTILE);
  const lows = ranked.filter((standing) => standing.percentile < BOTTOM_HALF_PERCENTILE);
  return highs.flatMap((high) =>
    lows
      .filter((low) => SCORE_DEFINITIONS[low.key].source !== SCORE_DEFINITIONS[high.key].source)
      .map((low) => ({
        high,
        low,
        text: `${labelOf(high)} ranks it #${high.rank} of ${high.of} (top ${Math.max(1, Math.round(100 - high.percentile))}%), but ${labelOf(low)} ranks it #${low.rank} of ${low.of} (bottom half).`,
      })),
  );
}

const SPLIT_NOTES: Partial<Record<ScoreKey, string>> = { arenaStyle: " (style-controlled)" };
const labelOf = (standing: Standing) =>
  `${sourceName(SCORE_DEFINITIONS[standing.key].source)}${SPLIT_NOTES[standing.key] ?? ""}`;
