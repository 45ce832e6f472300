/**
 * bench/ttft: whether the time to first token the product records stays true under load, and what a
 * stream costs the server beside what it costs the upstream to produce. The fake upstream (its own
 * process) records, for every request, when its first token left, measured from the request's
 * arrival: the true value. The same streams go through the playground (POST /api/playground/runs, the TTFT
 * of each pane's finish event, which is what is saved; one model a run, then runs of three) and through an eval run (each result's TTFT),
 * each after a warm-up of its own, BENCH_IN_FLIGHT (50) at once, each a 500-token answer (TTFT 200 ms, then 2,000 tokens/s).
 * Then BENCH_PACED_STREAMS (100; 0 leaves them out) more single-model playground streams, as many in
 * runs of three, and after the evals an eval run of as many cases, at BENCH_PACED_TOKENS_PER_SECOND
 * (100), a model's usual pace, where a stream's cost is mostly per token and, in the playground, per
 * update to the reader (warm already from the phases before them).
 * Prints recorded − true at p50 / p99 / max, and the server's and the upstream's CPU per stream.
 * Run: npm run bench:ttft (BENCH_DIST: serve an earlier build folder as it is; BENCH_STREAMS 200, BENCH_PACED_STREAMS 100, BENCH_PACED_TOKENS_PER_SECOND 100, BENCH_IN_FLIGHT 50, BENCH_APP_PORT 3420, BENCH_FAKE_PORT 4420;
 * set DATABASE_URL to measure with a Postgres server, whose own CPU is then printed too).
 */
import os from "node:os";
import type { PlaygroundEvent } from "@/lib/playground/schema";
import { readEvents } from "@/lib/sse";
import {
  listenerTreeCpuMs,
  median,
  percentile,
  pidOnPort,
  processTreeCpuMs,
  startFakeUpstream,
  startServer,
  threadCpuMs,
} from "./lib";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3420);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4420);
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const MODEL = "openai/gpt-4o-mini";
/** The playground's usual run: one prompt to three models (its default picks three). */
const RUN_MODELS = ["openai/gpt-4o-mini", "openai/gpt-4.1-mini", "openai/gpt-4.1-nano"];
const SCENARIO = { ttftMs: 200, tokensPerSecond: 2_000, outputTokens: 500 };
/** The paced phase: the same answers at a model's usual speed. */
const PACED_STREAMS = Number(process.env.BENCH_PACED_STREAMS ?? 100);
const PACED_TOKENS_PER_SECOND = Number(process.env.BENCH_PACED_TOKENS_PER_SECOND ?? 100);

