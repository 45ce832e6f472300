import { describe, expect, it } from "vitest";
import { estimateRequestSchema } from "@/lib/calculator/schema";
import { decisionModels, evalDecision, evalScenario, startingBar } from "./decision";
import type { ModelSummary } from "./summary";

const row = (
  model: string,
  passed: number,
  graded: number,
  meanCostUsd: string | null,
  tokens: [number, number] = [120.4, 300.6],
): ModelSummary => ({
  model,
  answered: graded,
  errors: 0,
  graded,
  passed,
  passRate: passed / graded,
  passRateCi: null,
  judgeScore: null,
  totalCostUsd: null,
  meanCostUsd,
  costPerPassUsd: null,
  judgeCostUsd: null,
  ttftP50Ms: null,
  ttftP95Ms: null,
  totalP50Ms: null,
  meanInputTokens: tokens[0],
  meanOutputTokens: tokens[1],
  voteRating: null,
});

const RUN_ID = "260a239c-9be0-4ebe-94e1-d92dfb68f566";

// A small model good enough on most cases, a mid one, and a flagship that passes the most.
const summary = [
  row("openai/gpt-4o", 19, 20, "0.005", [120.4, 410.5]),
  row("openai/gpt-4o-mini", 17, 20, "0.0003", [121.6, 300.4]),
  row("mistral/mistral-small-latest", 12, 20, "0.0001", [130, 250]),
];

describe("the decision an eval run supports", () => {
  it("keeps the models meeting the bar, cheapest first, and routes most traffic to the cheapest, the rest to the strongest", () => {
    const decision = evalDecision(summary, 80);
    expect(decision.meeting.map((model) => [model.model, model.passPercent])).toEqual([
      ["openai/gpt-4o-mini", 85],
      ["openai/gpt-4o", 95],
    ]);
    expect(decision.strongest?.model).toBe("openai/gpt-4o");
    expect(decision.routing).toEqual([
      { model: "openai/gpt-4o-mini", percent: 70 },
      { model: "openai/gpt-4o", percent: 30 },
    ]);
  });

  it("suggests no mix when the cheapest good enough is also the strongest, and none when nothing meets the bar", () => {
    expect(evalDecision(summary, 90).routing).toBeNull();
    expect(evalDecision(summary, 90).meeting.map((model) => model.model)).toEqual(["openai/gpt-4o"]);
    const none = evalDecision(summary, 99);
    expect(none.meeting).toEqual([]);
    expect(none.routing).toBeNull();
  });

  it("leaves models of unknown price out of the comparison and the mix, whatever their pass rate", () => {
    const decision = evalDecision([...summary, row("ollama/llama3.2", 20, 20, null)], 80);
    expect(decision.unpriced).toEqual(["ollama/llama3.2"]);
    expect(decision.meeting.map((model) => model.model)).toEqual(["openai/gpt-4o-mini", "openai/gpt-4o"]);
    expect(decision.strongest?.model).toBe("openai/gpt-4o");
    expect(decision.routing?.map((split) => split.model)).toEqual(["openai/gpt-4o-mini", "openai/gpt-4o"]);
  });

  it("breaks ties as the calculator does: at equal cost the higher pass rate; at equal pass rate the dearer is the flagship", () => {
    const tied = [
      row("b/weaker", 16, 20, "0.0003"),
      row("a/stronger", 18, 20, "0.0003"),
      row("c/cheap-top", 19, 20, "0.001"),
      row("d/dear-top", 19, 20, "0.004"),
    ];
    const decision = evalDecision(tied, 80);
    expect(decision.meeting.map((model) => model.model)).toEqual([
      "a/stronger",
      "b/weaker",
      "c/cheap-top",
      "d/dear-top",
    ]);
    expect(decision.strongest?.model).toBe("d/dear-top");
    expect(decision.routing).toEqual([
      { model: "a/stronger", percent: 70 },
      { model: "d/dear-top", percent: 30 },
    ]);
  });

  it("prices a simulated model as the offering it mirrors, unless a real model of the run is that offering", () => {
    const rows = decisionModels([
      row("demo/swift", 14, 22, "0.000004"),
      row("demo/steady", 19, 22, "0.00004"),
    ]).candidates;
    expect(rows.map((model) => [model.model, model.simulatedBy])).toEqual([
      ["openai/gpt-4o-mini", "demo/swift"],
      ["anthropic/claude-3-5-haiku-latest", "demo/steady"],
    ]);
    const withReal = decisionModels([row("demo/swift", 14, 22, "0.000004"), ...summary]).candidates;
    expect(withReal.filter((model) => model.model === "openai/gpt-4o-mini")).toHaveLength(1);
    expect(withReal.find((model) => model.model === "openai/gpt-4o-mini")?.simulatedBy).toBeNull();
  });

  it("leaves out models with nothing graded, and starts the bar at 80% or the best pass rate below it", () => {
    expect(decisionModels([{ ...row("openai/gpt-4o", 0, 1, "0.005"), graded: 0 }])).toEqual({
      candidates: [],
      unpriced: [],
    });
    expect(startingBar(summary)).toBe(80);
    expect(startingBar([row("openai/gpt-4o", 15, 20, "0.005")])).toBe(75);
  });

  it("turns the run into a calculator scenario the estimate accepts: tokens per model, the bar and the mix", () => {
    const scenario = evalScenario(
      { id: RUN_ID, setName: "Support replies", date: "2026-12-05" },
      summary,
      80,
    );
    const parsed = estimateRequestSchema.parse(scenario);
    expect(parsed.qualityBar).toEqual({ source: "eval", min: 80 });
    expect(parsed.evalRun?.passRates.map((rate) => [rate.model, rate.passed, rate.graded])).toEqual([
      ["openai/gpt-4o", 19, 20],
      ["openai/gpt-4o-mini", 17, 20],
      ["mistral/mistral-small-latest", 12, 20],
    ]);
    const [workload] = parsed.workloads;
    expect(workload?.name).toBe("Eval: Support replies");
    expect(workload?.measuredInputTokens).toEqual({
      "openai/gpt-4o": 120,
      "openai/gpt-4o-mini": 122,
      "mistral/mistral-small-latest": 130,
    });
    expect(workload?.measuredOutputTokens).toEqual({
      "openai/gpt-4o": 411,
      "openai/gpt-4o-mini": 300,
      "mistral/mistral-small-latest": 250,
    });
    expect(workload?.routing).toEqual([
      { model: "openai/gpt-4o-mini", percent: 70 },
      { model: "openai/gpt-4o", percent: 30 },
    ]);
    expect(evalScenario({ id: "r", setName: "s", date: "2026-12-05" }, [], 80)).toBeNull();
  });
});
