import type { QualityScore } from "../types";
import { readTableAfterHeading } from "./markdown-table";

export const NYT_CONNECTIONS_URL = "https://github.com/lechmazur/nyt-connections";

const HEADING = "Leaderboard: Extended Version";
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Lech Mazur's Extended NYT Connections benchmark, read from its README: the main table (all
 * puzzles, extra trick words added). The score is printed to one decimal and kept as printed.
 */
export function parseNytConnections(readme: string, sourceDate: string): QualityScore[] {
  return readTableAfterHeading(readme, HEADING).map((row) => {
    const model = row.Model?.trim();
    const score = row["Score %"]?.trim();
    const puzzles = Number.parseInt(row["#Puzzles"] ?? "", 10);
    if (!model || !score || !DECIMAL.test(score) || !Number.isInteger(puzzles)) {
      throw new Error(`NYT Connections row not understood: ${JSON.stringify(row)}`);
    }
    return {
      source: "nyt-connections",
      benchmark: "nyt-connections",
      split: "extended",
      modelTested: model,
      setting: null,
      value: score,
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      sampleSize: puzzles,
      details: {},
      sourceDate,
      url: NYT_CONNECTIONS_URL,
    };
  });
}
