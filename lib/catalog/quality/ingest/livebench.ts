import { z } from "zod";
import { decimal, type QualityScore } from "../types";

export const LIVEBENCH_URL = "https://livebench.ai/";

const categoriesSchema = z.record(z.string(), z.array(z.string()).min(1));

/** Mean of the stated numbers; a task the model was not run on (empty cell) is left out, as the site does. */
function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * LiveBench's table: one row per model, one column per task. The global average is computed as
 * the site computes it (src/Table/Averaging.js): the mean of the category means. Each release
 * asks different questions, so an earlier release's table goes under its own split
 * ("global-average-2025-05-30") and is never ranked against the current one.
 */
export function parseLivebench(
  csvText: string,
  categoriesJson: unknown,
  sourceDate: string,
  split = "global-average",
): QualityScore[] {
  const categories = categoriesSchema.parse(categoriesJson);
  // The file is numbers and plain model ids; a quote would mean a format this reader does not handle.
  if (csvText.includes('"')) throw new Error("LiveBench table has quoted fields; expected plain CSV");
  const [header, ...lines] = csvText.trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  if (columns[0] !== "model") throw new Error('LiveBench table must start with a "model" column');
  const scores: QualityScore[] = [];
  for (const line of lines) {
    const cells = line.split(",");
    const model = cells[0]?.trim();
    if (!model) continue;
    const task = new Map(columns.map((column, index) => [column, Number.parseFloat(cells[index] ?? "")]));
    const categoryMeans = Object.entries(categories).map(([category, tasks]) => [
      category,
      mean(tasks.map((name) => task.get(name) ?? Number.NaN).filter((value) => !Number.isNaN(value))),
    ]) as [string, number | null][];
    const known = categoryMeans.flatMap(([, value]) => (value === null ? [] : [value]));
    // A model missing a whole category has no comparable global average.
    if (known.length !== categoryMeans.length) continue;
    scores.push({
      source: "livebench",
      benchmark: "livebench",
      split,
      modelTested: model,
      setting: null,
      value: decimal(mean(known) ?? 0, 2),
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      sampleSize: null,
      details: Object.fromEntries(
        categoryMeans.map(([category, value]) => [category, value === null ? null : decimal(value, 2)]),
      ),
      sourceDate,
      url: LIVEBENCH_URL,
    });
  }
  return scores;
}
