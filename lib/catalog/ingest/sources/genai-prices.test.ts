import { calcPrice, type ModelPrice, type Provider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import {
  loadGenaiPricesData,
  normalizeGenaiPrices,
  resolvePriceOn,
  toCurrentPrice,
  toPriceRates,
  toUtcClock,
} from "@/lib/catalog/ingest/sources/genai-prices";
import { toNumber } from "@/lib/money";
import { priceUsage } from "@/lib/pricing";

describe("toPriceRates", () => {
  it("merges per-key tiers into whole-request tiers at the union of starts", () => {
    const rates = toPriceRates({
      input_mtok: { base: 1, tiers: [{ start: 200_000, price: 2 }] },
      output_mtok: { base: 4, tiers: [{ start: 128_000, price: 5 }] },
      cache_read_mtok: 0.1,
    } as unknown as ModelPrice);
    expect(rates.inputPerMTok).toBe("1");
    expect(rates.tiers).toEqual([
      {
        aboveInputTokens: 128_000,
        inputPerMTok: "1",
        outputPerMTok: "5",
        cacheReadPerMTok: "0.1",
        cacheWritePerMTok: null,
        reasoningPerMTok: null,
      },
      {
        aboveInputTokens: 200_000,
        inputPerMTok: "2",
        outputPerMTok: "5",
        cacheReadPerMTok: "0.1",
        cacheWritePerMTok: null,
        reasoningPerMTok: null,
      },
    ]);
  });

  it("keeps source floats exact to 12 decimals", () => {
    expect(toPriceRates({ input_mtok: 0.18000000000000002, output_mtok: 1e-7 }).inputPerMTok).toBe("0.18");
    expect(toPriceRates({ output_mtok: 1e-7 }).outputPerMTok).toBe("0.0000001");
  });
});

describe("resolvePriceOn", () => {
  const dated = [
    { prices: { input_mtok: 10, output_mtok: 40 } },
    {
      constraint: { type: "start_date" as const, start_date: "2025-06-10" },
      prices: { input_mtok: 2, output_mtok: 8 },
    },
    {
      constraint: { type: "start_date" as const, start_date: "2027-01-01" },
      prices: { input_mtok: 1, output_mtok: 4 },
    },
  ];

  it("picks the latest start date on or before the day, ignoring scheduled ones", () => {
    expect(resolvePriceOn(dated, "2025-06-09").price.inputPerMTok).toBe("10");
    expect(resolvePriceOn(dated, "2025-06-10")).toMatchObject({
      effectiveFrom: "2025-06-10",
      price: { inputPerMTok: "2" },
    });
    expect(resolvePriceOn(dated, "2026-11-22").price.outputPerMTok).toBe("8");
    expect(resolvePriceOn(dated, "2027-01-01").price.outputPerMTok).toBe("4");
  });

  it("keeps time-of-day windows listed after the price in force", () => {
    const deepseek = [
      { prices: { input_mtok: 0.14, output_mtok: 0.28 } },
      { constraint: { type: "start_date" as const, start_date: "2026-08-17" }, prices: { input_mtok: 0.22 } },
      {
        constraint: { type: "time_of_date" as const, start_time: "01:00:00Z", end_time: "04:00:00Z" },
        prices: { input_mtok: 0.44 },
      },
    ];
    const resolved = resolvePriceOn(deepseek, "2026-11-22");
    expect(resolved.price.inputPerMTok).toBe("0.22");
    expect(resolved.price.timeOfDay).toHaveLength(1);
    expect(resolved.price.timeOfDay[0]).toMatchObject({ startUtc: "01:00:00", endUtc: "04:00:00" });
    expect(resolved.price.timeOfDay[0]?.rates.inputPerMTok).toBe("0.44");
  });

  it("converts window times with offsets to UTC", () => {
    expect(toUtcClock("00:30:00Z")).toBe("00:30:00");
    expect(toUtcClock("08:30:00+08:00")).toBe("00:30:00");
    expect(toUtcClock("23:00:00-02:00")).toBe("01:00:00");
    expect(() => toUtcClock("noon")).toThrow();
  });
});

describe("toCurrentPrice", () => {
  const empty = resolvePriceOn({}, "2026-01-01").price;
  it("treats an empty price as unknown unless the id says free", () => {
    expect(toCurrentPrice("gpt-4o", empty)).toBeNull();
    expect(toCurrentPrice("mistral-nemo:free", empty)).toMatchObject({
      inputPerMTok: "0",
      outputPerMTok: "0",
    });
  });

  it("keeps prices that are not per token as extras", () => {
    const ocr = resolvePriceOn({ input_document_kpages: 1 }, "2026-01-01").price;
    expect(toCurrentPrice("mistral-ocr", ocr)?.extras).toEqual({ input_document_kpages: "1" });
  });
});

// The pricing function must bill every bundled model exactly as genai-prices' own calcPrice does.
describe("priceUsage agrees with calcPrice on the bundled data", () => {
  const usages = [
    { inputTokens: 1_234, outputTokens: 567 },
    { inputTokens: 128_000, outputTokens: 1_000, cachedInputTokens: 100_000 },
    { inputTokens: 200_000, outputTokens: 10 },
    { inputTokens: 200_001, outputTokens: 10, cachedInputTokens: 1, cacheWriteTokens: 50_000 },
    { inputTokens: 272_000, outputTokens: 3_000, reasoningTokens: 1_000 },
  ];
  const times = ["2026-11-22T00:00:00Z", "2026-11-22T02:00:00Z", "2026-11-22T12:00:00Z"];

  it("for every model with token prices", async () => {
    const providers = await loadGenaiPricesData();
    const catalog = normalizeGenaiPrices(providers, "2026-11-22");
    const byId = new Map(
      catalog.offerings.map((offering) => [`${offering.providerId}/${offering.providerModelId}`, offering]),
    );
    let compared = 0;
    for (const provider of providers) {
      for (const model of provider.models) {
        const offering = byId.get(`${provider.id}/${model.id}`);
        const price = offering?.price;
        if (!price || price.inputPerMTok === null || price.outputPerMTok === null) continue;
        // A per-request fee is billed on every call by calcPrice; we have no request count to bill it on.
        if ("requests_kcount" in price.extras) continue;
        const onlyThisModel: Provider = {
          id: provider.id,
          name: provider.name,
          api_pattern: provider.api_pattern,
          models: [{ ...model, match: { equals: model.id } }],
        };
        for (const usage of usages) {
          for (const time of times) {
            const at = new Date(time);
            const expected = calcPrice(
              {
                input_tokens: usage.inputTokens,
                output_tokens: usage.outputTokens,
                cache_read_tokens: usage.cachedInputTokens ?? 0,
                cache_write_tokens: usage.cacheWriteTokens ?? 0,
                output_reasoning_tokens: usage.reasoningTokens ?? 0,
              },
              model.id,
              { provider: onlyThisModel, timestamp: at },
            );
            const actual = priceUsage({ price, usage, at, cacheFallback: "input-price" });
            expect(actual.totalUsd, `${provider.id}/${model.id}`).not.toBeNull();
            const expectedUsd = expected?.total_price ?? Number.NaN;
            const actualUsd = actual.totalUsd ? toNumber(actual.totalUsd) : Number.NaN;
            expect(
              Math.abs(actualUsd - expectedUsd),
              `${provider.id}/${model.id} ${JSON.stringify(usage)} ${time}`,
            ).toBeLessThan(1e-9 * Math.max(1, expectedUsd));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1_000 * usages.length);
  });
});
