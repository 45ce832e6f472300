import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { getPriority, setPriority } from "node:os";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readEvents } from "@/lib/sse";
import { ensureBuild } from "../support/ensure-build.mjs";
import { startFakeUpstream } from "../support/fake-upstream";

/*
 * Two real `next start` instances on one Postgres database, as behind a load balancer: the run
 * limit and Stop must reach across them. CI passes a fresh database in DATABASE_URL; without one
 * the test makes a throwaway database on the local server and drops it afterwards.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210) + 2;
const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432";
const OPENAI = "openai/gpt-4o-mini";
const RUN_LIMIT = 5;

const fake = await startFakeUpstream();
const instances: ChildProcess[] = [];
let databaseUrl = process.env.DATABASE_URL ?? "";
let dropDatabase: (() => Promise<void>) | null = null;

async function createThrowawayDatabase(): Promise<string> {
  const name = `compare_instances_${randomBytes(4).toString("hex")}`;
  const admin = postgres(`${LOCAL_SERVER}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return `${LOCAL_SERVER}/${name}`;
}

async function startInstance(port: number): Promise<string> {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      OPENAI_API_KEY: "test-openai",
      OPENAI_BASE_URL: `${fake.url}/v1`,
      MAX_CONCURRENT_RUNS_PER_CLIENT: String(RUN_LIMIT),
    },
    stdio: "ignore",
    detached: true,
  });
  instances.push(child);
  const url = `http://127.0.0.1:${port}`;
  await vi.waitFor(
    async () => {
      const response = await fetch(`${url}/api/health`);
      expect(response.ok).toBe(true);
    },
    { timeout: 90_000, interval: 250 },
  );
  return url;
}

function compare(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/playground/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function stop(url: string, body: { runId: string; model?: string }): Promise<unknown> {
  const response = await fetch(`${url}/api/playground/stop`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Reads server-sent events to the end of the stream, handing each to `onEvent` as it arrives. */
async function readAll(
  response: Response,
  onEvent: (event: Record<string, unknown>) => void,
): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  await readEvents<Record<string, unknown>>(response.body as ReadableStream<Uint8Array>, (event) => {
    seen.push(event);
    onEvent(event);
  });
  return seen;
}

let first = "";
let second = "";

beforeAll(async () => {
  ensureBuild();
  if (!databaseUrl) databaseUrl = await createThrowawayDatabase();
  // One after the other: both would run the migrations, and the first one to start creates the tables.
  first = await startInstance(BASE_PORT);
  second = await startInstance(BASE_PORT + 1);
}, 600_000);

afterAll(async () => {
  for (const child of instances) if (child.pid) process.kill(-child.pid, "SIGTERM");
  await fake.close();
  await dropDatabase?.();
});

describe("two app instances on one database", () => {
  it("streams the production server's panes on its streaming thread", async () => {
    const streaming = async () =>
      ((await (await fetch(`${first}/api/health`)).json()) as { streaming: Record<string, unknown> })
        .streaming;
    const before = await streaming();
    expect(before.mode).toBe("streaming-thread");
    fake.reset();
    fake.setScenario("gpt-4o-mini", { ttftMs: 10, tokensPerSecond: 500, outputTokens: 5 });
    const events = await readAll(
      await compare(first, { prompt: "on the thread", models: [OPENAI] }),
      () => {},
    );
    expect(events.find((event) => event.type === "finish")).toMatchObject({ model: OPENAI, status: "ok" });
    const after = await streaming();
    // One thread per process, started with the server: the route's bundle uses it rather than its own.
    expect(after).toMatchObject({ mode: "streaming-thread", running: true, threadsStarted: 1 });
    expect(after.panesStreamed).toBe(Number(before.panesStreamed) + 1);
    // The streaming thread runs ahead of the HTTP thread where the OS allows it: raised exactly when
    // this process may raise a priority too (the server inherits its nice value and its capabilities).
    const nice = getPriority();
    let mayRaise = false;
    try {
      setPriority(nice - 1);
      mayRaise = true;
      setPriority(nice);
    } catch {
      // Not permitted here either.
    }
    const priority = after.priority as { nice: number; raised: boolean };
    expect(priority).toEqual({ raised: mayRaise, nice: mayRaise ? nice - 5 : nice });
  });

  it("stops a run started on one instance through the other, aborting its upstream request", async () => {
    fake.reset();
    fake.setScenario("gpt-4o-mini", { ttftMs: 20, tokensPerSecond: 20, outputTokens: 400 });
    const response = await compare(first, { prompt: "a long answer", models: [OPENAI] });
    expect(response.status).toBe(200);
    let runId = "";
    let stopReply: Promise<unknown> | null = null;
    // The stream is read to its end: closing it early would abort the upstream call by itself.
    const all = await readAll(response, (event) => {
      if (event.type === "session") runId = String(event.runId);
      if (event.type === "delta" && !stopReply) stopReply = stop(second, { runId, model: OPENAI });
    });
    expect(await stopReply).toEqual({ stopped: 1 });
    expect(all.find((event) => event.type === "finish")).toMatchObject({ model: OPENAI, status: "stopped" });
    await vi.waitFor(() => expect(fake.requests()[0]?.aborted).toBe(true), { timeout: 10_000 });
  });

  it("keeps one answer when five requests retry the same pane of a run at once", async () => {
    fake.reset();
    fake.setScenario("gpt-4o-mini", { ttftMs: 10, tokensPerSecond: 500, outputTokens: 5 });
    const firstRun = await readAll(await compare(first, { prompt: "race", models: [OPENAI] }), () => {});
    const { sessionId, runId } = firstRun[0] as { sessionId: string; runId: string };
    // Slow enough that all five have started (and read the answer they replace) before any saves.
    fake.setScenario("gpt-4o-mini", { ttftMs: 500, tokensPerSecond: 500, outputTokens: 5 });
    const responses = await Promise.all(
      [first, second, first, second, first].map((url) =>
        compare(url, { prompt: "race", models: [OPENAI], sessionId, runId }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const retries = await Promise.all(responses.map((response) => readAll(response, () => {})));
    const lost = retries.flat().filter((event) => event.type === "save-error");
    expect(lost).toHaveLength(4);
    expect(lost.every((event) => event.code === "answer_taken")).toBe(true);
    const detail = (await (await fetch(`${first}/api/sessions/${sessionId}`)).json()) as {
      runs: { id: string; results: { modelId: string }[] }[];
    };
    expect(detail.runs.find((run) => run.id === runId)?.results).toHaveLength(1);
  });

  it("says a stop did not take when no instance runs that run", async () => {
    expect(await stop(second, { runId: randomUUID() })).toEqual({ stopped: 0 });
  });

  it("counts a client's runs on every instance against one limit", async () => {
    fake.reset();
    fake.setScenario("gpt-4o-mini", { ttftMs: 20, tokensPerSecond: 20, outputTokens: 400 });
    const held: Response[] = [];
    for (let n = 0; n < RUN_LIMIT; n++)
      held.push(await compare(first, { prompt: `run ${n}`, models: [OPENAI] }));
    expect(held.every((response) => response.status === 200)).toBe(true);
    const over = await compare(second, { prompt: "one too many", models: [OPENAI] });
    expect(over.status).toBe(429);
    for (const response of held) await response.body?.cancel();
    // Closing a stream frees its slot; the other instance then takes a run again.
    await vi.waitFor(
      async () => {
        const next = await compare(second, { prompt: "four", models: [OPENAI] });
        await next.body?.cancel();
        expect(next.status).toBe(200);
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});
