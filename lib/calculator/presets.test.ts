import { describe, expect, it } from "vitest";
import { calculatorPresets } from "./presets";

describe("calculatorPresets", () => {
  it("offers the guides' use cases with midpoint defaults, ranges and their source", () => {
    const { presets, costFormula } = calculatorPresets();
    // Simple Q&A: input 50–200 → (50 + 200) / 2 = 125; output 100–300 → 200.
    expect(presets[0]).toEqual({
      id: "simple-qa",
      name: "Simple Q&A",
      inputTokens: 125,
      outputTokens: 200,
      inputTokensRange: { min: 50, max: 200 },
      outputTokensRange: { min: 100, max: 300 },
      source: "guide-2026-04",
      sourceTitle: expect.stringContaining("LLM API"),
      sourceDate: "2026-04",
    });
    // Customer support bot: (500 + 1,500) / 2 = 1,000 in; (100 + 400) / 2 = 250 out.
    expect(presets[4]).toMatchObject({ inputTokens: 1_000, outputTokens: 250 });
    expect(costFormula.text).toContain("Input Tokens x Input Price");
  });
});
