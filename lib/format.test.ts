import { describe, expect, it } from "vitest";
import { formatDate, formatPerMTok, formatTokens, formatUsd, oneLine, UNKNOWN } from "./format";

describe("format", () => {
  it("shows per-million prices with every significant digit and at least cents", () => {
    expect(formatPerMTok("2.5")).toBe("$2.50");
    expect(formatPerMTok("0.075")).toBe("$0.075");
    expect(formatPerMTok("0.0375")).toBe("$0.0375");
    expect(formatPerMTok("15")).toBe("$15.00");
    expect(formatPerMTok("1250")).toBe("$1,250.00");
  });

  it("never shows an unknown price as $0", () => {
    expect(formatPerMTok(null)).toBe(UNKNOWN);
    expect(formatUsd(undefined)).toBe(UNKNOWN);
    expect(formatPerMTok("0")).toBe("$0.00");
  });

  it("keeps sub-cent costs readable and rounds monthly totals", () => {
    expect(formatUsd("0.000375")).toBe("$0.000375");
    expect(formatUsd("0.0123456")).toBe("$0.0123");
    expect(formatUsd("1234.567")).toBe("$1,234.57");
    expect(formatUsd("1234.567", "whole")).toBe("$1,235");
    // A mean cost per answer below a millionth of a dollar, as a cheap model's short answers give.
    expect(formatUsd("0.000000437")).toBe("$0.000000437");
  });

  it("formats tokens and partial dates", () => {
    expect(formatTokens(128_000)).toBe("128K");
    expect(formatTokens(1_048_576)).toBe("1M");
    expect(formatTokens(8192)).toBe("8,192");
    expect(formatDate("2024-11")).toBe("Nov 2024");
    expect(formatDate("2026-03-05")).toBe("Mar 5, 2026");
    expect(formatDate(null)).toBe(UNKNOWN);
  });

  it("puts a prompt on one line and cuts it at a word with an ellipsis", () => {
    expect(oneLine("  Compare\n\nprices   now ", 80)).toBe("Compare prices now");
    const prompt = "Which model should we use for a customer-support bot that handles 20k tickets a month?";
    const cut = oneLine(prompt, 80);
    expect(cut).toBe("Which model should we use for a customer-support bot that handles 20k tickets…");
    expect(cut.length).toBeLessThanOrEqual(80);
    // One long word has no space to cut at, so it is cut inside the word.
    expect(oneLine("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
