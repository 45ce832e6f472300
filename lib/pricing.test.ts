import { describe, expect, it } from "vitest";
import { fixturePrice } from "@/lib/catalog/test-fixtures";
import { toUsdString } from "@/lib/money";
import { blendedPerMTok, priceUsage, priceUsageAtMost, selectRates } from "@/lib/pricing";

// Shaped like Claude Sonnet 4.5 in genai-prices: every rate doubles (output 1.5×) above 200k input tokens.
const tiered = fixturePrice({
  inputPerMTok: "3",
  outputPerMTok: "15",
  cacheReadPerMTok: "0.3",
  cacheWritePerMTok: "3.75",
  tiers: [
    {
      aboveInputTokens: 200_000,
      inputPerMTok: "6",
      outputPerMTok: "22.5",
      cacheReadPerMTok: "0.6",
      cacheWritePerMTok: "7.5",
      reasoningPerMTok: null,
    },
  ],
});

const total = (result: ReturnType<typeof priceUsage>) =>
  result.totalUsd ? toUsdString(result.totalUsd) : null;

describe("priceUsage tiers", () => {
  it("bills exactly at the threshold at the base rates", () => {
    const result = priceUsage({ price: tiered, usage: { inputTokens: 200_000, outputTokens: 1_000 } });
    // 200,000 × $3/M = 0.6; 1,000 × $15/M = 0.015.
    expect(total(result)).toBe("0.615");
    expect(result.applied.tier).toBeUndefined();
  });

  it("bills the whole request at the tier one token above the threshold", () => {
    const result = priceUsage({ price: tiered, usage: { inputTokens: 200_001, outputTokens: 1_000 } });
    // 200,001 × $6/M = 1.200006; 1,000 × $22.5/M = 0.0225.
    expect(total(result)).toBe("1.222506");
    expect(result.applied.tierAboveInputTokens).toBe(200_000);
    expect(result.applied.tier).toBe("input > 200,000 tokens");
  });

  it("counts cached tokens toward the tier threshold", () => {
    const result = priceUsage({
      price: tiered,
      usage: { inputTokens: 250_000, cachedInputTokens: 100_000, outputTokens: 0 },
    });
    // 150,000 × $6/M = 0.9; 100,000 × $0.6/M = 0.06.
    expect(total(result)).toBe("0.96");
    expect(result.applied.cache).toBe(true);
  });
});

describe("priceUsage cache", () => {
  it("bills cached reads at the cache rate and only the remainder at the input rate", () => {
    const result = priceUsage({
      price: tiered,
      usage: { inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 500 },
    });
    // 6,000 × 3/M = 0.018; 4,000 × 0.3/M = 0.0012; 500 × 15/M = 0.0075.
    expect(result.breakdown.inputUsd && toUsdString(result.breakdown.inputUsd)).toBe("0.018");
    expect(result.breakdown.cacheReadUsd && toUsdString(result.breakdown.cacheReadUsd)).toBe("0.0012");
    expect(total(result)).toBe("0.0267");
  });

  it("bills cache writes at the write rate", () => {
    const result = priceUsage({
      price: tiered,
      usage: { inputTokens: 10_000, cachedInputTokens: 3_000, cacheWriteTokens: 2_000, outputTokens: 0 },
    });
    // 5,000 × 3/M = 0.015; 3,000 × 0.3/M = 0.0009; 2,000 × 3.75/M = 0.0075.
    expect(total(result)).toBe("0.0234");
  });

  it("reports an unknown cache rate instead of guessing, unless asked to fall back", () => {
    const noCache = fixturePrice({ inputPerMTok: "3", outputPerMTok: "15" });
    const usage = { inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 500 };
    const strict = priceUsage({ price: noCache, usage });
    expect(strict.totalUsd).toBeNull();
    expect(strict.unknown).toEqual(["cacheReadPerMTok"]);
    expect(strict.breakdown.inputUsd && toUsdString(strict.breakdown.inputUsd)).toBe("0.018");

    // genai-prices' own rule: 10,000 × 3/M = 0.03 plus 0.0075 output.
    const fallback = priceUsage({ price: noCache, usage, cacheFallback: "input-price" });
    expect(total(fallback)).toBe("0.0375");
    expect(fallback.applied.cache).toBe(false);
  });

  it("rejects cache counts larger than the input they are part of", () => {
    expect(() =>
      priceUsage({ price: tiered, usage: { inputTokens: 10, cachedInputTokens: 11, outputTokens: 0 } }),
    ).toThrow(RangeError);
    expect(() => priceUsage({ price: tiered, usage: { inputTokens: 1.5, outputTokens: 0 } })).toThrow(
      RangeError,
    );
  });
});

describe("priceUsage unknown prices", () => {
  it("is null, never zero, when the whole price is unknown", () => {
    const result = priceUsage({ price: null, usage: { inputTokens: 1, outputTokens: 1 } });
    expect(result.totalUsd).toBeNull();
    expect(result.unknown).toEqual(["price"]);
  });

  it("is null when a needed rate is unknown and known when the rate is not needed", () => {
    const inputOnly = fixturePrice({ inputPerMTok: "0.02" });
    const withOutput = priceUsage({ price: inputOnly, usage: { inputTokens: 1_000, outputTokens: 10 } });
    expect(withOutput.totalUsd).toBeNull();
    expect(withOutput.unknown).toEqual(["outputPerMTok"]);
    expect(withOutput.breakdown.outputUsd).toBeNull();

    // An embedding call has no output, so its output rate does not matter: 1,000 × 0.02/M.
    const embedding = priceUsage({ price: inputOnly, usage: { inputTokens: 1_000, outputTokens: 0 } });
    expect(total(embedding)).toBe("0.00002");
  });
});

