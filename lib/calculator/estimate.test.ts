import { describe, expect, it } from "vitest";
import { fixtureOffering, fixturePrice } from "@/lib/catalog/test-fixtures";
import { AppError } from "@/lib/errors";
import { compareUsd, parseUsd } from "@/lib/money";
import { buildEstimate } from "./estimate";
import { type EstimateRequest, estimateRequestSchema } from "./schema";
import { catalogOf, snapshotCatalog } from "./test-catalog";

const catalog = catalogOf([
  fixtureOffering("openai/gpt-4o", {
    price: fixturePrice({ inputPerMTok: "2.5", outputPerMTok: "10", cacheReadPerMTok: "1.25" }),
  }),
  fixtureOffering("openai/gpt-4o-mini", {
    price: fixturePrice({ inputPerMTok: "0.15", outputPerMTok: "0.6" }),
  }),
  fixtureOffering("anthropic/sonnet", {
    contextWindow: 200_000,
    price: fixturePrice({ inputPerMTok: "3", outputPerMTok: "15", cacheReadPerMTok: "0.3" }),
  }),
  fixtureOffering("x/no-price"),
  fixtureOffering("x/input-only", { price: fixturePrice({ inputPerMTok: "0.1" }) }),
  fixtureOffering("x/old", {
    deprecated: true,
    price: fixturePrice({ inputPerMTok: "1", outputPerMTok: "1" }),
  }),
  fixtureOffering("x/unknown-context", {
    contextWindow: null,
    price: fixturePrice({ inputPerMTok: "0.01", outputPerMTok: "0.01" }),
  }),
]);

const chat = { name: "Chat", inputTokens: 1_000, outputTokens: 500, requestsPerMonth: 10_000 };
const estimate = (request: unknown) => buildEstimate(catalog, estimateRequestSchema.parse(request));

