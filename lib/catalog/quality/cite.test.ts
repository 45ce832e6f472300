import { describe, expect, it } from "vitest";
import { citeScore } from "./cite";
import type { ApiScore } from "./read";

const base: ApiScore = {
  source: "lmarena",
  benchmark: "lmarena-text",
  split: "overall-style-control",
  modelTested: "gemini-3-pro",
  setting: null,
  value: "1412.3000",
  unit: "elo",
  ciLow: "1407.1000",
  ciHigh: "1417.3000",
  sampleSize: null,
  details: {},
  sourceDate: "2025-12-11",
  url: null,
};

describe("citeScore", () => {
  it("cites an Elo rating with half its 95% interval, its source and its date", () => {
    expect(citeScore(base)).toBe("LMArena text (style control) 1,412 ± 5 (2025-12-11)");
  });

  it("cites a percentage as stored (numeric(12,4)) without trailing zeros and without an interval", () => {
    const aider = { ...base, source: "aider", benchmark: "aider-polyglot", split: "polyglot-225" };
    expect(citeScore({ ...aider, value: "88.0000", unit: "percent", ciLow: null, ciHigh: null })).toBe(
      "Aider polyglot 88% (2025-12-11)",
    );
    expect(citeScore({ ...aider, value: "61.3000", unit: "percent", ciLow: null, ciHigh: null })).toBe(
      "Aider polyglot 61.3% (2025-12-11)",
    );
  });
});
