import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseEvents } from "@/lib/sse";

// The real route handlers on a throwaway in-memory database; demo models need no keys or network.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const sessionsRoute = await import("@/app/api/sessions/route");
const sessionRoute = await import("@/app/api/sessions/[id]/route");
const exportRoute = await import("@/app/api/sessions/[id]/export/route");
const usageRoute = await import("@/app/api/usage/route");
const eventsRoute = await import("@/app/api/usage/events/route");
const { POST: playgroundRoute } = await import("@/app/api/playground/runs/route");
const { getDb } = await import("@/db/client");
const { insertRun, insertSession, saveRunResult } = await import("@/db/queries/sessions");
const { usageEvents } = await import("@/db/schema");

const BASE = "http://test.local";
const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";
const WINDOW = "from=2025-03-01&to=2025-03-04";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field by the assertions.
type Json = Record<string, any>;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function call(response: Response | Promise<Response>) {
  const resolved = await response;
  const text = await resolved.text();
  let body: Json | null = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: resolved.status, headers: resolved.headers, text, body: body as Json };
}

const listSessions = (q = "") =>
  call(
    sessionsRoute.GET(
      new Request(`${BASE}/api/sessions${q ? `?q=${encodeURIComponent(q)}` : ""}`),
      {} as never,
    ),
  );
const getSession = (id: string) => call(sessionRoute.GET(new Request(`${BASE}/api/sessions/${id}`), ctx(id)));
const patchSession = (id: string, body: unknown) =>
  call(
    sessionRoute.PATCH(
      new Request(`${BASE}/api/sessions/${id}`, {
        method: "PATCH",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      }),
      ctx(id),
    ),
  );
const deleteSession = (id: string) =>
  call(sessionRoute.DELETE(new Request(`${BASE}/api/sessions/${id}`, { method: "DELETE" }), ctx(id)));
const exportSession = (id: string, format: string) =>
  call(exportRoute.GET(new Request(`${BASE}/api/sessions/${id}/export?format=${format}`), ctx(id)));
const usage = (query: string) => call(usageRoute.GET(new Request(`${BASE}/api/usage?${query}`), {} as never));
const events = (query: string) =>
  call(eventsRoute.GET(new Request(`${BASE}/api/usage/events?${query}`), {} as never));

interface Answer {
  modelId: string;
  provider: string;
  costUsd: string | null;
  occurredAt: string;
  status?: "ok" | "stopped" | "error";
  simulated?: boolean;
  output?: string;
}

/** A session with one turn, saved the way the playground saves it: answer plus usage event together. */
async function seedSession(title: string, prompt: string, answers: Answer[]): Promise<string> {
  const db = await getDb();
  const session = await insertSession({ db, title, clientId: "unit" });
  const run = await insertRun({ db, sessionId: session.id, prompt, system: null, params: {} });
  for (const answer of answers) {
    const status = answer.status ?? "ok";
    const metrics = { inputTokens: 100, cachedInputTokens: 10, outputTokens: 50, reasoningTokens: 0 };
    await saveRunResult({
      db,
      result: {
        runId: run.id,
        modelId: answer.modelId,
        status,
        output: answer.output ?? `Answer from ${answer.modelId}`,
        errorCode: status === "error" ? "upstream_error" : null,
        errorMessage: status === "error" ? "The provider failed" : null,
        ...metrics,
        costUsd: answer.costUsd,
        ttftMs: 120,
        durationMs: 900,
        simulated: answer.simulated ?? false,
      },
      usage: {
        occurredAt: new Date(answer.occurredAt),
        provider: answer.provider,
        model: answer.modelId,
        sessionId: session.id,
        ...metrics,
        costUsd: answer.costUsd,
        ttftMs: 120,
        durationMs: 900,
        status,
        simulated: answer.simulated ?? false,
      },
    });
  }
  return session.id;
}

let alphaId = "";
let betaId = "";
let demoId = "";

