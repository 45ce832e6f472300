import { describe, expect, it } from "vitest";
import type { CatalogOffering, OfferingPrice } from "../schema";
import { fixtureCatalog, fixtureOffering, fixturePrice, fixtureTableQuality } from "../test-fixtures";
import { buildComparison, parseCompareIds } from "./compare";

// The comparison below was written for these values rather than the shared defaults.
const offering = (id: string, overrides: Partial<CatalogOffering> = {}): CatalogOffering =>
  fixtureOffering(id, { name: id, maxOutputTokens: 4096, reasoning: null, ...overrides });

const price = (input: string, output: string): OfferingPrice =>
  fixturePrice({ inputPerMTok: input, outputPerMTok: output });

describe("buildComparison", () => {
  const catalog = fixtureCatalog([
    [offering("a/cheap", { contextWindow: 1_000_000 }), price("0.1", "0.4")],
    [offering("b/pricey"), price("3", "15")],
    [offering("c/unknown"), null],
  ]);

  it("keeps the requested order and reports unknown ids", () => {
    const comparison = buildComparison(catalog, ["b/pricey", "a/cheap", "nope/x"]);
    expect(comparison.entries.map((entry) => entry.id)).toEqual(["b/pricey", "a/cheap"]);
    expect(comparison.missing).toEqual(["nope/x"]);
  });

  it("marks the cheapest price and the largest context as best, and flags differing rows", () => {
    const comparison = buildComparison(catalog, ["b/pricey", "a/cheap", "c/unknown"]);
    const input = comparison.rows.find((row) => row.key === "input");
    expect(input?.values).toEqual(["$3.00", "$0.10", "unknown"]);
    expect(input?.best).toEqual([1]);
    expect(input?.differs).toBe(true);
    const context = comparison.rows.find((row) => row.key === "context");
    expect(context?.best).toEqual([1]);
    const tools = comparison.rows.find((row) => row.key === "tools");
    expect(tools?.differs).toBe(false);
    expect(tools?.best).toEqual([]);
  });

  it("never picks an unknown price as the best", () => {
    const comparison = buildComparison(catalog, ["c/unknown", "b/pricey"]);
    const blended = comparison.rows.find((row) => row.key === "blended");
    expect(blended?.best).toEqual([]);
  });

  it("caps the comparison at six models", () => {
    const ids = Array.from({ length: 8 }, (_, index) => `x/${index}`);
    const comparison = buildComparison(fixtureCatalog(ids.map((id) => [offering(id), null])), ids);
    expect(comparison.entries).toHaveLength(6);
    expect(comparison.truncated).toBe(true);
  });

  it("parses comma-separated ids without duplicates", () => {
    expect(parseCompareIds("openai/gpt-4o, anthropic/x,openai/gpt-4o,")).toEqual([
      "openai/gpt-4o",
      "anthropic/x",
    ]);
  });

  it("compares scores row by row with what was tested and when, best highlighted, unknown never 0", () => {
    const quality = new Map([
      ["cheap", fixtureTableQuality(61.5, { arena: 1250, aider: 40 })],
      ["pricey", { ...fixtureTableQuality(null, { arena: 1400 }), headlineSources: ["lmarena"] }],
    ]);
    const comparison = buildComparison(catalog, ["a/cheap", "b/pricey", "c/unknown"], quality);
    const arena = comparison.rows.find((row) => row.key === "arena");
    expect(arena?.group).toBe("Quality");
    expect(arena?.values).toEqual([
      "1250 (arena (high), Dec 11, 2025)",
      "1400 (arena (high), Dec 11, 2025)",
      "unknown",
    ]);
    expect(arena?.best).toEqual([1]);
    const index = comparison.rows.find((row) => row.key === "quality");
    expect(index?.values).toEqual(["61.5 (2 sources)", "unknown (1 source only)", "unknown"]);
    expect(comparison.rows.find((row) => row.key === "aider")?.numbers).toEqual([40, null, null]);
  });
});
