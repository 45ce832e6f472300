import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiModelSchema } from "@/lib/catalog/read/export";

// The API reads the process-wide database; these tests give it a throwaway in-memory one.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const { GET: listRoute } = await import("@/app/api/models/route");
const { GET: detailRoute } = await import("@/app/api/models/[...id]/route");

type Model = Record<string, unknown> & {
  id: string;
  inputPerMTok: number | null;
  blendedPerMTok: number | null;
};

async function list(query: string) {
  const response = await listRoute(new Request(`http://test.local/api/models${query}`), {} as never);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function detail(id: string) {
  const response = await detailRoute(new Request(`http://test.local/api/models/${id}`), {
    params: Promise.resolve({ id: id.split("/") }),
  });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/models", () => {
  beforeAll(async () => {
    await list("");
  }, 120_000);

  it("returns the documented shape with the as-of date and at least 600 offerings from 35 providers", async () => {
    const { status, text } = await list("?deprecated=show");
    expect(status).toBe(200);
    const body = JSON.parse(text) as { asOf: string; models: Model[] };
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.models.length).toBeGreaterThanOrEqual(600);
    expect(new Set(body.models.map((model) => model.provider)).size).toBeGreaterThanOrEqual(35);
    const gpt4o = body.models.find((model) => model.id === "openai/gpt-4o");
    expect(gpt4o).toMatchObject({
      provider: "openai",
      model: "gpt-4o",
      inputPerMTok: 2.5,
      outputPerMTok: 10,
      priceSource: "genai-prices",
    });
    for (const key of [
      "cachedInputPerMTok",
      "contextWindow",
      "maxOutputTokens",
      "modalities",
      "toolCall",
      "reasoning",
      "openWeights",
      "releaseDate",
      "knowledgeCutoff",
      "deprecated",
      "priceAsOf",
    ]) {
      expect(gpt4o).toHaveProperty(key);
    }
    // Every row has the schema's shape: each field present, prices numbers or null.
    const invalid = body.models.filter((model) => !apiModelSchema.safeParse(model).success);
    expect(invalid.map((model) => model.id)).toEqual([]);
  });

  it("keeps unknown prices null, never 0", async () => {
    const body = JSON.parse((await list("?deprecated=show")).text) as { models: Model[] };
    const unknown = body.models.filter((model) => model.inputPerMTok === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const model of unknown) expect(model.blendedPerMTok).toBeNull();
    // An offering no source prices at all says so: no price, no source, no date.
    const unpriced = body.models.find((model) => model.id === "github-copilot/gpt-4o");
    expect(unpriced).toMatchObject({
      inputPerMTok: null,
      outputPerMTok: null,
      priceSource: null,
      priceAsOf: null,
    });
  });

  it("filters and sorts like the table, with unknown values last", async () => {
    const body = JSON.parse((await list("?input=image&cap=tools&minContext=128000&sort=blended")).text) as {
      count: number;
      models: (Model & { modalities: { input: string[] }; toolCall: boolean; contextWindow: number })[];
    };
    expect(body.count).toBeGreaterThan(10);
    for (const model of body.models) {
      expect(model.modalities.input).toContain("image");
      expect(model.toolCall).toBe(true);
      expect(model.contextWindow).toBeGreaterThanOrEqual(128_000);
    }
    const prices = body.models.map((model) => model.blendedPerMTok);
    const firstUnknown = prices.indexOf(null);
    const known = (firstUnknown === -1 ? prices : prices.slice(0, firstUnknown)) as number[];
    expect(known).toEqual([...known].sort((a, b) => a - b));
    if (firstUnknown !== -1) expect(prices.slice(firstUnknown).every((price) => price === null)).toBe(true);
  });

  it("exports CSV with one line per model and empty cells for unknowns", async () => {
    const json = JSON.parse((await list("?provider=openai")).text) as { count: number };
    const csv = await list("?provider=openai&format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toContain("input_usd_per_mtok");
    expect(lines.length).toBe(json.count + 1);
  });

  it.each([
    ["?provider=not-a-provider", "provider"],
    ["?minContext=lots", "minContext"],
    ["?sort=price", "sort"],
    ["?maxInput=-1", "maxInput"],
    ["?input=smell", "input"],
    ["?ratio=3", "ratio"],
    ["?format=xml", "format"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text);
    expect(body.error.code).toBe("bad_request:catalog");
    expect(body.error.message).toContain(parameter);
  });
  it("answers each query with its own listing when listings are reused, past the number kept", async () => {
    const providersOf = (text: string) =>
      new Set((JSON.parse(text) as { models: Model[] }).models.map((model) => model.provider));
    const openai = await list("?provider=openai&sort=input");
    expect([...providersOf(openai.text)]).toEqual(["openai"]);
    // Same query, parameters in another order: the same bytes.
    expect((await list("?sort=input&provider=openai")).text).toBe(openai.text);
    const asCsv = await list("?provider=openai&sort=input&format=csv");
    expect(asCsv.headers.get("content-type")).toContain("text/csv");
    for (const provider of [
      "anthropic",
      "google",
      "mistral",
      "groq",
      "deepseek",
      "xai",
      "together",
      "fireworks",
    ]) {
      const { status, text } = await list(`?provider=${provider}`);
      if (status === 200) expect([...providersOf(text)]).toEqual([provider]);
    }
    const again = await list("?provider=openai&sort=input");
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(again.text).toBe(openai.text);
  });
});

describe("GET /api/models/{id}", () => {
  it("returns offerings, the full price history with sources, and guide notes", async () => {
    const { status, body } = await detail("openai/gpt-4o");
    expect(status).toBe(200);
    expect(body.offerings.length).toBeGreaterThan(1);
    const history = body.priceHistory as {
      source: string;
      sourceDate: string;
      inputPerMTok: string;
      outputPerMTok: string;
    }[];
    expect(history).toContainEqual(
      expect.objectContaining({
        source: "guide-2024-11",
        sourceDate: "2024-11",
        inputPerMTok: "5",
        outputPerMTok: "15",
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({ source: "genai-prices", inputPerMTok: "2.5", outputPerMTok: "10" }),
    );
    expect(body.priceConflicts.length).toBeGreaterThan(0);
    expect(body.editorial.length).toBeGreaterThan(0);
    expect(body.price.tiers).toEqual([]);
  });

  it("returns tier prices for a long-context model", async () => {
    const all = JSON.parse((await list("?deprecated=show")).text) as {
      models: (Model & { tieredPricing: boolean })[];
    };
    const tiered = all.models.find((model) => model.tieredPricing);
    expect(tiered).toBeDefined();
    const { body } = await detail(tiered!.id);
    expect(body.price.tiers.length).toBeGreaterThan(0);
    expect(body.price.tiers[0].aboveInputTokens).toBeGreaterThan(0);
  });

  it("answers an unknown id with a 404 that says what ids look like", async () => {
    const { status, body } = await detail("nope/not-a-model");
    expect(status).toBe(404);
    expect(body.error.message).toContain("openai/gpt-4o");
  });
});
