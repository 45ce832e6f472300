import type { QualityScore } from "../types";
import { readFirstTable } from "./markdown-table";

export const VECTARA_URL = "https://github.com/vectara/hallucination-leaderboard";

/** "91.7 %" → "91.7" (a few archived rows omit the sign); anything else is not guessed at. */
function percent(cell: string | undefined, column: string, model: string): string {
  const match = cell?.trim().match(/^(\d+(?:\.\d+)?)\s*%?$/);
  if (!match?.[1]) throw new Error(`Vectara ${column} for ${model} not understood: ${JSON.stringify(cell)}`);
  return match[1];
}

/**
 * Vectara's hallucination leaderboard (HHEM-2.3 judging document summaries), read from its README
 * table. The stored value is the factual consistency rate (100 − hallucination rate), so that higher
 * is better like every other score; the hallucination and answer rates are kept in details. The
 * archived table on the earlier document set (branch hhem-2.3-old-dataset) is read under its own split.
 */
export function parseVectara(
  readme: string,
  sourceDate: string,
  split = "hhem-2.3-factual-consistency",
): QualityScore[] {
  return readFirstTable(readme).map((row) => {
    const model = row.Model?.trim();
    if (!model) throw new Error(`Vectara row without a model: ${JSON.stringify(row)}`);
    return {
      source: "vectara",
      benchmark: "vectara-hallucination",
      split,
      modelTested: model,
      setting: null,
      value: percent(row["Factual Consistency Rate"], "Factual Consistency Rate", model),
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      sampleSize: null,
      details: {
        hallucinationRatePercent: percent(row["Hallucination Rate"], "Hallucination Rate", model),
        answerRatePercent: percent(row["Answer Rate"], "Answer Rate", model),
        averageSummaryWords: row["Average Summary Length (Words)"]?.trim() || null,
      },
      sourceDate,
      url: VECTARA_URL,
    };
  });
}
