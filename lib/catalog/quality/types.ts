import { z } from "zod";

/** One published score, exactly as the leaderboard reports it; matching to catalog models happens on load. */
export const qualityScoreSchema = z.object({
  source: z.string().min(1),
  benchmark: z.string().min(1),
  /** Split, category or leaderboard variant, e.g. "overall-style-control" or "verified-bash-only". */
  split: z.string().min(1),
  /** The model name as the leaderboard prints it, with its effort or thinking setting. */
  modelTested: z.string().min(1),
  /** Effort or thinking setting read from the name ("high", "thinking-32k"), null when none is stated. */
  setting: z.string().nullable(),
  /** Decimal string: scores are compared and fingerprinted exactly. */
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  unit: z.enum(["elo", "percent"]),
  ciLow: z.string().nullable(),
  ciHigh: z.string().nullable(),
  sampleSize: z.number().int().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** A day, or a month where the source gives no day (the buying guides). */
  sourceDate: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  url: z.url().nullable(),
});
export type QualityScore = z.infer<typeof qualityScoreSchema>;

export const qualitySourceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Null for the buying guides, which are committed texts without a public address. */
  url: z.url().nullable(),
  licence: z.string().min(1),
  sourceDate: z.iso.date(),
});
export type QualitySource = z.infer<typeof qualitySourceSchema>;

export const qualityFileSchema = z.object({
  generatedAt: z.iso.datetime(),
  sources: z.array(qualitySourceSchema),
  scores: z.array(qualityScoreSchema),
});
export type QualityFile = z.infer<typeof qualityFileSchema>;

/** Rounds a float read from a leaderboard to a fixed decimal string, so equal scores fingerprint equally. */
export function decimal(value: number, digits = 2): string {
  return value.toFixed(digits);
}
