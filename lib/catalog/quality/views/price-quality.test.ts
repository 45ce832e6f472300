import { describe, expect, it } from "vitest";
import { toCatalogEntry } from "../../read/entry";
import { fixtureOffering, fixturePrice, fixtureTableQuality } from "../../test-fixtures";
import { parsePriceQualityState, priceQualityData } from "./price-quality";

function entry(id: string, input: string | null, output: string | null, deprecated = false) {
  return toCatalogEntry(
    fixtureOffering(id, { deprecated }),
    undefined,
    input === null ? null : fixturePrice({ inputPerMTok: input, outputPerMTok: output }),
    { source: "genai-prices", asOf: "2026-11-01" },
  );
}

const entries = [
  entry("cheap/a", "1", "1"),
  entry("dear/a", "4", "4"),
  entry("host/b", "2", "2"),
  entry("host/c", "3", "3"),
  entry("host/d", null, null),
  entry("free/e", "0", "0"),
  entry("old/f", "0.1", "0.1", true),
];
const scores = new Map([
  ["a", fixtureTableQuality(50, { arena: 1200 })],
  ["b", fixtureTableQuality(40, { arena: 1300 })],
  ["c", fixtureTableQuality(70)],
  ["d", fixtureTableQuality(99, { arena: 1500 })],
  ["e", fixtureTableQuality(90, { arena: 1400 })],
  ["f", fixtureTableQuality(95)],
]);

describe("priceQualityData", () => {
  it("plots each model at its cheapest paid offering and marks the frontier", () => {
    const data = priceQualityData(entries, scores, { axis: "quality", bar: null, ratio: [1, 1] });
    expect(data.points.map((point) => [point.modelId, point.cheapest.id, point.onFrontier])).toEqual([
      ["a", "cheap/a", true],
      ["b", "host/b", false],
      ["c", "host/c", true],
    ]);
    // Unknown price, free-only and deprecated-only models are left out and counted, not drawn at $0.
    expect(data.unpricedCount).toBe(2);
    expect(data.freeOnlyCount).toBe(1);
  });

  it("uses the chosen source and skips models without its score", () => {
    const data = priceQualityData(entries, scores, { axis: "arena", bar: 1250, ratio: [1, 1] });
    expect(data.points.map((point) => point.modelId)).toEqual(["a", "b"]);
    expect(data.frontier.map((point) => point.modelId)).toEqual(["a", "b"]);
    expect(data.cheapestAbove.map((point) => [point.modelId, point.tested])).toEqual([["b", "arena (high)"]]);
  });

  it("starts the bar at the median of the plotted models", () => {
    const data = priceQualityData(entries, scores, { axis: "quality", bar: null, ratio: [1, 1] });
    expect(data.bar).toBe(50);
    expect(data.cheapestAbove.map((point) => point.modelId)).toEqual(["a", "c"]);
  });
});

describe("parsePriceQualityState", () => {
  it("reads the axis and bar, and falls back on bad values", () => {
    expect(parsePriceQualityState({ qaxis: "aider", qbar: "55" }, [3, 1])).toEqual({
      axis: "aider",
      bar: 55,
      ratio: [3, 1],
    });
    expect(parsePriceQualityState({ qaxis: "elo", qbar: "-3" }, [3, 1])).toMatchObject({
      axis: "quality",
      bar: null,
    });
  });
});
