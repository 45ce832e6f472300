import Papa from "papaparse";
import { z } from "zod";
import { decimal, type QualityScore } from "../types";

export const BULLSHIT_BENCH_URL = "https://github.com/petergpt/bullshit-benchmark";

// A blank cell is not a zero: every number must be written out.
const count = z.string().regex(/^\d+$/).transform(Number);
const rate = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/)
  .transform(Number);
const rowSchema = z.object({
  rank: count,
  model: z.string().trim().min(1),
  reasoning: z.string().trim().min(1),
  avg_score: z.string().regex(/^\d+(\.\d+)?$/),
  green_rate: rate,
  red_rate: rate,
  score_2: count,
  score_1: count,
  score_0: count,
  nonsense_count: count.refine((value) => value > 0),
  error_count: count,
});

/**
 * BullshitBench v2 (Peter Gostev): 100 questions that sound technical but make no sense; a panel of
 * three judges grades each answer 2 (clearly pushes back), 1 (hedges) or 0 (answers the nonsense as if
 * it were sound). Read from data/v2/latest/leaderboard.csv, one row per model and reasoning setting.
 *
 * The stored value is the clear-pushback rate (answers graded 2, as a percentage of the questions),
 * which the leaderboard publishes as green_rate; its ranking figure, the mean grade on a 0–2 scale,
 * is kept in details with the rank and the share of answers that went along with the nonsense.
 * Models are OpenRouter slugs with the reasoning setting after "@reasoning=".
 */
export function parseBullshitBench(csvText: string, sourceDate: string): QualityScore[] {
  const parsed = Papa.parse<Record<string, string>>(csvText.trim(), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(`BullshitBench leaderboard not read: ${parsed.errors[0]?.message}`);
  return parsed.data.map((raw) => {
    const row = rowSchema.safeParse(raw);
    if (!row.success) throw new Error(`BullshitBench row not understood: ${JSON.stringify(raw)}`);
    const { model, reasoning, nonsense_count: questions, score_2: pushedBack } = row.data;
    const pushbackPercent = (100 * pushedBack) / questions;
    // The counts and the published rate must agree, or the columns are not what this reader expects.
    if (Math.abs(pushbackPercent - 100 * row.data.green_rate) > 0.5)
      throw new Error(`BullshitBench ${model}: green_rate does not match score_2 / nonsense_count`);
    return {
      source: "bullshit-bench",
      benchmark: "bullshit-bench",
      split: "v2-clear-pushback",
      modelTested: model,
      setting: reasoning,
      value: decimal(pushbackPercent),
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      // Graded answers: errors (and, in later files, refusals) are not graded.
      sampleSize: pushedBack + row.data.score_1 + row.data.score_0,
      details: {
        rank: row.data.rank,
        meanGradeOutOf2: row.data.avg_score,
        acceptedNonsensePercent: decimal((100 * row.data.score_0) / questions),
        hedgedPercent: decimal((100 * row.data.score_1) / questions),
        errors: row.data.error_count,
      },
      sourceDate,
      url: BULLSHIT_BENCH_URL,
    };
  });
}
