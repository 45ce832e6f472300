import { describe, expect, it } from "vitest";
import type { ApiScore, ModelQuality } from "@/lib/catalog/quality/read";
import { fixtureOffering, fixturePrice } from "@/lib/catalog/test-fixtures";
import { buildEstimate } from "./estimate";
import { solvedTaskCost } from "./quality-bar";
import { estimateRequestSchema } from "./schema";
import { catalogOf } from "./test-catalog";

const score = (overrides: Partial<ApiScore>): ApiScore => ({
  source: "lmarena",
  benchmark: "lmarena-text",
  split: "overall-style-control",
  modelTested: "x",
  setting: null,
  value: "1400.0000",
  unit: "elo",
  ciLow: "1395.0000",
  ciHigh: "1405.0000",
  sampleSize: null,
  details: {},
  sourceDate: "2025-12-11",
  url: "https://github.com/lmarena/arena-catalog",
  ...overrides,
});
const arena = (value: string): ModelQuality => ({
  index: null,
  indexSources: [],
  scores: [score({ value })],
});
const aider = (value: string, runCostUsd: string | null): ApiScore =>
  score({
    source: "aider",
    benchmark: "aider-polyglot",
    split: "polyglot-225",
    unit: "percent",
    value,
    ciLow: null,
    ciHigh: null,
    sampleSize: 225,
    details: { runCostUsd },
    sourceDate: "2025-10-04",
  });

// Per request 1,000 input + 500 output tokens, 10,000 requests a month.
const price = (input: string, output: string) => ({
  price: fixturePrice({ inputPerMTok: input, outputPerMTok: output }),
});
const catalog = catalogOf([
  fixtureOffering("a/cheap-weak", price("0.1", "0.4")), // $3/month
  fixtureOffering("a/cheap-unscored", price("0.1", "0.2")), // $2/month
  fixtureOffering("b/mid-strong", price("1", "2")), // $20/month
  fixtureOffering("c/tie-stronger", price("1", "2")), // $20/month
  fixtureOffering("d/dear-strong", price("5", "15")), // $125/month
]);
const quality: Record<string, ModelQuality> = {
  "cheap-weak": arena("1300.0000"),
  "mid-strong": arena("1410.0000"),
  "tie-stronger": {
    index: 80,
    indexSources: ["lmarena", "aider"],
    scores: [score({ value: "1450.0000" }), aider("61.3", "26.5800")],
  },
  "dear-strong": { index: 95.5, indexSources: ["lmarena", "aider"], scores: [score({ value: "1480.0000" })] },
};
const chat = { name: "Chat", inputTokens: 1_000, outputTokens: 500, requestsPerMonth: 10_000 };
const estimate = (qualityBar: unknown) =>
  buildEstimate(
    catalog,
    estimateRequestSchema.parse({ workloads: [chat], qualityBar }),
    (modelId) => quality[modelId] ?? null,
  );

describe("quality bar", () => {
  it("makes the cheapest model meeting the bar the headline and lists the rest apart", () => {
    const result = estimate({ source: "lmarena", min: 1400 });
    // Equal cost ($20): the higher score ranks first.
    expect(result.results.map((row) => [row.model, row.monthlyUsd])).toEqual([
      ["c/tie-stronger", "20"],
      ["b/mid-strong", "20"],
      ["d/dear-strong", "125"],
    ]);
    expect(result.results[1]?.quality).toEqual({
      value: 1410,
      citation: "LMArena text (style control) 1,410 ± 5 (2025-12-11)",
      url: "https://github.com/lmarena/arena-catalog",
    });
    expect(result.qualityBar).toEqual({
      label: "LMArena text (style control) ≥ 1,400",
      belowBar: [
        {
          model: "a/cheap-weak",
          reason:
            "LMArena text (style control) 1,300 ± 5 (2025-12-11) is below LMArena text (style control) ≥ 1,400",
        },
      ],
      unscored: [
        { model: "a/cheap-unscored", reason: "no score from LMArena text (style control) — not compared" },
      ],
    });
  });

  it("counts a score exactly at the bar as meeting it", () => {
    expect(estimate({ source: "lmarena", min: 1410 }).results.map((row) => row.model)).toContain(
      "b/mid-strong",
    );
    expect(estimate({ source: "lmarena", min: 1410.1 }).results.map((row) => row.model)).not.toContain(
      "b/mid-strong",
    );
  });

  it("holds models to the quality index, and a model without one is set apart, not failed", () => {
    const result = estimate({ source: "index", min: 90 });
    expect(result.results.map((row) => row.model)).toEqual(["d/dear-strong"]);
    expect(result.qualityBar?.belowBar.map((row) => row.model)).toEqual(["c/tie-stronger"]);
    expect(result.qualityBar?.unscored.map((row) => row.model)).toEqual([
      "a/cheap-unscored",
      "a/cheap-weak",
      "b/mid-strong",
    ]);
  });

  it("leaves the estimate unchanged without a bar", () => {
    const result = estimate(null);
    expect(result.results).toHaveLength(5);
    expect(result.qualityBar).toBeNull();
    expect(result.results[0]?.quality).toBeUndefined();
  });

  it("shows Aider's cost per solved task beside a model that has one", () => {
    const row = estimate({ source: "lmarena", min: 1400 }).results[0];
    expect(row?.aiderCost).toMatchObject({ runCostUsd: "26.58", solvedTasks: 138, sourceDate: "2025-10-04" });
  });

  it("refuses a bar on an unknown source or outside the source's range, naming the field", () => {
    const issues = (bar: unknown) =>
      estimateRequestSchema
        .safeParse({ workloads: [chat], qualityBar: bar })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ source: "mmlu", min: 50 })).toEqual([
      ["qualityBar.source", "source must be one of index, eval, lmarena, aider, swe-bench, livebench"],
    ]);
    expect(issues({ source: "aider", min: 101 })).toEqual([
      ["qualityBar.min", "min for Aider polyglot must be 0 to 100"],
    ]);
    expect(issues({ source: "lmarena", min: "high" })).toEqual([["qualityBar.min", "min must be a number"]]);
    expect(issues({ source: "lmarena", min: 2500 })).toBeUndefined();
  });
});

