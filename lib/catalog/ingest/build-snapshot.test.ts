import { readFileSync } from "node:fs";
import { calcPrice, type ModelInfo, type ModelPrice, type Provider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { buildSnapshot, serializeSnapshot } from "@/lib/catalog/ingest/build-snapshot";
import { loadGenaiPricesData } from "@/lib/catalog/ingest/sources/genai-prices";
import { loadModelsDevData } from "@/lib/catalog/ingest/sources/models-dev";
import { loadSnapshot, SNAPSHOT_PATH } from "@/lib/catalog/store/snapshot";
import { normalizeDecimalString } from "@/lib/money";

const committed = loadSnapshot();
const genaiProviders = await loadGenaiPricesData();
const versionOf = (id: string) => committed.sources.find((source) => source.id === id)?.version ?? "";

function rebuild() {
  return buildSnapshot({
    genaiProviders,
    modelsDev: loadModelsDevData(),
    asOf: committed.asOf,
    generatedAt: committed.generatedAt,
    versions: { genaiPrices: versionOf("genai-prices"), modelsDev: versionOf("models.dev") },
  });
}

describe("the committed snapshot", () => {
  it("is what the installed packages build, byte for byte", () => {
    const text = serializeSnapshot(rebuild());
    expect(text).toBe(serializeSnapshot(rebuild()));
    // Fails when a package was upgraded: run `npx tsx lib/catalog/build-snapshot-cli.ts`.
    expect(text).toBe(readFileSync(SNAPSHOT_PATH, "utf8"));
  });

  it("covers both sources broadly", () => {
    expect(committed.offerings.length).toBeGreaterThanOrEqual(600);
    expect(committed.providers.length).toBeGreaterThanOrEqual(35);
    expect(new Set(committed.offerings.map((offering) => offering.priceSource))).toEqual(
      new Set(["genai-prices", "models.dev", null]),
    );
  });

  it("has unique, sorted, path-safe offering ids that resolve to providers and models", () => {
    const ids = committed.offerings.map((offering) => offering.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    const providerIds = new Set(committed.providers.map((provider) => provider.id));
    const modelIds = new Set(committed.models.map((model) => model.id));
    for (const offering of committed.offerings) {
      expect(offering.id).toBe(`${offering.providerId}/${offering.providerModelId}`);
      expect(offering.id).not.toMatch(/[\s\\?#]/);
      expect(providerIds.has(offering.providerId)).toBe(true);
      expect(modelIds.has(offering.modelId)).toBe(true);
    }
    const offeringCount = committed.models.reduce((sum, model) => sum + model.offeringCount, 0);
    expect(offeringCount).toBe(committed.offerings.length);
  });

  it("groups one model across hosts under a canonical id", () => {
    const llama = committed.offerings.filter((offering) => offering.modelId === "llama-3.3-70b");
    const hosts = new Set(llama.map((offering) => offering.providerId));
    for (const host of ["together", "groq", "cerebras", "aws", "cloudflare", "openrouter"])
      expect(hosts).toContain(host);
    expect(committed.models.find((model) => model.id === "llama-3.3-70b")).toMatchObject({
      creator: "meta",
      family: "llama",
      openWeights: true,
    });
  });

  it("never turns an unknown price into zero", () => {
    for (const offering of committed.offerings) {
      if (offering.priceSource === null) expect(offering.price).toBeNull();
      if (offering.price) expect(offering.priceAsOf).not.toBeNull();
    }
    // models.dev lists the coding plan at $0 because it is a subscription, not free.
    const codingPlan = committed.offerings.filter((offering) => offering.providerId === "zai-coding-plan");
    expect(codingPlan.length).toBeGreaterThan(0);
    for (const offering of codingPlan) expect(offering.price).toBeNull();
  });

  it("records dated price changes as history", () => {
    const o3 = committed.priceHistory.filter((row) => row.offeringId === "openai/o3");
    expect(o3.map((row) => [row.effectiveFrom, row.inputPerMTok, row.outputPerMTok])).toEqual([
      [null, "10", "40"],
      ["2025-06-10", "2", "8"],
    ]);
    const current = committed.offerings.find((offering) => offering.id === "openai/o3");
    expect(current).toMatchObject({ priceEffectiveFrom: "2025-06-10", price: { inputPerMTok: "2" } });
  });
});

// A clock time outside every time-of-day window, so calcPrice returns the default price.
function timeOutsideWindows(model: ModelInfo): string {
  const windows = Array.isArray(model.prices)
    ? model.prices.flatMap((entry) =>
        entry.constraint?.type === "time_of_date"
          ? [[entry.constraint.start_time, entry.constraint.end_time]]
          : [],
      )
    : [];
  const inside = (clock: string, [start = "", end = ""]: string[]) => {
    const [s, e, t] = [start.slice(0, 8), end.slice(0, 8), clock];
    return e < s ? t >= s || t < e : t >= s && t < e;
  };
  const clock = ["23:59:59", "00:00:00", "12:00:00", "05:00:00", "18:00:00"].find(
    (candidate) => !windows.some((window) => inside(candidate, window)),
  );
  if (!clock) throw new Error(`no clock time outside the windows of ${model.id}`);
  return clock;
}

const rate = (prices: ModelPrice, key: string): string | null => {
  const value = prices[key] as number | { base: number } | undefined;
  if (value === undefined) return null;
  return normalizeDecimalString(typeof value === "number" ? value : value.base);
};

describe("current prices equal genai-prices' own", () => {
  const offerings = new Map(committed.offerings.map((offering) => [offering.id, offering]));

  it("for every bundled model, string for string", () => {
    let checked = 0;
    for (const provider of genaiProviders) {
      for (const model of provider.models) {
        const onlyThisModel: Provider = {
          id: provider.id,
          name: provider.name,
          api_pattern: provider.api_pattern,
          models: [{ ...model, match: { equals: model.id } }],
        };
        const at = new Date(`${committed.asOf}T${timeOutsideWindows(model)}Z`);
        const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, model.id, {
          provider: onlyThisModel,
          timestamp: at,
        });
        const expected = result?.model_price ?? {};
        const offering = offerings.get(`${provider.id}/${model.id}`);
        expect(offering, `${provider.id}/${model.id}`).toBeDefined();
        if (Object.keys(expected).length === 0) {
          // Listed without any price: ours is unknown (or $0 for ":free" ids), never a genai-prices price.
          if (!/:free$/.test(model.id)) expect(offering?.priceSource).not.toBe("genai-prices");
          continue;
        }
        expect(offering?.priceSource).toBe("genai-prices");
        expect(
          {
            input: offering?.price?.inputPerMTok,
            output: offering?.price?.outputPerMTok,
            cacheRead: offering?.price?.cacheReadPerMTok,
            cacheWrite: offering?.price?.cacheWritePerMTok,
            reasoning: offering?.price?.reasoningPerMTok,
          },
          `${provider.id}/${model.id}`,
        ).toEqual({
          input: rate(expected, "input_mtok"),
          output: rate(expected, "output_mtok"),
          cacheRead: rate(expected, "cache_read_mtok"),
          cacheWrite: rate(expected, "cache_write_mtok"),
          reasoning: rate(expected, "output_reasoning_mtok"),
        });
        const inputTiers = expected.input_mtok as
          | { tiers?: { start: number; price: number }[] }
          | number
          | undefined;
        if (typeof inputTiers === "object" && inputTiers.tiers) {
          for (const tier of inputTiers.tiers) {
            const ours = offering?.price?.tiers.find(
              (candidate) => candidate.aboveInputTokens === tier.start,
            );
            expect(ours?.inputPerMTok).toBe(normalizeDecimalString(tier.price));
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_400);
  });
});