async function json<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs `count` tasks with `inFlight` at a time; each slot starts its next task as its last ends. */
async function pool<T>(count: number, inFlight: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** The upstream's own first-token time of each request, by the tag in its prompt and the model asked. */
async function trueTtfts(tagPattern: RegExp): Promise<Map<string, number>> {
  const { requests } = await json<{ requests: { body: unknown; firstTokenAfterMs?: number }[] }>(
    `${FAKE}/__fake/requests`,
  );
  const byTag = new Map<string, number>();
  for (const request of requests) {
    const tag = tagPattern.exec(JSON.stringify(request.body))?.[0];
    const model = (request.body as { model?: string }).model;
    if (tag && request.firstTokenAfterMs !== undefined)
      byTag.set(`${tag} openai/${model}`, request.firstTokenAfterMs);
  }
  return byTag;
}

/** Recorded − true of a phase's streams; `asked` is how many it started, to say how many did not finish. */
function report(
  label: string,
  recorded: Map<string, number | null>,
  truth: Map<string, number>,
  asked: number,
) {
  if (recorded.size < asked) console.log(`${label}: ${asked - recorded.size} streams did not finish`);
  const errors: number[] = [];
  for (const [tag, value] of recorded) {
    const real = truth.get(tag);
    if (value !== null && real !== undefined) errors.push(value - real);
  }
  errors.sort((a, b) => a - b);
  const p50 = percentile(errors, 50);
  const p99 = percentile(errors, 99);
  console.log(
    `${label.padEnd(12)} recorded − true TTFT over ${errors.length} streams: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(errors.at(-1) ?? Number.NaN).toFixed(1)} ms, min ${(errors[0] ?? Number.NaN).toFixed(1)} ms (targets ≤ 10 / ≤ 25 ms: ${Math.abs(p50) <= 10 ? "met" : "MISSED"} / ${Math.abs(p99) <= 25 ? "met" : "MISSED"})`,
  );
  return { p50, p99, count: errors.length };
}

const fake = await startFakeUpstream(FAKE_PORT);
const server = await startServer(
  APP_PORT,
  {
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: `${FAKE}/v1`,
    MAX_CONCURRENT_RUNS_PER_CLIENT: String(IN_FLIGHT * 2),
    EVAL_CONCURRENCY_PER_PROVIDER: String(IN_FLIGHT),
  },
  process.env.BENCH_DIST ? { distDir: process.env.BENCH_DIST, prebuilt: true } : {},
);
const appPid = pidOnPort(APP_PORT);
if (!appPid || !fake.pid) throw new Error("no server or upstream process to measure");
/** A Postgres server's own CPU (its backends run the statements), when the bench uses one. */
const databaseUrl = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
const databasePort =
  databaseUrl && ["127.0.0.1", "localhost", "[::1]"].includes(databaseUrl.hostname)
    ? Number(databaseUrl.port || 5432)
    : null;
if (databaseUrl && databasePort === null)
  console.log(
    `The Postgres server at ${databaseUrl.hostname} is not on this machine: its CPU is not measured.`,
  );
const cpu = () => ({
  app: processTreeCpuMs(appPid),
  database: databasePort === null ? 0 : listenerTreeCpuMs(databasePort),
  fake: processTreeCpuMs(fake.pid as number),
  threads: threadCpuMs(appPid),
});
type Cpu = ReturnType<typeof cpu>;
interface PhaseOptions {
  runs: number;
  inFlight: number;
  models?: string[];
  tokensPerSecond?: number;
}
const rows: string[] = [];
try {
  await json(`${FAKE}/__fake/scenario`, { model: "*", ...SCENARIO });
  /** One playground run; the recorded TTFT of each of its panes, by model. */
  const compare = async (prompt: string, models = [MODEL]): Promise<Map<string, number | null>> => {
    const response = await fetch(`${server.baseUrl}/api/playground/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt, models }),
    });
    if (!response.ok || !response.body) throw new Error(`compare answered ${response.status}`);
    const ttfts = new Map<string, number | null>();
    await readEvents<PlaygroundEvent>(response.body, (event) => {
      if (event.type === "finish") ttfts.set(event.model, event.ttftMs);
    });
    return ttfts;
  };
  // Warm the route, the streaming thread, the provider client and the connections.
  await pool(40, 20, (index) => compare(`warm ${index}`));

  /**
   * One playground phase: `runs` runs of `models`, `inFlight` at a time, each answer at
   * `tokensPerSecond`; the recorded TTFT of every stream (by a tag in its prompt) and the CPU around it.
   */
  const playgroundPhase = async (
    label: string,
    key: string,
    { runs, inFlight, models = [MODEL], tokensPerSecond = SCENARIO.tokensPerSecond }: PhaseOptions,
  ) => {
    await json(`${FAKE}/__fake/reset`, {});
    await json(`${FAKE}/__fake/scenario`, { model: "*", ...SCENARIO, tokensPerSecond });
    const before = cpu();
    const recorded = new Map<string, number | null>();
    await pool(runs, inFlight, async (index) => {
      const tag = `${key}-${index}-${key}`;
      for (const [model, ttft] of await compare(`Stream ${tag}: say something.`, models))
        recorded.set(`${tag} ${model}`, ttft);
    });
    const after = cpu();
    // Every stream costs CPU, finished or not: the divisor is the streams asked for.
    const streams = runs * models.length;
    const ttft = report(label, recorded, await trueTtfts(new RegExp(`${key}-\\d+-${key}`)), streams);
    return { ...ttft, before, after, streams };
  };

  /** `streams` answers as runs of three models, as many streams in flight as one model a run has. */
  const inThrees = (streams: number): PhaseOptions => ({
    runs: Math.ceil(streams / RUN_MODELS.length),
    inFlight: Math.ceil(IN_FLIGHT / RUN_MODELS.length),
    models: RUN_MODELS,
  });
  // 1. Playground.
  const playground = await playgroundPhase("playground", "pg", { runs: STREAMS, inFlight: IN_FLIGHT });
  // 1b. The same number of streams as runs of three models each.
  const threes = await playgroundPhase("playground×3", "p3", inThrees(STREAMS));
  // 1c and 1d. The same two at a model's usual pace: the answers take 5 s, and what a stream costs is
  // then mostly per token and per update sent to the reader rather than per request.
  const pacedOptions = { tokensPerSecond: PACED_TOKENS_PER_SECOND };
  const paced =
    PACED_STREAMS > 0
      ? await playgroundPhase("paced", "pp", { runs: PACED_STREAMS, inFlight: IN_FLIGHT, ...pacedOptions })
      : null;
  const pacedThrees =
    PACED_STREAMS > 0
      ? await playgroundPhase("paced×3", "q3", { ...inThrees(PACED_STREAMS), ...pacedOptions })
      : null;

  // 2. Evals: one run of `cases` cases on the same model, IN_FLIGHT calls at once.
  type View = {
    run: { status: string };
    cases: { prompt: string; results: Record<string, { ttftMs: number | null }> }[];
    nextCursor: number | null;
  };
  const evalRun = async (name: string, cases: { prompt: string }[]) => {
    const set = await json<{ id: string }>(`${server.baseUrl}/api/evals`, { name, cases });
    const before = cpu();
    const { runId } = await json<{ runId: string }>(`${server.baseUrl}/api/evals/${set.id}/runs`, {
      models: [MODEL],
      maxOutputTokens: 600,
    });
    for (;;) {
      const view = await json<View>(`${server.baseUrl}/api/evals/runs/${runId}?limit=1`);
      if (view.run.status !== "queued" && view.run.status !== "running") break;
      // As often as the run's page polls an open run (POLL_MS in components/evals/run-view.tsx): a
      // poll reads the run's figures, and polling faster would charge the evals for the bench's reads.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    return { runId, before, after: cpu() };
  };
  /** One eval run as a phase: its results' recorded TTFT (by a tag in each case) and the CPU around it. */
  const evalPhase = async (label: string, key: string, cases: number, tokensPerSecond: number) => {
    await json(`${FAKE}/__fake/reset`, {});
    await json(`${FAKE}/__fake/scenario`, { model: "*", ...SCENARIO, tokensPerSecond });
    const { runId, before, after } = await evalRun(
      `bench ttft ${label}`,
      Array.from({ length: cases }, (_, index) => ({
        prompt: `Case ${key}-${index}-${key}: say something.`,
      })),
    );
    const recorded = new Map<string, number | null>();
    const tagPattern = new RegExp(`${key}-\\d+-${key}`);
    let cursor: number | null = null;
    do {
      const view: View = await json<View>(
        `${server.baseUrl}/api/evals/runs/${runId}?limit=500${cursor === null ? "" : `&cursor=${cursor}`}`,
      );
      for (const item of view.cases) {
        const tag = tagPattern.exec(item.prompt)?.[0];
        if (tag) recorded.set(`${tag} ${MODEL}`, item.results[MODEL]?.ttftMs ?? null);
      }
      cursor = view.nextCursor;
    } while (cursor !== null);
    const truth = await trueTtfts(tagPattern);
    return { ...report(label, recorded, truth, cases), before, after, streams: cases, truth };
  };
  // Warm the eval routes, the estimate's tokenizer and the worker, as the playground was warmed above:
  // loading them once is not a cost of each call. At the phases' own pace, not the paced phase's.
  await json(`${FAKE}/__fake/scenario`, { model: "*", ...SCENARIO });
  await evalRun(
    "bench ttft warm-up",
    Array.from({ length: 40 }, (_, index) => ({ prompt: `Warm-up ${index}: say something.` })),
  );
  const evals = await evalPhase("evals", "ev", STREAMS, SCENARIO.tokensPerSecond);
  // 2b. Evals at a model's usual pace, as the playground's paced phase.
  const pacedEvals =
    PACED_STREAMS > 0 ? await evalPhase("paced evals", "pe", PACED_STREAMS, PACED_TOKENS_PER_SECOND) : null;

  type Phase = { p50: number; p99: number; count: number; before: Cpu; after: Cpu; streams: number };
  const perStream = ({ before, after, streams }: Phase) => {
    const app = (after.app - before.app) / streams;
    const upstream = (after.fake - before.fake) / streams;
    const threads = Object.entries(after.threads)
      .map(([kind, ms]) => `${kind} ${((ms - (before.threads[kind] ?? 0)) / streams).toFixed(1)}`)
      .join(", ");
    const database = (after.database - before.database) / streams;
    const withDatabase =
      databasePort === null
        ? ""
        : `; the Postgres server ${database.toFixed(1)} ms, with it ${((app + database) / upstream).toFixed(2)}×`;
    return `server ${app.toFixed(1)} ms (${threads}), upstream ${upstream.toFixed(1)} ms, ratio ${(app / upstream).toFixed(2)}${withDatabase} (target ≤ 2: ${app / upstream <= 2 ? "met" : "MISSED"})`;
  };
  /** One phase's line: recorded − true and the CPU per stream. */
  const row = (label: string, phase: Phase, note = "") =>
    `${label.padEnd(12)} p50 ${phase.p50.toFixed(1)} ms, p99 ${phase.p99.toFixed(1)} ms over ${phase.count}${note}; CPU per stream: ${perStream(phase)}`;
  rows.push(
    `bench/ttft: ${STREAMS} streams of ${SCENARIO.outputTokens} tokens, ${IN_FLIGHT} in flight; TTFT ${SCENARIO.ttftMs} ms at the upstream; database ${process.env.DATABASE_URL ? "Postgres server" : "embedded PGlite"}; ${os.availableParallelism()} cores, load average ${os.loadavg()[0]?.toFixed(2)}`,
    row("playground", playground),
    ...(paced ? [row("paced", paced, ` (one model a run at ${PACED_TOKENS_PER_SECOND} tokens/s)`)] : []),
    row("playground×3", threes, ` (runs of ${RUN_MODELS.length} models)`),
    ...(pacedThrees
      ? [
          row(
            "paced×3",
            pacedThrees,
            ` (runs of ${RUN_MODELS.length} models at ${PACED_TOKENS_PER_SECOND} tokens/s)`,
          ),
        ]
      : []),
    row("evals", evals),
    ...(pacedEvals ? [row("paced evals", pacedEvals, ` (at ${PACED_TOKENS_PER_SECOND} tokens/s)`)] : []),
    `median true TTFT at the upstream: ${median([...evals.truth.values()]).toFixed(1)} ms`,
  );
} finally {
  server.stop();
  fake.stop();
}
for (const row of rows) console.log(row);
