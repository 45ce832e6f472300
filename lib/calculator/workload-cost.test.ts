import { describe, expect, it } from "vitest";
import type { OfferingPrice } from "@/lib/catalog/schema";
import { fixturePrice } from "@/lib/catalog/test-fixtures";
import { snapshotCatalog } from "./test-catalog";
import { priceWorkload, tokensForModel, unpricedReason } from "./workload-cost";

const gpt4oLike = fixturePrice({ inputPerMTok: "2.5", outputPerMTok: "10", cacheReadPerMTok: "1.25" });
const sonnetLike = fixturePrice({ inputPerMTok: "3", outputPerMTok: "15", cacheReadPerMTok: "0.3" });

const workload = (overrides: Partial<Parameters<typeof tokensForModel>[0]> = {}) => ({
  inputTokens: 1_000,
  outputTokens: 500,
  cachedInputShare: 0,
  ...overrides,
});

function price(offering: OfferingPrice | null, tokens: ReturnType<typeof tokensForModel>, requests = 10_000) {
  return priceWorkload({ name: "Chat", price: offering, tokens, requestsPerMonth: requests, batch: false });
}

describe("priceWorkload", () => {
  it("prices one request and a month of them exactly", () => {
    // 1,000 × $2.50/1M = $0.0025; 500 × $10/1M = $0.005; per request $0.0075; × 10,000 = $75.
    const cost = price(gpt4oLike, tokensForModel(workload(), "openai/gpt-4o"));
    expect(cost.priced && cost.estimate).toEqual({
      name: "Chat",
      requestsPerMonth: 10_000,
      inputTokens: 1_000,
      outputTokens: 500,
      perRequestUsd: "0.0075",
      monthlyUsd: "75",
      applied: { tier: null, cache: false, batch: false, measured: false },
    });
  });

  it("bills the cached share at the cache-read price", () => {
    // 40% of 1,000 = 400 cached × $0.30/1M = $0.00012; 600 × $3/1M = $0.0018;
    // 500 × $15/1M = $0.0075. Per request $0.00942; × 10,000 = $94.20.
    const cost = price(sonnetLike, tokensForModel(workload({ cachedInputShare: 0.4 }), "x/sonnet"));
    expect(cost.priced && cost.estimate).toMatchObject({
      perRequestUsd: "0.00942",
      monthlyUsd: "94.2",
      applied: { cache: true },
    });
  });

  it("falls back to the input price when a model has no cache price, and says there is no discount", () => {
    // No cache rate: all 1,000 input tokens × $3/1M = $0.003, + $0.0075 output = $0.0105.
    const noCache = fixturePrice({ inputPerMTok: "3", outputPerMTok: "15" });
    const cost = price(noCache, tokensForModel(workload({ cachedInputShare: 0.4 }), "x/no-cache"));
    expect(cost.priced && cost.estimate).toMatchObject({
      perRequestUsd: "0.0105",
      applied: { cache: false },
    });
  });

  it("rounds the cached token count to whole tokens", () => {
    // 1,001 × 0.5 = 500.5 → 501 cached tokens.
    expect(
      tokensForModel(workload({ inputTokens: 1_001, cachedInputShare: 0.5 }), "m").cachedInputTokens,
    ).toBe(501);
  });

  it("bills the whole request at the tier once input passes the threshold (claude-sonnet-4-5)", () => {
    const tiered = snapshotCatalog().prices.get("anthropic/claude-sonnet-4-5") ?? null;
    // At 200,000 input tokens: 200,000 × $3/1M = $0.60 + 1,000 × $15/1M = $0.015 → $0.615.
    const atThreshold = price(
      tiered,
      tokensForModel(workload({ inputTokens: 200_000, outputTokens: 1_000 }), "m"),
      1,
    );
    expect(atThreshold.priced && atThreshold.estimate).toMatchObject({
      perRequestUsd: "0.615",
      applied: { tier: null },
    });
    // One token above: 200,001 × $6/1M = $1.200006 + 1,000 × $22.50/1M = $0.0225 → $1.222506.
    const above = price(
      tiered,
      tokensForModel(workload({ inputTokens: 200_001, outputTokens: 1_000 }), "m"),
      1,
    );
    expect(above.priced && above.estimate).toMatchObject({
      perRequestUsd: "1.222506",
      applied: { tier: "input > 200,000 tokens" },
    });
  });

  it("uses measured tokens only for the model they were measured on", () => {
    const measured = workload({ measuredOutputTokens: { "openai/gpt-4o": 800 } });
    expect(tokensForModel(measured, "openai/gpt-4o")).toMatchObject({ outputTokens: 800, measured: true });
    expect(tokensForModel(measured, "openai/gpt-4o-mini")).toMatchObject({
      outputTokens: 500,
      measured: false,
    });
    const input = tokensForModel(workload({ measuredInputTokens: { m: 1_200 }, cachedInputShare: 0.5 }), "m");
    expect(input).toMatchObject({ inputTokens: 1_200, cachedInputTokens: 600, measured: true });
  });

  it("applies a batch discount when the price has one", () => {
    // The schema pins batchDiscount to null today; a future "0.5" halves $0.0075 → $0.00375.
    const discounted = { ...gpt4oLike, batchDiscount: "0.5" } as unknown as OfferingPrice;
    const tokens = tokensForModel(workload(), "m");
    const cost = priceWorkload({ name: "Chat", price: discounted, tokens, requestsPerMonth: 2, batch: true });
    expect(cost.priced && cost.estimate).toMatchObject({
      perRequestUsd: "0.00375",
      monthlyUsd: "0.0075",
      applied: { batch: true },
    });
    const noBatch = priceWorkload({
      name: "Chat",
      price: gpt4oLike,
      tokens,
      requestsPerMonth: 2,
      batch: true,
    });
    expect(noBatch.priced && noBatch.estimate.applied.batch).toBe(false);
  });

  it("reports an unknown price as unknown, never $0", () => {
    const inputOnly = fixturePrice({ inputPerMTok: "0.1" });
    expect(price(inputOnly, tokensForModel(workload(), "m"))).toEqual({
      priced: false,
      unknown: ["outputPerMTok"],
    });
    expect(price(null, tokensForModel(workload(), "m"))).toEqual({ priced: false, unknown: ["price"] });
    // With no output tokens the missing output rate is never needed.
    expect(price(inputOnly, tokensForModel(workload({ outputTokens: 0 }), "m")).priced).toBe(true);
  });
});

describe("unpricedReason", () => {
  it("names the missing rates", () => {
    expect(unpricedReason(["inputPerMTok"])).toBe("no input price in genai-prices or models.dev");
    expect(unpricedReason(["inputPerMTok", "outputPerMTok", "inputPerMTok"])).toBe(
      "no input price or output price in genai-prices or models.dev",
    );
    expect(unpricedReason(["price"])).toBe("no price in genai-prices or models.dev");
  });
});
