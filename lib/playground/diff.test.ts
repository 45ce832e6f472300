import { describe, expect, it } from "vitest";
import { diffStats, diffWords } from "./diff";

describe("diffWords", () => {
  it("marks added and removed words and keeps the shared ones", () => {
    const parts = diffWords("the quick brown fox", "the slow brown dog");
    expect(parts.map((part) => [part.kind, part.text.trim()])).toEqual([
      ["same", "the"],
      ["removed", "quick"],
      ["added", "slow"],
      ["same", "brown"],
      ["removed", "fox"],
      ["added", "dog"],
    ]);
    expect(diffStats(parts)).toEqual({ same: 2, added: 2, removed: 2 });
  });

  it("rebuilds both texts from its parts", () => {
    const before = "Use a small model first.\nEscalate hard prompts.";
    const after = "Use a cheap small model first.\nEscalate only hard prompts.";
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((part) => part.kind !== "added")
        .map((part) => part.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((part) => part.kind !== "removed")
        .map((part) => part.text)
        .join(""),
    ).toBe(after);
  });

  it("handles empty answers", () => {
    expect(diffWords("", "new text").every((part) => part.kind === "added")).toBe(true);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
  });
});
