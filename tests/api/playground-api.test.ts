import { createServer } from "node:http";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readEvents } from "@/lib/sse";
import { startFakeUpstream } from "../support/fake-upstream";

// Real provider packages against the local fake upstream, a throwaway in-memory database.
const fake = await startFakeUpstream();
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");
vi.stubEnv("OPENAI_API_KEY", "test-openai");
vi.stubEnv("OPENAI_BASE_URL", `${fake.url}/v1`);
vi.stubEnv("ANTHROPIC_API_KEY", "test-anthropic");
vi.stubEnv("ANTHROPIC_BASE_URL", `${fake.url}/v1`);
vi.stubEnv("GOOGLE_GENERATIVE_AI_API_KEY", "test-google");
vi.stubEnv("GOOGLE_GENERATIVE_AI_BASE_URL", `${fake.url}/v1beta`);
vi.stubEnv("GROQ_API_KEY", "bad-key");
vi.stubEnv("GROQ_BASE_URL", `${fake.url}/v1`);
vi.stubEnv("MISTRAL_API_KEY", "");
vi.stubEnv("MAX_CONCURRENT_RUNS_PER_CLIENT", "2");

const { POST: playgroundRoute } = await import("@/app/api/playground/runs/route");
const { POST: stopRoute } = await import("@/app/api/playground/stop/route");
const earlierPaths = {
  run: (await import("@/app/api/compare/route")).POST,
  stop: (await import("@/app/api/compare/stop/route")).POST,
};
const { getDb } = await import("@/db/client");
const { runResults, sessions, usageEvents } = await import("@/db/schema");
const { getCatalog } = await import("@/lib/catalog/read/served");

type Event = Record<string, unknown> & { type: string; model?: string; sessionId?: string; runId?: string };

const OPENAI = "openai/gpt-4o-mini";
const ANTHROPIC = "anthropic/claude-3-5-haiku-latest";
const GOOGLE = "google/gemini-2.0-flash";
const DEMO = "demo/swift";

function post(body: unknown, init: { signal?: AbortSignal; raw?: string; clientId?: string } = {}) {
  return playgroundRoute(
    new Request("http://test.local/api/playground/runs", {
      method: "POST",
      body: init.raw ?? JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": init.clientId ?? "unit" },
      signal: init.signal,
    }),
    {} as never,
  );
}

async function events(response: Response, onEvent?: (event: Event) => void): Promise<Event[]> {
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const all: Event[] = [];
  await readEvents<Event>(response.body as ReadableStream<Uint8Array>, (event) => {
    all.push(event);
    onEvent?.(event);
  });
  return all;
}

function stop(body: { runId: string; model?: string }) {
  return stopRoute(
    new Request("http://test.local/api/playground/stop", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    {} as never,
  );
}

const byModel = (all: Event[], model: string, type: string) =>
  all.filter((event) => event.model === model && event.type === type);
const textOf = (all: Event[], model: string) =>
  byModel(all, model, "delta")
    .map((event) => event.text)
    .join("");

beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
  vi.unstubAllEnvs();
});