describe("quality bar on an eval run's pass rates", () => {
  const runId = "260a239c-9be0-4ebe-94e1-d92dfb68f566";
  const evalRun = {
    runId,
    setName: "Support replies",
    date: "2026-12-05",
    passRates: [
      { model: "a/cheap-weak", passed: 13, graded: 20 },
      { model: "b/mid-strong", passed: 17, graded: 20 },
      { model: "a/cheap-unscored", passed: 2, graded: 3, simulatedBy: "demo/swift" },
    ],
  };
  const withRun = (qualityBar: unknown, run: unknown = evalRun) =>
    buildEstimate(
      catalog,
      estimateRequestSchema.parse({ workloads: [chat], qualityBar, evalRun: run }),
      (modelId) => quality[modelId] ?? null,
    );

  it("ranks the models the run passed at the bar, cites the run, and sets apart those it did not run", () => {
    const result = withRun({ source: "eval", min: 66.7 });
    expect(result.results.map((row) => row.model)).toEqual(["a/cheap-unscored", "b/mid-strong"]);
    expect(result.results[0]?.quality).toEqual({
      value: 66.7,
      citation:
        "Eval pass rate 66.7% (2 of 3 cases) (simulated by demo/swift), “Support replies”, 2026-12-05",
      url: `/evals/runs/${runId}`,
    });
    expect(result.qualityBar?.label).toBe("Eval pass rate ≥ 66.7");
    expect(result.qualityBar?.belowBar).toEqual([
      {
        model: "a/cheap-weak",
        reason:
          "Eval pass rate 65% (13 of 20 cases), “Support replies”, 2026-12-05 is below Eval pass rate ≥ 66.7",
      },
    ]);
    expect(result.qualityBar?.unscored).toEqual([
      { model: "c/tie-stronger", reason: "not in the eval run “Support replies” — not compared" },
      { model: "d/dear-strong", reason: "not in the eval run “Support replies” — not compared" },
    ]);
  });

  it("a model the run did not include is set apart, and an eval bar without a run is refused", () => {
    const result = withRun({ source: "eval", min: 50 });
    expect(result.qualityBar?.unscored.map((row) => row.model)).toEqual(["c/tie-stronger", "d/dear-strong"]);
    const refused = estimateRequestSchema.safeParse({
      workloads: [chat],
      qualityBar: { source: "eval", min: 50 },
    });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["evalRun", "An eval pass-rate bar needs the eval run's pass rates (evalRun)"],
    ]);
  });

  it("refuses pass rates that cannot be", () => {
    const issues = (run: unknown) =>
      estimateRequestSchema
        .safeParse({ workloads: [chat], evalRun: run })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ ...evalRun, passRates: [{ model: "a/cheap-weak", passed: 5, graded: 4 }] })).toEqual([
      ["evalRun.passRates.0.passed", "passed cannot exceed graded"],
    ]);
    expect(issues({ ...evalRun, date: "2026-13-40" })).toEqual([
      ["evalRun.date", "date must be a date, YYYY-MM-DD"],
    ]);
    expect(issues({ ...evalRun, runId: "../../admin" })).toEqual([
      ["evalRun.runId", "runId must be an eval run's id"],
    ]);
    const twice = { model: "a/cheap-weak", passed: 1, graded: 2 };
    expect(issues({ ...evalRun, passRates: [twice, twice] })).toEqual([
      ["evalRun.passRates", "each model may have one pass rate"],
    ]);
  });
});

describe("solvedTaskCost", () => {
  it("divides Aider's run cost exactly by exercises and by solved exercises", () => {
    // 88.0% of 225 = 198 solved; $26.58 / 198 = $0.134242424242… and / 225 = $0.118133333333…
    expect(solvedTaskCost(aider("88.0000", "26.5800"))).toEqual({
      runCostUsd: "26.58",
      tasks: 225,
      solvedTasks: 198,
      perTaskUsd: "0.118133333333",
      perSolvedTaskUsd: "0.134242424242",
      modelTested: "x",
      sourceDate: "2025-10-04",
      url: "https://github.com/lmarena/arena-catalog",
    });
  });

  it("rounds a fractional solved count half up (61.3% of 225 = 137.925 → 138)", () => {
    expect(solvedTaskCost(aider("61.3", "1.3800"))).toMatchObject({
      solvedTasks: 138,
      perSolvedTaskUsd: "0.01",
    });
  });

  it("has no per-solved figure when nothing was solved, and none at all without a run cost", () => {
    expect(solvedTaskCost(aider("0.0", "3.0000"))).toMatchObject({ solvedTasks: 0, perSolvedTaskUsd: null });
    expect(solvedTaskCost(aider("50.0", null))).toBeNull();
  });
});
