import { z } from "zod";
import { decimal, type QualityScore } from "../types";

const ratingsSchema = z.object({
  full: z.record(
    z.string(),
    z.object({ rating: z.number(), rating_q025: z.number(), rating_q975: z.number() }),
  ),
});

export const LMARENA_URL = "https://github.com/lmarena/arena-catalog";

/**
 * LMArena's text leaderboard, overall category. The files carry the rating and its 95% interval;
 * vote counts are not published in this repository, so sampleSize stays null.
 */
export function parseLmarena(json: unknown, sourceDate: string, styleControl: boolean): QualityScore[] {
  const parsed = ratingsSchema.parse(json);
  const file = styleControl ? "leaderboard-text-style-control.json" : "leaderboard-text.json";
  return Object.entries(parsed.full).map(([name, row]) => ({
    source: "lmarena",
    benchmark: "lmarena-text",
    split: styleControl ? "overall-style-control" : "overall",
    modelTested: name,
    setting: null,
    value: decimal(row.rating, 1),
    unit: "elo",
    ciLow: decimal(row.rating_q025, 1),
    ciHigh: decimal(row.rating_q975, 1),
    sampleSize: null,
    details: { styleControl: styleControl ? "yes" : "no" },
    sourceDate,
    url: `${LMARENA_URL}/blob/main/data/${file}`,
  }));
}
