import { describe, expect, it } from "vitest";
import { orderSides, pickNextPair, type VotableResult } from "./pairs";

const answer = (id: number, caseId: string, modelId: string, output = `answer ${id}`): VotableResult => ({
  id,
  caseId,
  modelId,
  output,
});

const results = [
  answer(1, "c1", "m1"),
  answer(2, "c1", "m2"),
  answer(3, "c1", "m3"),
  answer(4, "c2", "m1"),
  answer(5, "c2", "m2"),
  answer(6, "c2", "m3", "   "),
];

describe("pickNextPair", () => {
  it("starts with the first case and counts every unvoted pair with an answer on both sides", () => {
    const next = pickNextPair({ results, voted: [], seed: "run" });
    expect(next?.caseId).toBe("c1");
    // c1: 3 pairs; c2: only m1–m2, since m3's answer is empty.
    expect(next?.remaining).toBe(4);
  });

  it("skips voted pairs and prefers models compared least", () => {
    const voted = [{ leftResultId: 2, rightResultId: 1, leftModelId: "m2", rightModelId: "m1" }];
    const next = pickNextPair({ results, voted, seed: "run" });
    const models = [next?.left.modelId, next?.right.modelId].sort();
    // m1–m2 already has a vote, so c1's m1–m3 comes before c2's m1–m2.
    expect(models).toEqual(["m1", "m3"]);
    expect(next?.remaining).toBe(3);
  });

  it("returns null when every pair has a vote", () => {
    const voted = [
      [1, 2],
      [1, 3],
      [2, 3],
      [4, 5],
    ].map(([a, b]) => ({ leftResultId: a ?? 0, rightResultId: b ?? 0, leftModelId: "x", rightModelId: "y" }));
    expect(pickNextPair({ results, voted, seed: "run" })).toBeNull();
  });
});

describe("orderSides", () => {
  it("shows a pair the same way for a seed, whichever order it came in", () => {
    const [a, b] = [answer(10, "c", "m1"), answer(11, "c", "m2")];
    expect(orderSides(a, b, "seed-1")).toEqual(orderSides(b, a, "seed-1"));
  });

  it("puts the lower id on the left about half the time", () => {
    let lowerLeft = 0;
    for (let id = 0; id < 200; id++) {
      const [left] = orderSides(answer(id, "c", "m1"), answer(id + 1000, "c", "m2"), "run-42");
      if (left.id === id) lowerLeft++;
    }
    expect(lowerLeft).toBeGreaterThan(70);
    expect(lowerLeft).toBeLessThan(130);
  });
});
