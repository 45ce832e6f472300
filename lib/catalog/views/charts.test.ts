import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import { benchmarkFacts, guidePriceObservations, guideSources } from "../guides";
import { buildEditorialLinks } from "../guides/catalog-links";
import { toCatalogEntry } from "../read/entry";
import type { CatalogEntry } from "../schema";
import { loadSnapshot } from "../store/snapshot";
import {
  benchmarkData,
  type ChartsState,
  cheapestData,
  DEFAULT_HISTORY_IDS,
  parseChartsState,
  priceContextData,
} from "./charts";

const STATE: ChartsState = parseChartsState({}, new Set());

function entry(id: string, patch: Partial<CatalogEntry> = {}): CatalogEntry {
  const [provider = "p", ...model] = id.split("/");
  return {
    id,
    provider,
    providerName: provider.toUpperCase(),
    model: model.join("/"),
    modelId: model.join("/"),
    name: model.join("/"),
    inputPerMTok: "1",
    outputPerMTok: "4",
    cachedInputPerMTok: null,
    cacheWritePerMTok: null,
    tiered: false,
    timeOfDayPricing: false,
    contextWindow: 128_000,
    maxOutputTokens: null,
    modalities: { input: ["text"], output: ["text"] },
    toolCall: true,
    reasoning: false,
    structuredOutput: null,
    openWeights: false,
    releaseDate: null,
    knowledgeCutoff: null,
    deprecated: false,
    priceSource: "genai-prices",
    priceAsOf: "2026-11-22",
    ...patch,
  };
}

const FIXTURE = [
  entry("a/cheap", { inputPerMTok: "0.1", outputPerMTok: "0.3" }),
  entry("a/unknown-output", { outputPerMTok: null }),
  entry("b/no-context", { contextWindow: null }),
  entry("b/free", { inputPerMTok: "0", outputPerMTok: "0" }),
  entry("c/reasoner", { reasoning: true, inputPerMTok: "2", outputPerMTok: "8", contextWindow: 1_000_000 }),
  entry("c/vision", { modalities: { input: ["text", "image"], output: ["text"] }, toolCall: null }),
  entry("c/old", { deprecated: true, inputPerMTok: "0.01", outputPerMTok: "0.01" }),
];

describe("parseChartsState", () => {
  it("falls back to defaults for bad values and keeps good ones", () => {
    const state = parseChartsState(
      { ratio: "0:0", metric: "cheap", provider: ["nope", "a"], need: "tools,fly", minContext: "200000" },
      new Set(["a"]),
    );
    expect(state).toMatchObject({ ratio: [3, 1], metric: "blended", provider: "a", needs: ["tools"] });
    expect(state.minContextTokens).toBe(200_000);
    expect(state.historyIds).toEqual([...DEFAULT_HISTORY_IDS]);
    expect(parseChartsState({ history: "" }, new Set()).historyIds).toEqual([]);
  });
});

describe("priceContextData", () => {
  it("leaves out unknown prices and contexts, counts free ones apart, and never plots 0", () => {
    const data = priceContextData(FIXTURE, STATE);
    const ids = data.groups.flatMap((group) => group.points.map((point) => point.id));
    expect(ids.sort()).toEqual(["a/cheap", "c/reasoner", "c/vision"]);
    expect(data.unknownCount).toBe(2);
    expect(data.freeCount).toBe(1);
    expect(data.shown).toBe(3);
    expect(data.priceDomain[0]).toBeGreaterThan(0);
  });

  it("uses the exact blended price at the chosen ratio, or the input price alone", () => {
    const blended = priceContextData([FIXTURE[0]!], { ...STATE, ratio: [1, 1] });
    expect(blended.groups[0]?.points[0]?.pricePerMTok).toBe("0.2");
    const input = priceContextData([FIXTURE[1]!], { ...STATE, metric: "input" });
    expect(input.groups[0]?.points[0]?.pricePerMTok).toBe("1");
  });

  it("filters by capability and shows deprecated offerings only when asked", () => {
    expect(priceContextData(FIXTURE, { ...STATE, caps: ["image"] }).shown).toBe(1);
    expect(priceContextData(FIXTURE, { ...STATE, showDeprecated: true }).shown).toBe(4);
  });
});

