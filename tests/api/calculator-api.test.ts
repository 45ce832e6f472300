import { beforeAll, describe, expect, it, vi } from "vitest";
import { measureTextOffThread } from "@/lib/token-pool/pool";

// The API reads the process-wide database; these tests give it a throwaway in-memory one.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const { POST: estimateRoute } = await import("@/app/api/estimate/route");
const { POST: tokensRoute } = await import("@/app/api/tokens/route");
const scenariosRoute = await import("@/app/api/scenarios/route");
const scenarioRoute = await import("@/app/api/scenarios/[id]/route");

// biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies, not the type system.
type Json = Record<string, any>;

function jsonRequest(path: string, body: unknown, method = "POST"): Request {
  return new Request(`http://test.local${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function read(response: Response): Promise<{ status: number; body: Json }> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const estimate = async (body: unknown) =>
  read(await estimateRoute(jsonRequest("/api/estimate", body), {} as never));
const tokens = async (body: unknown) =>
  read(await tokensRoute(jsonRequest("/api/tokens", body), {} as never));
const byId = (id: string) => ({ params: Promise.resolve({ id }) });

const chat = { name: "Chat", inputTokens: 1_000, outputTokens: 500, requestsPerMonth: 10_000 };

describe("POST /api/estimate", () => {
  beforeAll(async () => {
    await estimate({ workloads: [chat], models: ["openai/gpt-4o"] });
  }, 120_000);

  it("ranks the chosen models with exact amounts and lists unpriced ones apart", async () => {
    const { status, body } = await estimate({
      workloads: [chat],
      models: ["openai/gpt-4o", "openai/gpt-4o-mini", "github-copilot/gpt-4o"],
      budgetUsdPerMonth: 50,
    });
    expect(status).toBe(200);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // gpt-4o-mini: 1,000 × $0.15/1M + 500 × $0.60/1M = $0.00045 → × 10,000 = $4.50.
    // gpt-4o: 1,000 × $2.50/1M + 500 × $10/1M = $0.0075 → $75, over the $50 budget.
    expect(
      body.results.map((row: Json) => [row.model, row.monthlyUsd, row.yearlyUsd, row.fitsBudget]),
    ).toEqual([
      ["openai/gpt-4o-mini", "4.5", "54", true],
      ["openai/gpt-4o", "75", "900", false],
    ]);
    expect(body.results[1].workloads[0]).toMatchObject({ perRequestUsd: "0.0075", requestsPerMonth: 10_000 });
    expect(body.unpriced).toEqual([
      { model: "github-copilot/gpt-4o", reason: "no price in genai-prices or models.dev" },
    ]);
  });

  it("accepts the documented simple body and prices the whole catalog", async () => {
    const { status, body } = await estimate({
      workloads: [{ ...chat, cachedInputShare: 0.5 }],
    });
    expect(status).toBe(200);
    expect(body.results.length).toBeGreaterThan(1_000);
    expect(body.unpriced.length).toBeGreaterThan(0);
    const monthly = body.results.map((row: Json) => Number(row.monthlyUsd));
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
    const unpricedIds = new Set(body.unpriced.map((row: Json) => row.model));
    expect(body.results.some((row: Json) => unpricedIds.has(row.model))).toBe(false);
    // gpt-4o with half the input cached: 500 × $2.50/1M + 500 × $1.25/1M + 500 × $10/1M = $0.006875 → $68.75.
    const gpt4o = body.results.find((row: Json) => row.model === "openai/gpt-4o");
    expect(gpt4o).toMatchObject({ monthlyUsd: "68.75" });
    expect(gpt4o.workloads[0].applied).toEqual({ tier: null, cache: true, batch: false, measured: false });
  });

  it("answers malformed JSON with a 400", async () => {
    const { status, body } = await estimate("{ not json");
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:calculator");
    expect(body.error.message).toContain("not valid JSON");
  });

  it.each([
    ["wrong types", { workloads: [{ ...chat, inputTokens: "1000" }] }, "workloads.0.inputTokens"],
    ["negative tokens", { workloads: [{ ...chat, outputTokens: -1 }] }, "workloads.0.outputTokens"],
    [
      "routing that does not add up to 100",
      {
        workloads: [
          {
            ...chat,
            routing: [
              { model: "openai/gpt-4o", percent: 60 },
              { model: "openai/gpt-4o-mini", percent: 30 },
            ],
          },
        ],
      },
      "workloads.0.routing",
    ],
    ["too many workloads", { workloads: Array.from({ length: 13 }, () => chat) }, "workloads"],
    [
      "no volume",
      { workloads: [{ name: "x", inputTokens: 1, outputTokens: 1 }] },
      "workloads.0.requestsPerMonth",
    ],
  ])("rejects %s with field errors", async (_label, request, field) => {
    const { status, body } = await estimate(request);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:calculator");
    expect(Object.keys(body.error.details.fieldErrors)).toContain(field);
  });

  it("names unknown model ids", async () => {
    const { status, body } = await estimate({ workloads: [chat], models: ["openai/gpt-4o", "acme/gpt-99"] });
    expect(status).toBe(400);
    expect(body.error.message).toContain("acme/gpt-99");
    expect(body.error.details.fieldErrors).toEqual({ "models.1": ['Unknown model "acme/gpt-99"'] });
  });
});

describe("POST /api/tokens", () => {
  // A counting thread starting cold under a busy test run (loading TypeScript through tsx, then the
  // encodings) can take longer than the 2 s budget by itself; a started thread is what a server has.
  beforeAll(async () => {
    await measureTextOffThread({
      text: "warm ".repeat(5_000),
      measure: "o200k_base",
      signal: new AbortController().signal,
    });
  }, 60_000);

  it("counts the classic sentence as 10 tokens in both encodings", async () => {
    const { status, body } = await tokens({ text: "The quick brown fox jumps over the lazy dog." });
    expect(status).toBe(200);
    expect(body).toEqual({
      characters: 44,
      words: 9,
      counts: { o200k_base: 10, cl100k_base: 10 },
      encoding: "o200k_base",
    });
  });

  it("gives different counts per encoding for non-English text, or only the one asked for", async () => {
    const russian = "Съешь же ещё этих мягких французских булок, да выпей чаю.";
    const both = await tokens({ text: russian });
    expect(both.body.counts).toEqual({ o200k_base: 19, cl100k_base: 36 });
    const one = await tokens({ text: russian, encoding: "cl100k_base" });
    expect(one.body).toMatchObject({ counts: { cl100k_base: 36 }, encoding: "cl100k_base" });
    expect(one.body.counts).not.toHaveProperty("o200k_base");
  });

  it("rejects a bad encoding with a 400 and oversized text with a 413", async () => {
    const bad = await tokens({ text: "hi", encoding: "p50k_base" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fieldErrors).toHaveProperty("encoding");
    const huge = await tokens({ text: "a".repeat(2_000_001) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large:calculator");
    expect(huge.body.error.message).toContain("at most 2,000,000");
  });
});

describe("/api/scenarios", () => {
  const state = { workloads: [chat], budgetUsdPerMonth: 100 };

  const create = async (name: string) =>
    read(await scenariosRoute.POST(jsonRequest("/api/scenarios", { name, state }), {} as never));

  it("creates, lists newest first, reads, replaces and deletes a scenario", async () => {
    const first = await create("Support bot");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: "Support bot",
      state: { budgetUsdPerMonth: 100, batch: false },
    });
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await create("Code review");

    const list = await read(
      await scenariosRoute.GET(new Request("http://test.local/api/scenarios"), {} as never),
    );
    expect(list.status).toBe(200);
    const names = list.body.scenarios.map((row: Json) => row.name);
    expect(names.indexOf("Code review")).toBeLessThan(names.indexOf("Support bot"));

    const fetched = await read(
      await scenarioRoute.GET(new Request("http://test.local"), byId(first.body.id)),
    );
    expect(fetched).toMatchObject({ status: 200, body: { id: first.body.id, name: "Support bot" } });

    const replaced = await read(
      await scenarioRoute.PUT(
        jsonRequest("/api/scenarios/x", { name: "Support bot v2", state: { workloads: [chat] } }, "PUT"),
        byId(first.body.id),
      ),
    );
    expect(replaced).toMatchObject({
      status: 200,
      body: { name: "Support bot v2", state: { workloads: [chat] } },
    });
    expect(replaced.body.state).not.toHaveProperty("budgetUsdPerMonth");

    const deleted = await scenarioRoute.DELETE(new Request("http://test.local"), byId(second.body.id));
    expect(deleted.status).toBe(204);
    const gone = await read(await scenarioRoute.GET(new Request("http://test.local"), byId(second.body.id)));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found:calculator");
  });

  it("answers a non-uuid with 400, an unknown id with 404 and a bad body with 400", async () => {
    const notUuid = await read(await scenarioRoute.GET(new Request("http://test.local"), byId("nope")));
    expect(notUuid.status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    const put = await read(
      await scenarioRoute.PUT(jsonRequest("/api/scenarios/x", { name: "x", state }, "PUT"), byId(missing)),
    );
    expect(put.status).toBe(404);
    const del = await scenarioRoute.DELETE(new Request("http://test.local"), byId(missing));
    expect(del.status).toBe(404);
    const invalid = await read(
      await scenariosRoute.POST(jsonRequest("/api/scenarios", { name: " ", state: {} }), {} as never),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.details.fieldErrors)).toEqual(
      expect.arrayContaining(["name", "state.workloads"]),
    );
  });
  it("sends an ETag and refuses a save over a version someone else replaced (If-Match)", async () => {
    const created = await create("Shared plan");
    const put = (ifMatch: string | null, name: string) => {
      const request = jsonRequest("/api/scenarios/x", { name, state }, "PUT");
      if (ifMatch) request.headers.set("if-match", ifMatch);
      return scenarioRoute.PUT(request, byId(created.body.id));
    };
    const loaded = await scenarioRoute.GET(new Request("http://test.local"), byId(created.body.id));
    const etag = loaded.headers.get("etag");
    expect(etag).toMatch(/^"\d+"$/);

    const mine = await put(etag, "Mine");
    expect(mine.status).toBe(200);
    const newEtag = mine.headers.get("etag");
    expect(newEtag).not.toBe(etag);

    // A second editor still holding the first ETag is refused, and told the current version.
    const stale = await read(await put(etag, "Theirs"));
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("precondition_failed:calculator");
    expect(stale.body.error.message).toContain("Someone else changed");
    expect(stale.body.error.details.etag).toBe(newEtag);
    const unchanged = await read(
      await scenarioRoute.GET(new Request("http://test.local"), byId(created.body.id)),
    );
    expect(unchanged.body.name).toBe("Mine");

    expect((await read(await put("not-a-tag", "Garbage"))).status).toBe(412);
    expect((await read(await put(null, "No precondition"))).body.name).toBe("No precondition");
    expect((await read(await put("*", "Any version"))).status).toBe(200);
  });
});
