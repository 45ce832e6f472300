/**
 * bench/tokens-load: what large token counts do to every other request, on a production server.
 * Mode "tokens" (default) fires 4 POST /api/tokens of 2,000,000 characters at once (unbroken runs of
 * one letter, then mixed text from tests/support/corpus), both encodings each; mode "playground" has 4
 * senders each make BENCH_PLAYGROUND_RUNS (4) POST /api/playground/runs in turn, each with its own
 * 100,000-character prompt to two models whose streams break, so the server estimates their usage
 * by counting the prompt itself. Meanwhile /api/health is polled every ~10 ms.
 * Prints each request's time and status, and the health check's p50/p99/max while they were in flight,
 * and the CPU the server's HTTP thread spent on the same requests sent again without the polling.
 * Rounds repeat (BENCH_ROUNDS). With BENCH_BASELINE_DIST (a build folder of an earlier commit, made
 * with NEXT_DIST_DIR=<folder> next build) that build is served too, on BENCH_PORT + 1, and the two
 * take rounds in turn, so both meet the same machine load. BENCH_BASELINE_ENV (a JSON object) adds
 * settings to the baseline server only, e.g. to compare one setting on one build.
 * Run: npm run bench:tokens:load (BENCH_MODE, BENCH_PORT default 3322, BENCH_FAKE_PORT default 4392;
 * TOKEN_COUNT_BUDGET_MS and TOKEN_COUNT_THREADS pass through to the servers)
 */
import { Worker } from "node:worker_threads";
import { mixedCorpus } from "../tests/support/corpus";
import {
  mainThreadCpuMs,
  median,
  percentile,
  pidOnPort,
  type RunningServer,
  startFakeUpstream,
  startServer,
} from "./lib";

const MODE = process.env.BENCH_MODE === "playground" ? "playground" : "tokens";
const PORT = Number(process.env.BENCH_PORT ?? 3322);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4392);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE_DIST = process.env.BENCH_BASELINE_DIST;
const CONCURRENT = 4;
const CHARS = 2_000_000;
const PROMPT_CHARS = 100_000;
/** Playground runs each of the 4 senders makes one after another: one run is short, so this gives the polling time. */
const PLAYGROUND_RUNS_EACH = Number(process.env.BENCH_PLAYGROUND_RUNS ?? 4);
const HEALTH_EVERY_MS = 10;
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const IDLE_RESULT = { ms: 2_000, status: 0, note: "nothing sent" };
const COMPARE_MODELS = ["openai/gpt-4o-mini", "anthropic/claude-3-5-haiku-latest"];

interface RequestResult {
  ms: number;
  status: number;
  note: string;
}

/**
 * A count's body, as bytes made before the round starts: turning 2,000,000 characters into JSON and
 * UTF-8 takes the bench's own thread several ms, which would otherwise delay its health polls and show
 * up as the server's latency.
 */
function countBody(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ text }));
}

async function postCount(baseUrl: string, request: string | Uint8Array<ArrayBuffer>): Promise<RequestResult> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof request === "string" ? countBody(request) : request,
  });
  const body = (await response.json()) as { counts?: Record<string, number>; error?: { message: string } };
  const ms = performance.now() - started;
  const note = body.counts ? JSON.stringify(body.counts) : (body.error?.message ?? "");
  return { ms, status: response.status, note };
}

/** One playground run to the end of its stream; the note says whether its usage was estimated. */
async function postPlaygroundRun(baseUrl: string, prompt: string): Promise<RequestResult> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/playground/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, models: COMPARE_MODELS }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  // A broken stream's pane ends in an error event; its usage is the server's own count.
  const broken = (text.match(/"type":"error"/g) ?? []).length;
  const note = response.ok
    ? `${broken} of ${COMPARE_MODELS.length} streams broke, so the server counted their prompt and answer`
    : text.slice(0, 200);
  return { ms, status: response.status, note };
}

/**
 * The health poller runs on a thread of its own, started once and warmed up: sending the 10 MB of
 * request bodies keeps this thread busy at the start of a round, and a poll that waited behind that
 * work would show the bench's own delay as the server's.
 */
