import { describe, expect, it } from "vitest";
import { answerFigures, answerPassed, percentile, summariseRun, wilsonInterval } from "./summary";

describe("wilsonInterval", () => {
  it("matches the published 95% interval for 8 of 10", () => {
    const interval = wilsonInterval(8, 10);
    expect(interval?.low).toBeCloseTo(0.4902, 3);
    expect(interval?.high).toBeCloseTo(0.9433, 3);
  });
  it("stays inside 0–1 at the edges and is unknown with no answers", () => {
    expect(wilsonInterval(0, 5)?.low).toBe(0);
    expect(wilsonInterval(5, 5)?.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("summariseRun", () => {
  const pass = { type: "contains" as const, pass: true, score: 1, reason: "" };
  const fail = { ...pass, pass: false, score: 0 };
  let id = 0;
  const row = (
    model: string,
    assertions: unknown[],
    costUsd: string | null,
    ttftMs: number,
    status = "ok",
    judge: { judgeCostUsd: string | null } | null = null,
  ) =>
    answerFigures({
      id: ++id,
      modelId: model,
      status,
      costUsd,
      judgeCostUsd: judge?.judgeCostUsd ?? null,
      ttftMs,
      totalMs: ttftMs * 2,
      inputTokens: 10,
      outputTokens: 5,
      assertions,
      judged: judge !== null,
    });

  it("counts passes, errors as failures, and exact costs per passing answer", () => {
    const [summary] = summariseRun(
      ["a/x"],
      [
        row("a/x", [pass], "0.001", 100),
        row("a/x", [pass, fail], "0.002", 200),
        row("a/x", [], "0.003", 300),
        row("a/x", [], null, 400, "error"),
      ],
    );
    expect(summary).toMatchObject({ answered: 4, errors: 1, graded: 3, passed: 1 });
    expect(summary?.passRate).toBeCloseTo(1 / 3);
    expect(summary?.totalCostUsd).toBe("0.006");
    expect(summary?.costPerPassUsd).toBe("0.006");
    expect(summary?.ttftP50Ms).toBe(200);
    expect(summary?.ttftP95Ms).toBe(400);
  });

  it("keeps an unknown price unknown instead of counting it as free", () => {
    const [summary] = summariseRun(["b/y"], [row("b/y", [pass], null, 100), row("b/y", [pass], "0.01", 100)]);
    expect(summary?.totalCostUsd).toBeNull();
    expect(summary?.costPerPassUsd).toBeNull();
    expect(summary?.passRate).toBe(1);
  });

  it("averages the judge's rubric scores and adds its costs, an unknown one keeping the total unknown", () => {
    const rubric = (score: number | null) => ({
      type: "llm-rubric",
      pass: score === null ? null : score >= 0.5,
      score,
      reason: "",
    });
    const [judged] = summariseRun(
      ["c/z"],
      [
        row("c/z", [rubric(0.9), pass], "0.001", 100, "ok", { judgeCostUsd: "0.0002" }),
        row("c/z", [rubric(0.3), rubric(null)], "0.001", 100, "ok", { judgeCostUsd: "0.0001" }),
        row("c/z", [pass], "0.001", 100),
      ],
    );
    expect(judged?.judgeScore).toBeCloseTo(0.6);
    expect(judged?.judgeCostUsd).toBe("0.0003");
    expect(judged).toMatchObject({ graded: 3, passed: 2 });
    const [unknown] = summariseRun(
      ["c/z"],
      [
        row("c/z", [rubric(0.9)], "0.001", 100, "ok", { judgeCostUsd: null }),
        row("c/z", [rubric(0.9)], "0.001", 100, "ok", { judgeCostUsd: "0.0001" }),
      ],
    );
    expect(unknown?.judgeCostUsd).toBeNull();
  });

  it("gives each model its rating from the run's blind votes, and none to a model without votes", () => {
    const fit = { rating: 1080.4, ciLow: 990.1, ciHigh: 1170.9, wins: 3, losses: 1, ties: 1, bothBad: 2 };
    const [rated, unrated] = summariseRun(
      ["a/x", "b/y"],
      [row("a/x", [pass], "0.001", 100)],
      [{ modelId: "a/x", ...fit }],
    );
    expect(rated?.voteRating).toEqual(fit);
    expect(unrated?.voteRating).toBeNull();
    expect(summariseRun(["a/x"], [])[0]?.voteRating).toBeNull();
  });

  it("leaves an answer nothing graded out of the pass rate", () => {
    expect(answerPassed({ status: "ok", assertions: [{ type: "llm-rubric", pass: null }] })).toBeNull();
    expect(answerPassed({ status: "error", assertions: [] })).toBe(false);
    expect(percentile([], 0.5)).toBeNull();
  });
});
