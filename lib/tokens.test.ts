import { describe, expect, it } from "vitest";
import { countTokens, encodingForModel } from "./tokens";

describe("countTokens", () => {
  it("counts with the real o200k and cl100k encodings", async () => {
    expect(await countTokens("hello world", "o200k_base")).toBe(2);
    expect(await countTokens("hello world", "cl100k_base")).toBe(2);
    expect(await countTokens("", "o200k_base")).toBe(0);
    // The two encodings split non-English text differently; this is why counts are per encoding.
    const japanese = "東京は日本の首都です。";
    expect(await countTokens(japanese, "o200k_base")).not.toBe(await countTokens(japanese, "cl100k_base"));
  });

  it("matches known counts", async () => {
    expect(await countTokens("The quick brown fox jumps over the lazy dog.", "cl100k_base")).toBe(10);
    expect(await countTokens("The quick brown fox jumps over the lazy dog.", "o200k_base")).toBe(10);
  });
});

describe("encodingForModel", () => {
  it("uses the model's own encoding for OpenAI models and labels others as estimates", () => {
    expect(encodingForModel("openai", "gpt-4o-mini")).toEqual({ encoding: "o200k_base", exact: true });
    expect(encodingForModel("openai", "gpt-4-turbo")).toEqual({ encoding: "cl100k_base", exact: true });
    expect(encodingForModel("anthropic", "claude-3-5-haiku-latest")).toEqual({
      encoding: "o200k_base",
      exact: false,
    });
  });
});