const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
let polling = false;
let samples = [];
async function poll() {
  const t0 = performance.now();
  while (polling) {
    const started = performance.now();
    await (await fetch(workerData.url)).arrayBuffer();
    samples.push({ at: started - t0, ms: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
  }
  parentPort.postMessage(samples);
}
parentPort.on("message", async (message) => {
  if (message === "warm") {
    for (let i = 0; i < 20; i++) await (await fetch(workerData.url)).arrayBuffer();
    parentPort.postMessage("warm");
  } else if (message === "start") {
    polling = true;
    samples = [];
    void poll();
  } else polling = false;
});
`;

const pollers = new Map<string, Worker>();

/** The poller of one server, started and warmed up on first use. */
async function pollerFor(baseUrl: string): Promise<Worker> {
  const known = pollers.get(baseUrl);
  if (known) return known;
  const poller = new Worker(POLLER, {
    eval: true,
    workerData: { url: `${baseUrl}/api/health`, everyMs: HEALTH_EVERY_MS },
  });
  await new Promise((resolve, reject) => {
    poller.once("message", resolve);
    poller.once("error", reject);
    poller.postMessage("warm");
  });
  pollers.set(baseUrl, poller);
  return poller;
}

/** Polls /api/health until `done` settles; returns each round trip in ms. */
async function pollHealth(baseUrl: string, done: Promise<unknown>): Promise<number[]> {
  const poller = await pollerFor(baseUrl);
  const samples = new Promise<{ at: number; ms: number }[]>((resolve) => poller.once("message", resolve));
  poller.postMessage("start");
  await done.catch(() => undefined);
  poller.postMessage("stop");
  const polled = await samples;
  if (process.env.BENCH_DEBUG)
    for (const { at, ms } of polled)
      if (ms > 30) console.log(`  slow health at ${at.toFixed(0)} ms: ${ms.toFixed(0)} ms`);
  return polled.map((sample) => sample.ms);
}

interface RoundFigures {
  /**
   * CPU the server's HTTP thread spent on the same requests sent again without the health polling:
   * what they cost that thread, however loaded the machine is.
   */
  httpThreadCpuMs: number;
  requestMedianMs: number;
  requestMaxMs: number;
  refused: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
}

interface Target {
  label: string;
  server: RunningServer;
  pid: number;
}

/** `requests(pass)` sends other texts on pass 1 than on pass 0: a count's own cache would flatter a repeat. */
async function round(
  label: string,
  requests: (pass: 0 | 1) => Promise<RequestResult>[],
  { server, pid }: Target,
) {
  const all = Promise.all(requests(0));
  const [results, health] = await Promise.all([all, pollHealth(server.baseUrl, all)]);
  const cpuBefore = mainThreadCpuMs(pid);
  await Promise.all(requests(1));
  const sorted = [...health].sort((a, b) => a - b);
  const figures: RoundFigures = {
    httpThreadCpuMs: mainThreadCpuMs(pid) - cpuBefore,
    requestMedianMs: median(results.map((result) => result.ms)),
    requestMaxMs: Math.max(...results.map((result) => result.ms)),
    refused: results.filter((result) => result.status === 422).length,
    healthP50Ms: percentile(sorted, 50),
    healthP99Ms: percentile(sorted, 99),
    healthMaxMs: sorted.at(-1) ?? Number.NaN,
  };
  console.log(`\n${label}`);
  for (const result of results)
    console.log(`  ${result.ms.toFixed(0).padStart(6)} ms  ${result.status}  ${result.note.slice(0, 110)}`);
  console.log(
    `  health n=${health.length}  p50=${figures.healthP50Ms.toFixed(1)} ms  p99=${figures.healthP99Ms.toFixed(1)} ms  max=${figures.healthMaxMs.toFixed(1)} ms  HTTP thread CPU ${figures.httpThreadCpuMs} ms`,
  );
  return figures;
}

function summary(label: string, rounds: RoundFigures[]) {
  const of = (key: keyof RoundFigures) => median(rounds.map((figures) => figures[key])).toFixed(1);
  const refused = rounds.reduce((sum, figures) => sum + figures.refused, 0);
  console.log(
    `${label.padEnd(30)} medians over ${rounds.length} rounds: request median ${of("requestMedianMs")} ms, slowest ${of("requestMaxMs")} ms (${refused} refused in all); health p50 ${of("healthP50Ms")} ms, p99 ${of("healthP99Ms")} ms, max ${of("healthMaxMs")} ms; HTTP thread CPU ${of("httpThreadCpuMs")} ms`,
  );
}

async function startFake() {
  const fake = await startFakeUpstream(FAKE_PORT);
  // Every stream breaks after two tokens, so no usage is reported and the server counts the prompt.
  await fetch(`${FAKE}/__fake/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "*", ttftMs: 5, tokensPerSecond: 500, disconnectAfterTokens: 2 }),
  });
  return fake;
}

const serverEnv = {
  OPENAI_API_KEY: "bench-openai",
  OPENAI_BASE_URL: `${FAKE}/v1`,
  ANTHROPIC_API_KEY: "bench-anthropic",
  ANTHROPIC_BASE_URL: `${FAKE}/v1`,
  MAX_CONCURRENT_RUNS_PER_CLIENT: "100",
};

