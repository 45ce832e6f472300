import { describe, expect, it } from "vitest";
import { csvCell } from "./csv";

describe("csvCell", () => {
  it("leaves unknown empty, quotes separators and defuses formulas", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(0)).toBe("0");
    expect(csvCell('Llama "3", 70B')).toBe('"Llama ""3"", 70B"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(new Date("2026-11-22T00:00:00Z"))).toBe("2026-11-22T00:00:00.000Z");
  });
});
