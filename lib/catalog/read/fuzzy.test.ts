import { describe, expect, it } from "vitest";
import { buildSearchEntry, editDistance, matchScore } from "./fuzzy";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("gemini", "gemini", 2)).toBe(0);
    expect(editDistance("gemni", "gemini", 2)).toBe(1);
    expect(editDistance("claude", "cluade", 2)).toBe(1);
    expect(editDistance("mistral", "mixtral", 2)).toBe(1);
    expect(editDistance("openai", "google", 2)).toBe(3);
  });
});

describe("matchScore", () => {
  const sonnet = buildSearchEntry("Claude Sonnet 4.5", "anthropic/claude-sonnet-4-5", "Anthropic");
  const llama = buildSearchEntry(
    "Llama 3.3 70B Instruct Turbo",
    "together/meta-llama/Llama-3.3-70B",
    "Together AI",
  );
  const gpt = buildSearchEntry("GPT-4o", "openai/gpt-4o", "OpenAI");

  it("matches exact words and prefixes", () => {
    expect(matchScore("claude", sonnet)).toBeGreaterThan(0);
    expect(matchScore("son", sonnet)).toBeGreaterThan(0);
  });

  it("tolerates typos", () => {
    expect(matchScore("antropic sonet", sonnet)).toBeGreaterThan(0);
    expect(matchScore("lama 3.3 togther", llama)).toBeGreaterThan(0);
  });

  it("matches words typed without separators", () => {
    expect(matchScore("gpt4o", gpt)).toBeGreaterThan(0);
  });

  it("requires every word to match", () => {
    expect(matchScore("claude llama", sonnet)).toBe(0);
    expect(matchScore("gemini", gpt)).toBe(0);
  });

  it("ranks exact matches above typo matches", () => {
    expect(matchScore("claude", sonnet)).toBeGreaterThan(matchScore("cluade", sonnet));
  });
});