describe("cheapestData", () => {
  it("keeps only offerings meeting every requirement, cheapest first, unknown capability as missing", () => {
    const data = cheapestData(FIXTURE, { ...STATE, needs: ["tools"] });
    expect(data.rows.map((row) => row.id)).toEqual(["a/cheap", "b/no-context", "c/reasoner"]);
    expect(data.unknownPriceCount).toBe(1);
    expect(data.freeCount).toBe(1);
    expect(data.rows[0]?.blendedPerMTok).toBe("0.15");
  });

  it("applies the minimum context and includes free offerings only when asked", () => {
    expect(
      cheapestData(FIXTURE, { ...STATE, minContextTokens: 1_000_000 }).rows.map((row) => row.id),
    ).toEqual(["c/reasoner"]);
    expect(cheapestData(FIXTURE, { ...STATE, includeFree: true }).rows[0]?.id).toBe("b/free");
  });
});

describe("against the committed snapshot", () => {
  const snapshot = loadSnapshot();
  const names = new Map(snapshot.providers.map((provider) => [provider.id, provider]));
  const entries = snapshot.offerings.map((offering) =>
    toCatalogEntry(offering, names.get(offering.providerId), offering.price, {
      source: offering.priceSource,
      asOf: offering.priceAsOf,
    }),
  );
  const byId = new Map(entries.map((item) => [item.id, item]));

  it("plots only positive, known prices and context windows on the log axes", () => {
    for (const metric of ["blended", "input", "output"] as const) {
      const data = priceContextData(entries, { ...STATE, metric, showDeprecated: true });
      const points = data.groups.flatMap((group) => group.points);
      expect(points.length).toBeGreaterThan(500);
      for (const item of points) {
        expect(item.priceValue).toBeGreaterThan(0);
        expect(item.contextTokens).toBeGreaterThan(0);
        expect(Number(item.pricePerMTok)).toBe(item.priceValue);
      }
      expect(data.freeCount).toBeGreaterThan(0);
      expect(points.length + data.unknownCount + data.freeCount).toBe(entries.length);
      expect(data.groups.length).toBeLessThanOrEqual(11);
    }
  });

  it("lists the cheapest offerings meeting the needs, ascending, each really meeting them", () => {
    const data = cheapestData(entries, {
      ...STATE,
      needs: ["tools", "reasoning", "image"],
      minContextTokens: 200_000,
    });
    expect(data.rows).toHaveLength(15);
    const prices = data.rows.map((row) => parseUsd(row.blendedPerMTok).picoUsd);
    expect(prices.every((price, index) => index === 0 || prices[index - 1]! <= price)).toBe(true);
    for (const row of data.rows) {
      const source = byId.get(row.id)!;
      expect(source.toolCall && source.reasoning && source.deprecated !== true).toBe(true);
      expect(source.modalities.input).toContain("image");
      expect(source.contextWindow).toBeGreaterThanOrEqual(200_000);
      expect(source.inputPerMTok).not.toBeNull();
      expect(row.blendedValue).toBeGreaterThan(0);
    }
  });

  it("gives every benchmark point its guide source, date and a real catalog price", () => {
    const links = buildEditorialLinks(entries);
    for (const benchmark of ["humaneval", "mmlu", "graduate-reasoning"] as const) {
      const data = benchmarkData(
        entries,
        benchmarkFacts,
        guidePriceObservations(),
        links.canonicalIdsByEditorial,
        guideSources,
        {
          benchmark,
          ratio: [3, 1],
        },
      );
      expect(data.points.length + data.leftOut.length).toBe(3);
      expect(data.sources.map((source) => source.id)).toEqual(["guide-2024-11"]);
      for (const item of data.points) {
        expect(item.source).toBe("guide-2024-11");
        expect(item.sourceDate).toBe("2024-11");
        expect(item.quote).toContain("%");
        expect(byId.get(item.cheapest.id)?.modelId).toBeDefined();
        expect(item.guidePrice?.sourceDate).toBe("2024-11");
      }
    }
    const gpt4o = benchmarkData(
      entries,
      benchmarkFacts,
      guidePriceObservations(),
      links.canonicalIdsByEditorial,
      guideSources,
      {
        benchmark: "humaneval",
        ratio: [3, 1],
      },
    ).points.find((item) => item.model === "gpt-4o");
    // 2.5 input and 10 output at 3:1; the guide's November 2024 price was 5 and 15.
    expect(gpt4o?.cheapest.blendedPerMTok).toBe("4.375");
    expect(gpt4o?.guidePrice?.blendedPerMTok).toBe("7.5");
  });
});