beforeAll(async () => {
  alphaId = await seedSession("Alpha planning", "Which vector database is cheapest at 10M rows?", [
    {
      modelId: "openai/gpt-4o-mini",
      provider: "openai",
      costUsd: "0.000123456789",
      occurredAt: "2025-03-01T10:00:00Z",
    },
    {
      modelId: "anthropic/claude-3-5-haiku-latest",
      provider: "anthropic",
      costUsd: "0.1",
      occurredAt: "2025-03-01T12:00:00Z",
    },
  ]);
  betaId = await seedSession("Beta notes", "Summarise the release notes", [
    { modelId: "openai/gpt-4o-mini", provider: "openai", costUsd: "0.2", occurredAt: "2025-03-02T09:00:00Z" },
    {
      modelId: "ollama/llama3",
      provider: "ollama",
      costUsd: null,
      status: "error",
      occurredAt: "2025-03-02T10:00:00Z",
    },
    {
      modelId: "demo/swift",
      provider: "demo",
      costUsd: "0.5",
      simulated: true,
      occurredAt: "2025-03-02T11:00:00Z",
    },
  ]);
  // One real playground run, streamed to the end, so export sees what the playground really saves.
  const response = await playgroundRoute(
    new Request(`${BASE}/api/playground/runs`, {
      method: "POST",
      body: JSON.stringify({
        prompt: "Zebra question: how do I pick an LLM API?",
        models: ["demo/swift", "demo/steady"],
      }),
      headers: { "content-type": "application/json", "x-forwarded-for": "history-unit" },
    }),
    {} as never,
  );
  const stream = await response.text();
  demoId = String(parseEvents<{ sessionId?: string }>(stream)[0]?.sessionId);
}, 60_000);

describe("GET /api/sessions", () => {
  it("lists sessions newest first with turns, models and the exact summed cost", async () => {
    const { status, body } = await listSessions();
    expect(status).toBe(200);
    expect(body.sessions.map((session: Json) => session.id)).toEqual([demoId, betaId, alphaId]);
    const alpha = body.sessions.find((session: Json) => session.id === alphaId);
    expect(alpha).toMatchObject({ title: "Alpha planning", turns: 1 });
    expect([...alpha.models].sort()).toEqual(["anthropic/claude-3-5-haiku-latest", "openai/gpt-4o-mini"]);
    expect(Number(alpha.costUsd)).toBe(0.100123456789);
    expect(alpha.costUsd).toMatch(/^0\.1001234567890*$/);
    const beta = body.sessions.find((session: Json) => session.id === betaId);
    expect([...beta.models].sort()).toEqual(["demo/swift", "ollama/llama3", "openai/gpt-4o-mini"]);
  });

  it("searches titles and prompt text, case-insensitively, with LIKE wildcards taken literally", async () => {
    const byPrompt = await listSessions("VECTOR database");
    expect(byPrompt.body.sessions.map((session: Json) => session.id)).toEqual([alphaId]);
    const byTitle = await listSessions("beta");
    expect(byTitle.body.sessions.map((session: Json) => session.id)).toEqual([betaId]);
    expect((await listSessions("%")).body.sessions).toEqual([]);
    expect((await listSessions("no such words anywhere")).body.sessions).toEqual([]);
  });

  it("rejects an over-long search with a 400 naming q", async () => {
    const { status, body } = await listSessions("x".repeat(201));
    expect(status).toBe(400);
    expect(body.error.details.fieldErrors.q).toBeDefined();
  });
});

