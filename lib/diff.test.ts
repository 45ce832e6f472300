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
    const without = (kind: string) =>
      parts
        .filter((part) => part.kind !== kind)
        .map((part) => part.text)
        .join("");
    expect(without("added")).toBe(before);
    expect(without("removed")).toBe(after);
  });

  it("handles empty answers", () => {
    expect(diffWords("", "new text").every((part) => part.kind === "added")).toBe(true);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
  });

  it("diffs long answers that share most words, and shows answers that differ throughout as two blocks", () => {
    const words = Array.from({ length: 20_000 }, (_, index) => `w${index}`);
    const edited = words.map((word, index) => (index % 1_000 === 0 ? `${word}x` : word));
    const parts = diffWords(words.join(" "), edited.join(" "));
    expect(diffStats(parts)).toEqual({ same: 19_980, added: 20, removed: 20 });

    const other = Array.from({ length: 20_000 }, (_, index) => `v${index}`).join(" ");
    expect(diffWords(words.join(" "), other)).toEqual([
      { kind: "removed", text: words.join(" ") },
      { kind: "added", text: other },
    ]);
  });
});