describe("buildEstimate", () => {
  it("ranks priced models by monthly cost and lists the rest separately, never at $0", () => {
    // Per request: mini 1,000 × $0.15/1M + 500 × $0.60/1M = $0.00045 → × 10,000 = $4.50;
    // gpt-4o $0.0025 + $0.005 = $0.0075 → $75; sonnet $0.003 + $0.0075 = $0.0105 → $105.
    const result = estimate({ workloads: [chat], budgetUsdPerMonth: 100 });
    expect(result.results.map((row) => [row.model, row.monthlyUsd, row.yearlyUsd, row.fitsBudget])).toEqual([
      ["openai/gpt-4o-mini", "4.5", "54", true],
      ["openai/gpt-4o", "75", "900", true],
      ["anthropic/sonnet", "105", "1260", false],
    ]);
    expect(result.results[0]).toMatchObject({ name: "gpt-4o-mini", provider: "openai", perMemberUsd: null });
    expect(result.unpriced).toEqual([
      { model: "x/no-price", reason: "no price in genai-prices or models.dev" },
      { model: "x/input-only", reason: "no output price in genai-prices or models.dev" },
    ]);
    expect(result.excluded).toEqual([
      { model: "x/old", reason: "deprecated (set includeDeprecated to compare it)" },
      { model: "x/unknown-context", reason: "context window unknown" },
    ]);
    expect(result.requestsPerMonth).toEqual([
      { workload: "Chat", requests: 10_000, explanation: "10,000 requests/month" },
    ]);
  });

  it("totals workloads and splits the bill per team member", () => {
    // Team chat: 12 × 40 × 21 = 10,080 requests; on gpt-4o 100 × $2.50/1M + 100 × $10/1M = $0.00125
    // → $12.60. Total with Chat ($75) = $87.60; per member (largest team, 12) = $7.30.
    const team = {
      name: "Team chat",
      inputTokens: 100,
      outputTokens: 100,
      volume: { mode: "team", teamSize: 12, requestsPerPersonPerDay: 40, workingDaysPerMonth: 21 },
    };
    const result = estimate({ workloads: [chat, team], models: ["openai/gpt-4o"] });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({ monthlyUsd: "87.6", yearlyUsd: "1051.2", perMemberUsd: "7.3" });
    expect(result.results[0]?.workloads.map((row) => row.monthlyUsd)).toEqual(["75", "12.6"]);
    // teamMembers overrides the team size: $87.60 ÷ 8 = $10.95.
    const eight = estimate({ workloads: [chat, team], models: ["openai/gpt-4o"], teamMembers: 8 });
    expect(eight.results[0]?.perMemberUsd).toBe("10.95");
  });

  it("changes only the measured model's cost when measured tokens are used", () => {
    // gpt-4o measured at 1,000 output tokens: $0.0025 + $0.01 = $0.0125 → $125, now above sonnet.
    const result = estimate({ workloads: [{ ...chat, measuredOutputTokens: { "openai/gpt-4o": 1_000 } }] });
    expect(
      result.results.map((row) => [row.model, row.monthlyUsd, row.workloads[0]?.applied.measured]),
    ).toEqual([
      ["openai/gpt-4o-mini", "4.5", false],
      ["anthropic/sonnet", "105", false],
      ["openai/gpt-4o", "125", true],
    ]);
  });

  it("leaves out a 128K model for a 200K-token workload, naming the workload", () => {
    const long = { name: "Long docs", inputTokens: 199_000, outputTokens: 1_000, requestsPerMonth: 10 };
    const result = estimate({ workloads: [chat, long], models: ["openai/gpt-4o", "anthropic/sonnet"] });
    expect(result.results.map((row) => row.model)).toEqual(["anthropic/sonnet"]);
    expect(result.excluded).toEqual([
      { model: "openai/gpt-4o", reason: 'context window 128,000 < 200,000 tokens needed for "Long docs"' },
    ]);
  });

  it("includes deprecated models on request", () => {
    const result = estimate({ workloads: [chat], models: ["x/old"], includeDeprecated: true });
    // 1,000 × $1/1M + 500 × $1/1M = $0.0015 → $15.
    expect(result.results.map((row) => row.monthlyUsd)).toEqual(["15"]);
  });

  it("prices a routing mix on its own models", () => {
    // 70% × $4.50 = $3.15; 30% × $105 = $31.50; blended $34.65 vs sonnet at 100% $105:
    // savings $70.35 = 67%.
    const routing = [
      { model: "openai/gpt-4o-mini", percent: 70 },
      { model: "anthropic/sonnet", percent: 30 },
    ];
    const result = estimate({ workloads: [{ ...chat, routing }], models: ["openai/gpt-4o"] });
    expect(result.routing).toEqual([
      {
        workload: "Chat",
        splits: [
          { model: "openai/gpt-4o-mini", percent: 70, monthlyUsd: "3.15" },
          { model: "anthropic/sonnet", percent: 30, monthlyUsd: "31.5" },
        ],
        blendedMonthlyUsd: "34.65",
        baselineModel: "anthropic/sonnet",
        baselineMonthlyUsd: "105",
        savingsUsd: "70.35",
        savingsPercent: 67,
        unknown: [],
      },
    ]);
  });

  it("rejects unknown model ids, naming each", () => {
    const request: EstimateRequest = estimateRequestSchema.parse({
      workloads: [{ ...chat, routing: [{ model: "typo/model", percent: 100 }] }],
      models: ["openai/gpt-4o", "nope/x"],
    });
    let thrown: unknown;
    try {
      buildEstimate(catalog, request);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).message).toContain("nope/x, typo/model");
    expect((thrown as AppError).details).toMatchObject({
      fieldErrors: {
        "models.1": ['Unknown model "nope/x"'],
        "workloads.0.routing.0.model": expect.any(Array),
      },
    });
  });

  it("ranks the whole committed catalog without pricing an unknown rate as $0", () => {
    const full = snapshotCatalog();
    const result = buildEstimate(
      full,
      estimateRequestSchema.parse({
        workloads: [
          chat,
          { name: "Summaries", inputTokens: 6_000, outputTokens: 300, requestsPerMonth: 2_000 },
        ],
      }),
    );
    expect(result.results.length).toBeGreaterThan(1_000);
    for (const [index, row] of result.results.entries()) {
      const price = full.prices.get(row.model);
      expect(price?.inputPerMTok).not.toBeNull();
      expect(price?.outputPerMTok).not.toBeNull();
      const next = result.results[index + 1];
      if (next)
        expect(compareUsd(parseUsd(row.monthlyUsd), parseUsd(next.monthlyUsd))).toBeLessThanOrEqual(0);
    }
    expect(result.unpriced.length).toBeGreaterThan(100);
    const listed = result.results.length + result.unpriced.length + result.excluded.length;
    expect(listed).toBe(full.entries.length);
  });
});