describe("GET /api/sessions/{id}", () => {
  it("returns every turn with each model's answer and metrics", async () => {
    const { status, body } = await getSession(betaId);
    expect(status).toBe(200);
    expect(body.title).toBe("Beta notes");
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ turnIndex: 0, prompt: "Summarise the release notes" });
    const failed = body.runs[0].results.find((result: Json) => result.modelId === "ollama/llama3");
    expect(failed).toMatchObject({
      status: "error",
      errorMessage: "The provider failed",
      costUsd: null,
      ttftMs: 120,
      inputTokens: 100,
    });
    expect(body.runs[0].results.find((result: Json) => result.modelId === "demo/swift").simulated).toBe(true);
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    expect((await getSession("not-a-uuid")).status).toBe(400);
    expect((await getSession(UNKNOWN_UUID)).status).toBe(404);
  });
});

describe("PATCH /api/sessions/{id}", () => {
  it("renames a session, trimming the title, and the list shows the new name", async () => {
    const { status, body } = await patchSession(alphaId, { title: "  Vector DB shoot-out  " });
    expect(status).toBe(200);
    expect(body.title).toBe("Vector DB shoot-out");
    const list = await listSessions("shoot-out");
    expect(list.body.sessions.map((session: Json) => session.id)).toEqual([alphaId]);
  });

  it("rejects an empty title with field errors, a malformed id with 400 and an unknown id with 404", async () => {
    const empty = await patchSession(alphaId, { title: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("bad_request:history");
    expect(empty.body.error.details.fieldErrors.title).toEqual(["Give the session a name"]);
    expect((await patchSession("1234", { title: "x" })).status).toBe(400);
    const unknown = await patchSession(UNKNOWN_UUID, { title: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found:history");
  });
});

describe("GET /api/sessions/{id}/export", () => {
  it("exports Markdown with the prompt and every model's answer", async () => {
    const detail = (await getSession(demoId)).body;
    const results = detail.runs[0].results as Json[];
    expect(results.map((result) => result.modelId).sort()).toEqual(["demo/steady", "demo/swift"]);
    const { status, headers, text } = await exportSession(demoId, "md");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/markdown");
    expect(headers.get("content-disposition")).toMatch(/attachment; filename="session-.+\.md"/);
    expect(text).toContain("Zebra question: how do I pick an LLM API?");
    for (const result of results) {
      expect(result.output.length).toBeGreaterThan(10);
      expect(text).toContain(result.output);
      expect(text).toContain(`### ${result.modelId} (Simulated)`);
    }
  });

  it("exports JSON that parses back into the session", async () => {
    const { status, headers, text } = await exportSession(demoId, "json");
    expect(status).toBe(200);
    expect(headers.get("content-disposition")).toMatch(/\.json"/);
    const parsed = JSON.parse(text);
    expect(parsed.id).toBe(demoId);
    expect(parsed.runs[0].results).toHaveLength(2);
  });

  it("rejects an unknown format", async () => {
    const { status, body } = await exportSession(demoId, "pdf");
    expect(status).toBe(400);
    expect(body.error.details.fieldErrors.format).toBeDefined();
  });
});

describe("DELETE /api/sessions/{id}", () => {
  it("deletes the session and its answers but keeps its usage events, unlinked", async () => {
    const id = await seedSession("Doomed", "temporary prompt", [
      {
        modelId: "openai/gpt-4o-mini",
        provider: "openai",
        costUsd: "0.03",
        occurredAt: "2025-06-01T00:00:00Z",
      },
    ]);
    const db = await getDb();
    const before = await db
      .select()
      .from(usageEvents)
      .where(inArray(usageEvents.sessionId, [id]));
    expect(before).toHaveLength(1);

    const deleted = await deleteSession(id);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await getSession(id)).status).toBe(404);
    expect((await deleteSession(id)).status).toBe(404);
    expect((await listSessions("Doomed")).body.sessions).toEqual([]);

    const after = await db
      .select()
      .from(usageEvents)
      .where(
        inArray(
          usageEvents.id,
          before.map((event) => event.id),
        ),
      );
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ sessionId: null, runResultId: null, costUsd: "0.030000000000" });
    const report = await usage("from=2025-06-01&to=2025-06-02");
    expect(report.body.totals).toMatchObject({ requests: 1, costUsd: "0.03" });
  });

  it("answers 400 for a malformed id", async () => {
    expect((await deleteSession("nope")).status).toBe(400);
  });
});

describe("GET /api/usage", () => {
  it("totals the range exactly, leaving simulated usage out by default", async () => {
    const { status, body } = await usage(WINDOW);
    expect(status).toBe(200);
    expect(body).toMatchObject({ groupBy: "day", includeSimulated: false });
    expect(body.from).toBe("2025-03-01T00:00:00.000Z");
    expect(body.totals).toMatchObject({
      requests: 4,
      inputTokens: 400,
      cachedInputTokens: 40,
      outputTokens: 200,
      costUsd: "0.300123456789",
      unpricedRequests: 1,
    });
  });

  it("reports the same totals whatever the grouping", async () => {
    const expected = {
      day: null,
      key: null,
      requests: 5,
      inputTokens: 500,
      cachedInputTokens: 50,
      outputTokens: 250,
      costUsd: "0.800123456789",
      unpricedRequests: 1,
    };
    for (const grouping of ["groupBy=day", "groupBy=model", "groupBy=provider", "groupBy=day&split=model"]) {
      const { body } = await usage(`${WINDOW}&includeSimulated=1&${grouping}`);
      expect(body.totals, grouping).toMatchObject(expected);
    }
  });

  it("includes simulated usage with includeSimulated=1", async () => {
    const { body } = await usage(`${WINDOW}&includeSimulated=1`);
    expect(body.includeSimulated).toBe(true);
    expect(body.totals).toMatchObject({ requests: 5, costUsd: "0.800123456789" });
  });

  it("defaults to the last 30 days, where only the simulated playground run falls", async () => {
    const real = await usage("");
    expect(real.body.totals.requests).toBe(0);
    expect(real.body.totals.costUsd).toBeNull();
    const withDemo = await usage("includeSimulated=true");
    expect(withDemo.body.totals.requests).toBe(2);
    const spanMs = Date.parse(withDemo.body.to) - Date.parse(withDemo.body.from);
    expect(spanMs).toBe(30 * 86_400_000);
  });

  it("groups by UTC day with exact decimal sums and unknown costs counted apart", async () => {
    const { body } = await usage(`${WINDOW}&groupBy=day`);
    expect(body.buckets).toEqual([
      expect.objectContaining({
        day: "2025-03-01",
        requests: 2,
        costUsd: "0.100123456789",
        unpricedRequests: 0,
      }),
      expect.objectContaining({ day: "2025-03-02", requests: 2, costUsd: "0.2", unpricedRequests: 1 }),
    ]);
  });

  it("groups by model and by provider; a model with no known price sums to null, not zero", async () => {
    const byModel = await usage(`${WINDOW}&groupBy=model`);
    const models = Object.fromEntries(byModel.body.buckets.map((bucket: Json) => [bucket.key, bucket]));
    expect(Object.keys(models).sort()).toEqual([
      "anthropic/claude-3-5-haiku-latest",
      "ollama/llama3",
      "openai/gpt-4o-mini",
    ]);
    expect(models["openai/gpt-4o-mini"]).toMatchObject({ requests: 2, costUsd: "0.200123456789" });
    expect(models["ollama/llama3"]).toMatchObject({ requests: 1, costUsd: null, unpricedRequests: 1 });

    const byProvider = await usage(`${WINDOW}&groupBy=provider&includeSimulated=1`);
    const providers = Object.fromEntries(byProvider.body.buckets.map((bucket: Json) => [bucket.key, bucket]));
    expect(providers.openai).toMatchObject({ requests: 2, costUsd: "0.200123456789" });
    expect(providers.anthropic).toMatchObject({ requests: 1, costUsd: "0.1" });
    expect(providers.demo).toMatchObject({ requests: 1, costUsd: "0.5" });
  });

  it("splits days by model for the stacked spend chart, and applies provider and status filters", async () => {
    const split = await usage(`${WINDOW}&groupBy=day&split=model`);
    expect(split.body.split).toBe("model");
    expect(split.body.buckets).toContainEqual(
      expect.objectContaining({ day: "2025-03-01", key: "openai/gpt-4o-mini", costUsd: "0.000123456789" }),
    );
    expect(split.body.buckets).toHaveLength(4);

    const openai = await usage(`${WINDOW}&provider=openai`);
    expect(openai.body.totals).toMatchObject({ requests: 2, costUsd: "0.200123456789" });
    const errors = await usage(`${WINDOW}&status=error`);
    expect(errors.body.totals).toMatchObject({ requests: 1, costUsd: null, unpricedRequests: 1 });
  });

  it.each([
    ["groupBy=week", "groupBy"],
    ["from=garbage", "from"],
    ["from=2025-03-05&to=2025-03-01", "from"],
    ["from=2025-02-30", "from"],
    ["includeSimulated=maybe", "includeSimulated"],
    ["status=pending", "status"],
  ])("rejects %s with a 400 naming %s", async (query, field) => {
    const { status, body } = await usage(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:history");
    expect(Object.keys(body.error.details.fieldErrors)).toContain(field);
    expect(body.error.message).toContain(field);
  });
});

describe("GET /api/usage/events", () => {
  it("lists events newest first and pages with limit and offset", async () => {
    const first = await events(`${WINDOW}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.events.map((event: Json) => event.occurredAt)).toEqual([
      "2025-03-02T10:00:00.000Z",
      "2025-03-02T09:00:00.000Z",
    ]);
    const second = await events(`${WINDOW}&limit=2&offset=2`);
    expect(second.body.events.map((event: Json) => event.model)).toEqual([
      "anthropic/claude-3-5-haiku-latest",
      "openai/gpt-4o-mini",
    ]);
    expect((await events(`${WINDOW}&limit=2&offset=4`)).body.events).toEqual([]);
  });

  it("exports CSV with a header, one line per event and an empty cell for an unknown cost", async () => {
    const { status, headers, text } = await events(`${WINDOW}&format=csv`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/csv");
    expect(headers.get("content-disposition")).toContain("attachment");
    const [header, ...rows] = text.trimEnd().split("\n");
    const columns = header?.split(",") ?? [];
    expect(columns.slice(0, 4)).toEqual(["occurred_at", "provider", "model", "status"]);
    expect(rows).toHaveLength(4);
    const cost = columns.indexOf("cost_usd");
    const cells = rows.map((row) => row.split(","));
    const ollama = cells.find((row) => row[2] === "ollama/llama3");
    expect(ollama?.[cost]).toBe("");
    expect(cells.find((row) => row[1] === "anthropic")?.[cost]).toBe("0.1");
    expect(cells.find((row) => row[0] === "2025-03-01T10:00:00.000Z")?.[cost]).toBe("0.000123456789");
  });

  it("rejects a limit above 5000 with a 400 naming limit", async () => {
    const { status, body } = await events("limit=5001");
    expect(status).toBe(400);
    expect(body.error.details.fieldErrors.limit).toBeDefined();
  });
});

describe("session JSON", () => {
  it("never includes the client address a session was started from", async () => {
    const id = await seedSession("Privacy check", "who am I", [
      {
        modelId: "openai/gpt-4o-mini",
        provider: "openai",
        costUsd: "0.0001",
        occurredAt: "2025-03-02T10:00:00Z",
      },
    ]);
    const list = await listSessions("Privacy check");
    const listed = (list.body.sessions as Json[]).find((session) => session.id === id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty("clientId");
    const detail = await getSession(id);
    expect(detail.body).not.toHaveProperty("clientId");
    const exported = await exportSession(id, "json");
    expect(exported.text).not.toContain("clientId");
  });
});
