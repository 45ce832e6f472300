import { describe, expect, it } from "vitest";
import { revealAnnouncement, voteForKey } from "./vote-keys";

describe("voteForKey", () => {
  it("maps A, B, T and X in either case to the four votes", () => {
    expect(["a", "B", "t", "X"].map((key) => voteForKey({ key }))).toEqual([
      "left",
      "right",
      "tie",
      "both_bad",
    ]);
  });

  it("ignores other keys, modified presses and typing in text fields", () => {
    expect(voteForKey({ key: "n" })).toBeNull();
    expect(voteForKey({ key: "a", ctrlKey: true })).toBeNull();
    expect(voteForKey({ key: "b", metaKey: true })).toBeNull();
    expect(voteForKey({ key: "t", target: { tagName: "TEXTAREA" } })).toBeNull();
    expect(voteForKey({ key: "x", target: { tagName: "DIV", isContentEditable: true } })).toBeNull();
    expect(voteForKey({ key: "x", target: { tagName: "BUTTON" } })).toBe("both_bad");
  });
});

it("announces the vote and both models", () => {
  expect(revealAnnouncement("tie", "openai/gpt-4o", "anthropic/claude")).toBe(
    "Vote saved: Tie. A was openai/gpt-4o, B was anthropic/claude. Press N for the next pair.",
  );
});
