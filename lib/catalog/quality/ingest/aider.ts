import { parse } from "yaml";
import { z } from "zod";
import { utcDay } from "@/lib/dates";
import { decimal, type QualityScore } from "../types";

const rowSchema = z.object({
  model: z.string(),
  edit_format: z.string(),
  pass_rate_2: z.number(),
  total_cost: z.number().optional(),
  date: z.union([z.string(), z.date()]),
  command: z.string().optional(),
  reasoning_effort: z.string().optional(),
  thinking_tokens: z.union([z.string(), z.number()]).optional(),
});

export const AIDER_URL = "https://aider.chat/docs/leaderboards/";

/** Aider's polyglot leaderboard: second-try pass rate over 225 exercises, one row per run. */
export function parseAider(yamlText: string): QualityScore[] {
  const rows = z.array(z.looseObject({})).parse(parse(yamlText));
  const scores: QualityScore[] = [];
  for (const raw of rows) {
    const row = rowSchema.safeParse(raw);
    // Runs that pair two models ("o3 + gpt-4.1") measure no single model.
    if (!row.success || row.data.model.includes(" + ")) continue;
    const date = row.data.date instanceof Date ? utcDay(row.data.date.getTime()) : row.data.date.slice(0, 10);
    scores.push({
      source: "aider",
      benchmark: "aider-polyglot",
      split: "polyglot-225",
      modelTested: row.data.model,
      setting: row.data.reasoning_effort ?? null,
      value: decimal(row.data.pass_rate_2, 1),
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      sampleSize: 225,
      details: {
        editFormat: row.data.edit_format,
        runCostUsd: row.data.total_cost === undefined ? null : decimal(row.data.total_cost, 4),
        command: row.data.command ?? null,
      },
      sourceDate: date,
      url: AIDER_URL,
    });
  }
  return scores;
}