describe("priceUsage reasoning", () => {
  it("bills reasoning as output unless it has its own rate", () => {
    const usage = { inputTokens: 1_000, outputTokens: 2_000, reasoningTokens: 500 };
    const plain = fixturePrice({ inputPerMTok: "2", outputPerMTok: "8" });
    // 1,000 × 2/M = 0.002; 2,000 × 8/M = 0.016.
    expect(total(priceUsage({ price: plain, usage }))).toBe("0.018");

    // Like sonar-deep-research: 0.002 + 1,500 × 8/M = 0.012 + 500 × 3/M = 0.0015.
    const separate = fixturePrice({ inputPerMTok: "2", outputPerMTok: "8", reasoningPerMTok: "3" });
    expect(total(priceUsage({ price: separate, usage }))).toBe("0.0155");
  });
});

describe("priceUsage time of day", () => {
  // Shaped like deepseek-chat in genai-prices: the default is the discount, the window the standard rate.
  const deepseek = fixturePrice({
    inputPerMTok: "0.135",
    outputPerMTok: "0.55",
    cacheReadPerMTok: "0.035",
    timeOfDay: [
      {
        startUtc: "00:30:00",
        endUtc: "16:30:00",
        rates: {
          inputPerMTok: "0.27",
          outputPerMTok: "1.1",
          cacheReadPerMTok: "0.07",
          cacheWritePerMTok: null,
          reasoningPerMTok: null,
          tiers: [],
        },
      },
    ],
  });
  const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

  it("uses the window's rates inside it and the default outside or without a time", () => {
    const inside = priceUsage({ price: deepseek, usage, at: new Date("2026-01-01T12:00:00Z") });
    expect(total(inside)).toBe("1.37");
    expect(inside.applied.timeOfDay).toBe("00:30:00-16:30:00 UTC");
    expect(total(priceUsage({ price: deepseek, usage, at: new Date("2026-01-01T16:30:00Z") }))).toBe("0.685");
    expect(total(priceUsage({ price: deepseek, usage }))).toBe("0.685");
  });

  it("prices a request at most at the dearest hour, and at a dearer reasoning rate", () => {
    const most = (price: Parameters<typeof priceUsageAtMost>[0]["price"]) => {
      const amount = priceUsageAtMost({ price, usage });
      return amount ? toUsdString(amount) : null;
    };
    expect(most(deepseek)).toBe("1.37");
    const reasoning = fixturePrice({ inputPerMTok: "1", outputPerMTok: "2", reasoningPerMTok: "4" });
    expect(most(reasoning)).toBe("5");
    expect(most(fixturePrice({ inputPerMTok: "1" }))).toBeNull();
  });

  it("handles windows that wrap midnight", () => {
    const wrapping = fixturePrice({
      inputPerMTok: "1",
      outputPerMTok: "1",
      timeOfDay: [
        {
          startUtc: "22:00:00",
          endUtc: "02:00:00",
          rates: { ...deepseek, inputPerMTok: "5", outputPerMTok: "5", tiers: [] },
        },
      ],
    });
    expect(selectRates(wrapping, 0, new Date("2026-01-01T01:59:59Z")).rates.inputPerMTok).toBe("5");
    expect(selectRates(wrapping, 0, new Date("2026-01-01T23:00:00Z")).rates.inputPerMTok).toBe("5");
    expect(selectRates(wrapping, 0, new Date("2026-01-01T02:00:00Z")).rates.inputPerMTok).toBe("1");
  });
});

describe("exactness", () => {
  it("sums many small costs without float drift", () => {
    const cheap = fixturePrice({ inputPerMTok: "0.1", outputPerMTok: "0.2" });
    // 0.1 + 0.2 in floats is 0.30000000000000004; per 1M tokens here it must be exactly 0.3.
    expect(
      total(priceUsage({ price: cheap, usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } })),
    ).toBe("0.3");
    // 7 input tokens at $0.003625/M = 0.000000025375.
    const tiny = fixturePrice({ inputPerMTok: "0.003625", outputPerMTok: "0" });
    expect(total(priceUsage({ price: tiny, usage: { inputTokens: 7, outputTokens: 0 } }))).toBe(
      "0.000000025375",
    );
  });
});

describe("blendedPerMTok", () => {
  it("weights input and output rates", () => {
    const price = fixturePrice({ inputPerMTok: "3", outputPerMTok: "15" });
    // (3×3 + 15×1) / 4 = 6.
    expect(toUsdString(blendedPerMTok(price, 3, 1)!)).toBe("6");
    expect(toUsdString(blendedPerMTok(price, 0.75, 0.25)!)).toBe("6");
    // (1×1 + 2×2) / 3 = 1.6666… rounds half up at the pico-dollar.
    expect(toUsdString(blendedPerMTok(fixturePrice({ inputPerMTok: "1", outputPerMTok: "2" }), 1, 2)!)).toBe(
      "1.666666666667",
    );
  });

  it("is null when a weighted rate is unknown, but ignores rates with zero weight", () => {
    const inputOnly = fixturePrice({ inputPerMTok: "0.02" });
    expect(blendedPerMTok(inputOnly, 3, 1)).toBeNull();
    expect(toUsdString(blendedPerMTok(inputOnly, 1, 0)!)).toBe("0.02");
    expect(blendedPerMTok(null, 1, 1)).toBeNull();
    expect(() => blendedPerMTok(inputOnly, 0, 0)).toThrow(RangeError);
  });
});
