import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBullshitBench } from "./bullshit-bench";

const fixture = readFileSync(
  path.join(process.cwd(), "tests", "fixtures", "quality", "bullshit-bench-leaderboard.csv"),
  "utf8",
);
const header = fixture.split("\n")[0];

describe("parseBullshitBench", () => {
  it("keeps the clear-pushback rate as the score, the slug as tested and the reasoning setting", () => {
    const scores = parseBullshitBench(fixture, "2026-04-27");
    expect(scores).toHaveLength(3);
    expect(scores[1]).toEqual({
      source: "bullshit-bench",
      benchmark: "bullshit-bench",
      split: "v2-clear-pushback",
      modelTested: "openai/gpt-5.1-chat@reasoning=default",
      setting: "default",
      value: "45.00",
      unit: "percent",
      ciLow: null,
      ciHigh: null,
      sampleSize: 100,
      details: {
        rank: 44,
        meanGradeOutOf2: "1.0533",
        acceptedNonsensePercent: "36.00",
        hedgedPercent: "19.00",
        errors: 0,
      },
      sourceDate: "2026-04-27",
      url: "https://github.com/petergpt/bullshit-benchmark",
    });
  });

  it("counts only graded answers in the sample, and refuses columns that disagree", () => {
    const withErrors = `${header}\n7,openai/o3@reasoning=high,openai,high,1.5,0.70,0.1,70,20,8,100,2\n`;
    expect(parseBullshitBench(withErrors, "2026-04-27")[0]).toMatchObject({ value: "70.00", sampleSize: 98 });
    const disagreeing = `${header}\n7,openai/o3@reasoning=high,openai,high,1.5,0.90,0.1,70,20,10,100,0\n`;
    expect(() => parseBullshitBench(disagreeing, "2026-04-27")).toThrow(/green_rate does not match/);
    const missing = `${header}\n7,openai/o3@reasoning=high,openai,high,,0.70,0.1,70,20,10,100,0\n`;
    expect(() => parseBullshitBench(missing, "2026-04-27")).toThrow(/row not understood/);
    // A blank count is unknown, never read as 0.
    const blank = `${header}\n7,openai/o3@reasoning=high,openai,high,0,0,1,,0,100,100,0\n`;
    expect(() => parseBullshitBench(blank, "2026-04-27")).toThrow(/row not understood/);
  });
});
