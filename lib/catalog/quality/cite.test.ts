import { describe, expect, it } from "vitest";
import { BENCHMARK_LABELS, benchmarkKeyOf, citeScore } from "./cite";
import type { ApiScore } from "./read";
import { loadQualityFile } from "./store";
import { SOURCE_NAMES, scoreKeyOf } from "./views/scores";

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

  it("names an earlier LiveBench release and the new sources, so their figures are not read as the headline ones", () => {
    const percent = { ...base, unit: "percent" as const, ciLow: null, ciHigh: null };
    const livebench = { ...percent, source: "livebench", benchmark: "livebench", value: "47.5000" };
    expect(citeScore({ ...livebench, split: "global-average-2025-05-30", sourceDate: "2025-12-01" })).toBe(
      "LiveBench (2025-05-30 release) 47.5% (2025-12-01)",
    );
    const nyt = { ...percent, source: "nyt-connections", benchmark: "nyt-connections", split: "extended" };
    expect(citeScore({ ...nyt, value: "85.7000", sourceDate: "2026-07-17" })).toBe(
      "NYT Connections (extended) 85.7% (2026-07-17)",
    );
  });
});

describe("names of the committed sources", () => {
  it("names every source and every benchmark the committed scores come from", () => {
    const file = loadQualityFile();
    const unnamedSources = file.sources.filter((source) => !SOURCE_NAMES[source.id]).map((s) => s.id);
    const unnamedBenchmarks = new Set(
      file.scores
        .filter((score) => !BENCHMARK_LABELS[benchmarkKeyOf(score)] && !scoreKeyOf(score))
        .map(benchmarkKeyOf),
    );
    expect(unnamedSources).toEqual([]);
    expect([...unnamedBenchmarks]).toEqual([]);
  });
});