const fake = MODE === "playground" ? await startFake() : null;
const servers: Target[] = [];
const target = (label: string, port: number, server: RunningServer): Target => {
  const pid = pidOnPort(port);
  if (pid === null) throw new Error(`no process listens on port ${port}`);
  return { label, server, pid };
};
try {
  servers.push(target("this tree", PORT, await startServer(PORT, serverEnv)));
  if (BASELINE_DIST)
    servers.push(
      target(
        `baseline (${BASELINE_DIST})`,
        PORT + 1,
        await startServer(
          PORT + 1,
          { ...serverEnv, ...(JSON.parse(process.env.BENCH_BASELINE_ENV ?? "{}") as Record<string, string>) },
          { distDir: BASELINE_DIST, prebuilt: true },
        ),
      ),
    );

  // A different letter per request: gpt-tokenizer caches the tokens of each piece it has merged, so the
  // same run sent twice to one thread would be counted once.
  const runs: [Uint8Array<ArrayBuffer>[], Uint8Array<ArrayBuffer>[]] = [
    ["x", "q", "k", "z"].map((letter) => countBody(letter.repeat(CHARS))),
    ["m", "n", "p", "r"].map((letter) => countBody(letter.repeat(CHARS))),
  ];
  const texts = (chars: number, pass: number, count = CONCURRENT) =>
    Array.from({ length: count }, (_, index) =>
      mixedCorpus(chars, (pass * count + index) * 100_000).slice(0, chars),
    );
  const mixed: [Uint8Array<ArrayBuffer>[], Uint8Array<ArrayBuffer>[]] = [
    texts(CHARS, 0).map(countBody),
    texts(CHARS, 1).map(countBody),
  ];
  const promptCount = CONCURRENT * PLAYGROUND_RUNS_EACH;
  const prompts: [string[], string[]] = [
    texts(PROMPT_CHARS, 0, promptCount),
    texts(PROMPT_CHARS, 1, promptCount),
  ];
  /** Each sender runs its share of the prompts one after another; the answer is its last run's. */
  const playgroundSenders = (url: string, pass: 0 | 1) =>
    Array.from({ length: CONCURRENT }, async (_, sender) => {
      let last: RequestResult = { ms: 0, status: 0, note: "" };
      for (let run = 0; run < PLAYGROUND_RUNS_EACH; run++)
        last = await postPlaygroundRun(url, prompts[pass][sender * PLAYGROUND_RUNS_EACH + run] ?? "");
      return last;
    });
  // The same polling with nothing else sent: what the machine's own load does to the health check.
  const idle = {
    label: "idle (control)",
    send: () => [new Promise<RequestResult>((resolve) => setTimeout(() => resolve(IDLE_RESULT), 2_000))],
  };
  const kinds =
    MODE === "playground"
      ? [
          idle,
          {
            label: "playground, 100k prompt",
            send: playgroundSenders,
          },
        ]
      : [
          idle,
          {
            label: "unbroken run",
            send: (url: string, pass: 0 | 1) => runs[pass].map((text) => postCount(url, text)),
          },
          {
            label: "mixed text",
            send: (url: string, pass: 0 | 1) => mixed[pass].map((text) => postCount(url, text)),
          },
        ];

  for (const { label, server } of servers) {
    await pollerFor(server.baseUrl);
    // One request first, so the server's threads have started and loaded their tables.
    await postCount(server.baseUrl, "warm ".repeat(10_000));
    if (MODE === "playground") await postPlaygroundRun(server.baseUrl, "warm");
    else
      for (const [what, text] of [
        ["unbroken run", "w".repeat(CHARS)],
        ["mixed text", mixedCorpus(CHARS, 999_000).slice(0, CHARS)],
      ] as const) {
        // One count alone: what a count costs when it has the threads to itself.
        const alone = await postCount(server.baseUrl, text);
        console.log(
          `${label}, alone, ${what}: ${alone.ms.toFixed(0)} ms  ${alone.status}  ${alone.note.slice(0, 90)}`,
        );
      }
  }

  const figures = new Map<string, RoundFigures[]>();
  for (let index = 1; index <= ROUNDS; index++) {
    // The servers take turns, first one then the other, so a busy spell of the machine hits both.
    const order = index % 2 === 1 ? servers : [...servers].reverse();
    for (const target of order)
      for (const kind of kinds) {
        const key = `${target.label}, ${kind.label}`;
        const result = await round(
          `${key}, round ${index}`,
          (pass) => kind.send(target.server.baseUrl, pass),
          target,
        );
        figures.set(key, [...(figures.get(key) ?? []), result]);
      }
  }
  console.log("");
  for (const [key, rounds] of figures) summary(key, rounds);
} finally {
  for (const poller of pollers.values()) await poller.terminate();
  for (const { server } of servers) server.stop();
  fake?.stop();
}