describe("POST /api/playground/runs", () => {
  it("answers under its earlier path, /api/compare, too", async () => {
    fake.setScenario("*", { ttftMs: 5, tokensPerSecond: 1_000, outputTokens: 5 });
    const response = await earlierPaths.run(
      new Request("http://test.local/api/compare", {
        method: "POST",
        body: JSON.stringify({ prompt: "Old path", models: [DEMO] }),
        headers: { "content-type": "application/json", "x-forwarded-for": "earlier-path" },
      }),
      {} as never,
    );
    const all = await events(response);
    expect(all[0]).toMatchObject({ type: "session" });
    expect(byModel(all, DEMO, "finish")).toHaveLength(1);
    const stopped = await earlierPaths.stop(
      new Request("http://test.local/api/compare/stop", {
        method: "POST",
        body: JSON.stringify({ runId: (all[0] as { runId: string }).runId }),
        headers: { "content-type": "application/json" },
      }),
      {} as never,
    );
    expect(await stopped.json()).toEqual({ stopped: 0 });
  });

  it("is served on the Node server itself under both paths once its module is loaded, and Stop reaches it", async () => {
    const { installServerHook } = await import("@/lib/server-hook");
    installServerHook();
    // A bare Node server in Next's place: whatever reaches its own handler is a 404.
    const server = createServer((_request, response) => {
      response.statusCode = 404;
      response.end("not served directly");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const start = (path: string, prompt: string) =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt, models: [OPENAI] }),
      });
    try {
      fake.setScenario("*", { ttftMs: 5, tokensPerSecond: 1_000, outputTokens: 20 });
      for (const path of ["/api/playground/runs", "/api/compare"]) {
        const response = await start(path, `Direct ${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get("x-frame-options")).toBe("DENY");
        const all = await events(response);
        expect(all[0]).toMatchObject({ type: "session" });
        expect(byModel(all, OPENAI, "finish")[0]).toMatchObject({
          status: "ok",
          costUsd: expect.any(String),
        });
        expect(all.at(-1)).toMatchObject({ type: "done" });
      }
      // A long answer, stopped through the Stop route while it streams.
      fake.setScenario("*", { ttftMs: 5, tokensPerSecond: 20, outputTokens: 400 });
      const long = await start("/api/playground/runs", "Direct and stopped");
      let runId = "";
      const all = await events(long, (event) => {
        if (event.type === "session") runId = String(event.runId);
        if (event.type === "delta" && runId) {
          void stop({ runId });
          runId = "";
        }
      });
      expect(byModel(all, OPENAI, "finish")[0]).toMatchObject({ status: "stopped" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("streams three models side by side with usage, cost and timing, and saves everything", async () => {
    fake.setScenario("*", { ttftMs: 40, tokensPerSecond: 400, outputTokens: 20 });
    const all = await events(
      await post({ prompt: "Compare streaming APIs", models: [OPENAI, ANTHROPIC, DEMO] }),
    );
    expect(all[0]).toMatchObject({ type: "session" });
    expect(all.at(-1)).toEqual({ type: "done" });
    for (const model of [OPENAI, ANTHROPIC, DEMO]) {
      expect(byModel(all, model, "start")).toHaveLength(1);
      expect(textOf(all, model).length).toBeGreaterThan(10);
      const [finish] = byModel(all, model, "finish");
      expect(finish).toMatchObject({ status: "ok", estimated: false });
      expect((finish?.ttftMs as number) >= 0).toBe(true);
      expect(finish?.durationMs as number).toBeGreaterThanOrEqual(finish?.ttftMs as number);
    }
    expect(textOf(all, OPENAI)).toContain("Answer to: Compare streaming APIs");

    // Cost is the catalog price times the provider-reported usage, exactly.
    const [finish] = byModel(all, OPENAI, "finish") as unknown as {
      usage: { inputTokens: number; outputTokens: number };
      costUsd: string;
    }[];
    const price = (await getCatalog()).prices.get(OPENAI);
    expect(price?.inputPerMTok).toBe("0.15");
    const expectedPico =
      BigInt(finish!.usage.inputTokens) * 150_000n + BigInt(finish!.usage.outputTokens) * 600_000n;
    expect(finish!.costUsd).toBe((Number(expectedPico) / 1e12).toString());
    expect(finish!.usage.outputTokens).toBe(20);

    const sessionId = String(all[0]?.sessionId);
    const db = await getDb();
    const events_ = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, sessionId));
    expect(events_).toHaveLength(3);
    expect(events_.find((event) => event.model === DEMO)?.simulated).toBe(true);
    expect(events_.find((event) => event.model === OPENAI)?.simulated).toBe(false);
  });

  it("keeps a failing model in its own pane while the others finish", async () => {
    fake.setScenario("*", { ttftMs: 20, tokensPerSecond: 500, outputTokens: 10 });
    fake.setScenario("claude-3-5-haiku-latest", { failStatus: 500, failTimes: 10 });
    const all = await events(await post({ prompt: "hello", models: [OPENAI, ANTHROPIC, GOOGLE] }));
    expect(byModel(all, ANTHROPIC, "error")[0]).toMatchObject({ code: "upstream_error" });
    expect(byModel(all, ANTHROPIC, "retry").length).toBeGreaterThan(0);
    expect(byModel(all, OPENAI, "finish")[0]).toMatchObject({ status: "ok" });
    expect(byModel(all, GOOGLE, "finish")[0]).toMatchObject({ status: "ok" });
  });

  it("retries a 429 before the first token, honouring Retry-After", async () => {
    fake.setScenario("gpt-4o-mini", {
      failStatus: 429,
      failTimes: 1,
      retryAfterSeconds: 1,
      outputTokens: 5,
      ttftMs: 10,
    });
    const started = Date.now();
    const all = await events(await post({ prompt: "retry me", models: [OPENAI] }));
    expect(byModel(all, OPENAI, "retry")[0]).toMatchObject({ attempt: 1 });
    expect((byModel(all, OPENAI, "retry")[0]?.waitMs as number) >= 1000).toBe(true);
    expect(byModel(all, OPENAI, "finish")[0]).toMatchObject({ status: "ok" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.requests().filter((request) => request.model === "gpt-4o-mini")).toHaveLength(2);
  });

  it("reports a missing key, a rejected key and an unknown upstream model each in its pane", async () => {
    fake.setScenario("gemini-2.0-flash", { failStatus: 404 });
    const all = await events(
      await post({
        prompt: "hi",
        models: ["mistral/mistral-small-latest", "groq/llama-3.3-70b-versatile", GOOGLE, DEMO],
      }),
    );
    expect(byModel(all, "mistral/mistral-small-latest", "error")[0]).toMatchObject({ code: "missing_key" });
    expect(String(byModel(all, "mistral/mistral-small-latest", "error")[0]?.message)).toContain(
      "MISTRAL_API_KEY",
    );
    expect(byModel(all, "groq/llama-3.3-70b-versatile", "error")[0]).toMatchObject({ code: "unauthorized" });
    expect(byModel(all, GOOGLE, "error")[0]).toMatchObject({ code: "model_not_found" });
    expect(byModel(all, DEMO, "finish")[0]).toMatchObject({ status: "ok" });
    expect(JSON.stringify(all)).not.toContain("bad-key");
  });

  it("keeps partial output of a malformed or cut stream and estimates its tokens", async () => {
    fake.setScenario("gpt-4o-mini", { malformedAfterTokens: 5, tokensPerSecond: 500, ttftMs: 5 });
    fake.setScenario("claude-3-5-haiku-latest", {
      disconnectAfterTokens: 6,
      tokensPerSecond: 500,
      ttftMs: 5,
    });
    const all = await events(await post({ prompt: "break", models: [OPENAI, ANTHROPIC] }));
    expect(byModel(all, OPENAI, "error")[0]).toMatchObject({ code: "malformed_stream", partial: true });
    expect(byModel(all, ANTHROPIC, "error")[0]).toMatchObject({ code: "connection_lost", partial: true });
    const runId = String(all[0]?.runId);
    const saved = await (await getDb()).select().from(runResults).where(eq(runResults.runId, runId));
    const cut = saved.find((row) => row.modelId === ANTHROPIC);
    expect(cut?.status).toBe("error");
    expect(cut?.output).toBe(textOf(all, ANTHROPIC));
    expect(cut?.output.length).toBeGreaterThan(0);
    expect(cut?.estimated).toBe(true);
    expect(cut?.outputTokens).toBeGreaterThan(0);
  });

  it("stops one pane on request and aborts its upstream call; the other pane finishes", async () => {
    fake.setScenario("*", { ttftMs: 20, tokensPerSecond: 20, outputTokens: 200 });
    fake.setScenario("claude-3-5-haiku-latest", { ttftMs: 20, tokensPerSecond: 200, outputTokens: 10 });
    let runId = "";
    const all = await events(
      await post({ prompt: "long answer please", models: [OPENAI, ANTHROPIC] }),
      (event) => {
        if (event.type === "session") runId = String(event.runId);
        if (event.type === "delta" && event.model === OPENAI && runId) {
          const body = JSON.stringify({ runId, model: OPENAI });
          runId = "";
          void stopRoute(
            new Request("http://test.local/api/playground/stop", {
              method: "POST",
              body,
              headers: { "content-type": "application/json" },
            }),
            {} as never,
          );
        }
      },
    );
    const [stopped] = byModel(all, OPENAI, "finish");
    expect(stopped).toMatchObject({ status: "stopped", estimated: true });
    expect((stopped as unknown as { usage: { outputTokens: number } }).usage.outputTokens).toBeLessThan(200);
    expect(byModel(all, ANTHROPIC, "finish")[0]).toMatchObject({ status: "ok" });
    await vi.waitFor(() =>
      expect(fake.requests().find((request) => request.model === "gpt-4o-mini")?.aborted).toBe(true),
    );
  });

  it("records no usage for a call stopped while it waited to retry a 429", async () => {
    fake.setScenario("gpt-4o-mini", { failStatus: 429, failTimes: 5, retryAfterSeconds: 5 });
    let runId = "";
    const all = await events(await post({ prompt: "wait for it", models: [OPENAI] }), (event) => {
      if (event.type === "session") runId = String(event.runId);
      if (event.type === "retry") void stop({ runId, model: OPENAI });
    });
    expect(byModel(all, OPENAI, "finish")[0]).toMatchObject({
      status: "stopped",
      costUsd: null,
      usage: { inputTokens: 0, outputTokens: 0 },
    });
    const db = await getDb();
    const [answer] = await db.select().from(runResults).where(eq(runResults.runId, runId));
    expect(answer).toMatchObject({ status: "stopped", costUsd: null });
    expect(await db.select().from(usageEvents).where(eq(usageEvents.runResultId, answer!.id))).toHaveLength(
      0,
    );
  });

  it("keeps the usage of every answer when the session is deleted while it streams, and says so", async () => {
    fake.setScenario("*", { ttftMs: 10, tokensPerSecond: 100, outputTokens: 40 });
    const db = await getDb();
    let sessionId = "";
    const all = await events(
      await post({ prompt: "delete me midway", models: [OPENAI, ANTHROPIC, GOOGLE] }),
      (event) => {
        if (event.type === "session") sessionId = String(event.sessionId);
        if (event.type === "delta" && sessionId) {
          const id = sessionId;
          sessionId = "";
          // Once the run row is written (after every pane's first token), delete it underneath.
          setTimeout(() => void db.delete(sessions).where(eq(sessions.id, id)).execute(), 100);
        }
      },
    );
    for (const model of [OPENAI, ANTHROPIC, GOOGLE]) {
      expect(byModel(all, model, "finish")[0]).toMatchObject({ status: "ok" });
      expect(byModel(all, model, "save-error")[0]).toMatchObject({ code: "save_failed" });
    }
    const runId = String(all[0]?.runId);
    expect(await db.select().from(runResults).where(eq(runResults.runId, runId))).toHaveLength(0);
    const finishes = all.filter((event) => event.type === "finish");
    const costs = finishes.map((event) => event.costUsd).sort();
    const kept = await db
      .select()
      .from(usageEvents)
      .where(inArray(usageEvents.costUsd, costs as string[]));
    for (const model of [OPENAI, ANTHROPIC, GOOGLE])
      expect(kept.some((event) => event.model === model && event.sessionId === null)).toBe(true);
  });

  it("saves one answer per model when one run is retried twice at once; the second writer loses", async () => {
    fake.setScenario("*", { ttftMs: 10, tokensPerSecond: 500, outputTokens: 5 });
    const first = await events(await post({ prompt: "race", models: [DEMO] }));
    const { sessionId, runId } = first[0] as { sessionId: string; runId: string };
    const retries = await Promise.all(
      [1, 2].map(async (n) =>
        events(await post({ prompt: "race", models: [DEMO], sessionId, runId }, { clientId: `race-${n}` })),
      ),
    );
    const lost = retries.flatMap((all) => byModel(all, DEMO, "save-error"));
    expect(lost).toHaveLength(1);
    expect(lost.every((event) => event.code === "answer_taken")).toBe(true);
    const saved = await (await getDb()).select().from(runResults).where(eq(runResults.runId, runId));
    expect(saved).toHaveLength(1);
  });

  it("aborts every upstream call when the client goes away", async () => {
    fake.setScenario("*", { ttftMs: 20, tokensPerSecond: 20, outputTokens: 200 });
    const controller = new AbortController();
    const response = await post({ prompt: "bye", models: [OPENAI, GOOGLE] }, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 150));
    controller.abort();
    await reader.cancel().catch(() => {});
    await vi.waitFor(() => {
      const calls = fake.requests();
      expect(calls.length).toBe(2);
      expect(calls.every((request) => request.aborted)).toBe(true);
    });
  });

  it("continues a session: each pane sends its own model's earlier answer", async () => {
    fake.setScenario("*", { ttftMs: 5, tokensPerSecond: 1000, outputTokens: 8 });
    const first = await events(await post({ prompt: "first question", models: [OPENAI, DEMO] }));
    const sessionId = String(first[0]?.sessionId);
    fake.reset();
    const second = await events(await post({ sessionId, prompt: "follow up", models: [OPENAI, DEMO] }));
    expect(second[0]).toMatchObject({ type: "session", sessionId });
    const call = fake.requests().find((request) => request.model === "gpt-4o-mini");
    if (!call) throw new Error("the fake upstream saw no OpenAI call");
    const { messages } = call.body as { messages: { role: string; content: unknown }[] };
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(JSON.stringify(messages[1]?.content)).toContain(textOf(first, OPENAI).slice(0, 20));
  });
});

describe("POST /api/playground/runs rejects bad input before calling anyone", () => {
  it.each([
    ["malformed JSON", { raw: '{"prompt":' }, 400, /not valid JSON/],
    ["wrong types", { body: { prompt: 5, models: "x" } }, 400, /prompt|models/],
    [
      "an unknown model",
      { body: { prompt: "hi", models: ["openai/no-such-model", DEMO] } },
      400,
      /openai\/no-such-model/,
    ],
    [
      "seven models",
      {
        body: {
          prompt: "hi",
          models: ["demo/a", "demo/b", "demo/c", "demo/d", "demo/e", "demo/f", "demo/g"],
        },
      },
      400,
      /at most 6/,
    ],
    [
      "a huge body",
      { raw: JSON.stringify({ prompt: "x".repeat(600_000), models: [DEMO] }) },
      413,
      /larger than/,
    ],
    ["a bad temperature", { body: { prompt: "hi", models: [DEMO], temperature: 9 } }, 400, /temperature/],
    ["a NUL in the prompt", { body: { prompt: "a\u0000b", models: [DEMO] } }, 400, /prompt contains a NUL/],
    [
      "a NUL in the system prompt",
      { body: { prompt: "hi", system: "x\u0000", models: [DEMO] } },
      400,
      /system contains a NUL/,
    ],
  ])("%s", async (_label, input, status, message) => {
    const response = await post((input as { body?: unknown }).body, { raw: (input as { raw?: string }).raw });
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.message).toMatch(message);
    expect(fake.requests()).toHaveLength(0);
  });

  it("limits concurrent runs per client with a 429 and Retry-After", async () => {
    fake.setScenario("*", { ttftMs: 300, outputTokens: 3 });
    const first = await post({ prompt: "one", models: [OPENAI] }, { clientId: "busy" });
    const second = await post({ prompt: "two", models: [OPENAI] }, { clientId: "busy" });
    const third = await post({ prompt: "three", models: [OPENAI] }, { clientId: "busy" });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("2");
    await events(first);
    await events(second);
    const fourth = await post({ prompt: "four", models: [OPENAI] }, { clientId: "busy" });
    expect(fourth.status).toBe(200);
    await events(fourth);
  });
});
