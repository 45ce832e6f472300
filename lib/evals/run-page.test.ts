import { describe, expect, it } from "vitest";
import { mergeNewResults, runNewsUrl, runPageUrl } from "./run-page";

type Result = { id: number; model: string; output: string };
const cases = [
  { id: "c1", position: 0, results: { a: { id: 1, model: "a", output: "one" } } as Record<string, Result> },
  { id: "c2", position: 1, results: {} as Record<string, Result> },
];

describe("mergeNewResults (a live run view's poll)", () => {
  it("puts each answer under its case and model and goes on from the newest id", () => {
    const merged = mergeNewResults(
      cases,
      [
        { caseId: "c2", id: 7, model: "a", output: "two" },
        { caseId: "c1", id: 9, model: "b", output: "three" },
      ],
      5,
    );
    expect(merged?.after).toBe(9);
    expect(merged?.cases[0]?.results).toEqual({
      a: { id: 1, model: "a", output: "one" },
      b: { id: 9, model: "b", output: "three" },
    });
    expect(merged?.cases[1]?.results).toEqual({ a: { id: 7, model: "a", output: "two" } });
    expect(merged?.cases[1]?.position).toBe(1);
    // The cases it was given are left as they were (React state).
    expect(cases[1]?.results).toEqual({});
  });

  it("an answer read twice replaces itself; nothing new keeps the place", () => {
    const again = mergeNewResults(cases, [{ caseId: "c1", id: 1, model: "a", output: "one, again" }], 4);
    expect(again?.cases[0]?.results.a?.output).toBe("one, again");
    expect(again?.after).toBe(4);
    expect(mergeNewResults(cases, [], 4)).toEqual({ cases, after: 4 });
  });

  it("is null when an answer names a case the view does not hold, so the run is read whole", () => {
    expect(mergeNewResults(cases, [{ caseId: "c3", id: 10, model: "a", output: "?" }], 9)).toBeNull();
  });

  it("polls the first page's URL with the newest answer seen", () => {
    expect(runNewsUrl("r/1", 42)).toBe(`${runPageUrl("r/1")}&afterResult=42`);
    expect(runPageUrl("r/1", 3)).toBe("/api/evals/runs/r%2F1?limit=500&cursor=3");
  });
});
