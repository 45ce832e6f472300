/**
 * bench/stream: the time the app adds to the first token, and the wall time of a 6-model run.
 * A fake upstream (separate process) answers with a fixed TTFT and token rate; the same streams are
 * measured directly against it and through POST /api/playground/runs on a production server, one at a time,
 * 50 at once arriving in waves, and 50, 25, 10 and 5 at once arriving spread out. First it times round
 * trips that stream nothing, to show the floor under any route of this stack. It also prints the CPU
 * each stream costs the server, next to what the same stream costs the upstream that generates it,
 * because on a small machine that is what sets the added time.
 * Run: npm run bench:stream (set DATABASE_URL to measure with a Postgres server)
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { readMessages } from "@/lib/sse";
import {
  median,
  percentile,
  pidOnPort,
  processTreeCpuMs,
  startFakeUpstream,
  startServer,
  summarize,
  timeRequest,
} from "./lib";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4390);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3391);
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const TTFT_MS = 100;
const SEQUENTIAL_STREAMS = Number(process.env.BENCH_SEQUENTIAL ?? 100);
const FLOOR_REQUESTS = 300;
/** Smaller numbers of streams in flight, arriving spread out, measured after the 50. */
const SPREAD_OUT_IN_FLIGHT = [25, 10, 5];

/** Busy and total CPU time of the whole machine so far, all cores, from /proc/stat (Linux). */
function machineCpuTicks(): { busy: number; total: number } {
  // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1, 9);
  const ticks = fields.map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

async function scenario(model: string, settings: Record<string, unknown>) {
  const response = await fetch(`${FAKE}/__fake/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, ...settings }),
  });
  if (!response.ok) throw new Error(`scenario failed: ${response.status}`);
}

/** Reads an SSE body until `isFirst` matches a message's data; returns ms from request start, then drains. */
async function timeToFirst(
  url: string,
  body: unknown,
  isFirst: (data: string) => boolean,
): Promise<{ firstMs: number; totalMs: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer bench" },
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  let firstMs = Number.NaN;
  await readMessages(response.body, (message) => {
    if (Number.isNaN(firstMs) && isFirst(message.data)) firstMs = performance.now() - started;
  });
  return { firstMs, totalMs: performance.now() - started };
}

/**
 * Runs `count` tasks with `concurrency` in flight. With `staggerMs`, in-flight slot k starts k × staggerMs
 * late, so arrivals are spread out instead of all landing in the same instant; each slot then starts
 * its next task as its last one ends, as before. `firstOfSlot` collects the index of each slot's first
 * task, the ones that started during the ramp-up.
 */
async function pool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  staggerMs = 0,
  firstOfSlot?: Set<number>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, slot) => {
      if (staggerMs > 0) await new Promise((resolve) => setTimeout(resolve, slot * staggerMs));
      let first = true;
      while (next < count) {
        const index = next++;
        if (first) firstOfSlot?.add(index);
        first = false;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const fake = await startFakeUpstream(FAKE_PORT);
const server = await startServer(APP_PORT, {
  OPENAI_API_KEY: "sk-bench",
  OPENAI_BASE_URL: `${FAKE}/v1`,
  ANTHROPIC_API_KEY: "sk-bench",
  ANTHROPIC_BASE_URL: `${FAKE}/v1`,
  MAX_CONCURRENT_RUNS_PER_CLIENT: "100",
});
try {
  await scenario("*", { ttftMs: TTFT_MS, tokensPerSecond: 100, outputTokens: 30 });
  const direct = (index: number) =>
    timeToFirst(
      `${FAKE}/v1/chat/completions`,
      { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: `Question ${index}` }] },
      (data) => data.includes('"content":"') && !data.includes('"content":""'),
    );
  const viaApp = (index: number) =>
    timeToFirst(
      `${server.baseUrl}/api/playground/runs`,
      { prompt: `Question ${index}`, models: ["openai/gpt-4o-mini"] },
      (data) => data.startsWith('{"type":"delta"'),
    );
  // Warm both paths (connections, route compilation caches, the catalog in memory).
  await pool(20, 10, direct);
  await pool(20, 10, viaApp);

  const appPid = pidOnPort(APP_PORT);
  const cpu = () => ({
    app: appPid ? processTreeCpuMs(appPid) : Number.NaN,
    fake: fake.pid ? processTreeCpuMs(fake.pid) : Number.NaN,
  });

  // The floor under any route of this stack: a plain Node server's round trip (the fake upstream's
  // health check), Next.js answering OPTIONS for the route without calling it, and the route itself
  // called with a body it rejects at once (a 400 before any catalog, database or provider work).
  const roundTrips = async (label: string, url: string, expectedStatus: number, init?: RequestInit) => {
    const samples: number[] = [];
    for (let index = 0; index < FLOOR_REQUESTS; index++) {
      const { ms, status } = await timeRequest(url, init);
      // Another answer would be a different round trip from the one the label names.
      if (status !== expectedStatus) throw new Error(`${label}: expected ${expectedStatus}, got ${status}`);
      samples.push(ms);
    }
    return [label, samples] as const;
  };
  const floors = [
    await roundTrips("plain Node server (fake upstream /health)", `${FAKE}/health`, 200),
    await roundTrips(
      "Next.js OPTIONS /api/playground/runs (no handler)",
      `${server.baseUrl}/api/playground/runs`,
      204,
      {
        method: "OPTIONS",
      },
    ),
    await roundTrips(
      "POST /api/playground/runs, rejected body (400)",
      `${server.baseUrl}/api/playground/runs`,
      400,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      },
    ),
  ];

  // One at a time: what the extra hop costs when nothing else is running.
  const sequentialDirect: number[] = [];
  const sequentialApp: number[] = [];
  for (let index = 0; index < SEQUENTIAL_STREAMS; index++) {
    sequentialDirect.push((await direct(index)).firstMs);
    sequentialApp.push((await viaApp(index)).firstMs);
  }

  // 50 at once: every slot starts in the same instant, so each wave of 50 arrives together.
  const directCpu = cpu();
  const directRuns = await pool(STREAMS, CONCURRENCY, direct);
  const appCpu = cpu();
  const machineBefore = machineCpuTicks();
  const appStarted = performance.now();
  const appRuns = await pool(STREAMS, CONCURRENCY, viaApp);
  const appWallMs = performance.now() - appStarted;
  const machineAfter = machineCpuTicks();
  const endCpu = cpu();
  const directTtft = directRuns.map((run) => run.firstMs);
  const appTtft = appRuns.map((run) => run.firstMs);
  // How busy the whole machine was while the app phase ran (server, fake upstream, this load generator
  // and a Postgres server if one is used), as an average over the phase.
  const busyShare =
    (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);

  // Arrivals spread out: slot k of n starts k × (one stream's length ÷ n) late. At 50 in flight, then
  // at fewer, to show how many streams this machine carries before first tokens start to queue.
  const streamMs = median(directRuns.map((run) => run.totalMs));
  const spreadOut: { inFlight: number; staggerMs: number; direct: number[]; app: number[] }[] = [];
  for (const inFlight of [CONCURRENCY, ...SPREAD_OUT_IN_FLIGHT.filter((n) => n < CONCURRENCY)]) {
    const staggerMs = streamMs / inFlight;
    // Each slot's first stream starts while fewer are in flight (the ramp-up), so it is run but not
    // counted: the STREAMS counted all start with the full number in flight.
    const measureSteady = async (task: typeof direct) => {
      const ramp = new Set<number>();
      const runs = await pool(STREAMS + inFlight, inFlight, task, staggerMs, ramp);
      return runs.filter((_, index) => !ramp.has(index)).map((run) => run.firstMs);
    };
    const spreadDirect = await measureSteady(direct);
    const spreadApp = await measureSteady(viaApp);
    spreadOut.push({ inFlight, staggerMs, direct: spreadDirect, app: spreadApp });
  }

  console.log(
    `bench/stream: fake upstream TTFT ${TTFT_MS} ms, 100 tokens/s, 30 tokens; database: ${process.env.DATABASE_URL ? "Postgres server" : "embedded PGlite"}`,
  );
  const added = (label: string, app: number[], base: number[]) => {
    const sortedBase = [...base].sort((a, b) => a - b);
    const sortedApp = [...app].sort((a, b) => a - b);
    const added50 = percentile(sortedApp, 50) - percentile(sortedBase, 50);
    const added99 = percentile(sortedApp, 99) - percentile(sortedBase, 99);
    console.log(
      `${label.padEnd(44)} p50=${added50.toFixed(2).padStart(8)} ms  p99=${added99.toFixed(2).padStart(8)} ms  (targets p50 ≤ 2 ms: ${added50 <= 2 ? "met" : "MISSED"}, p99 ≤ 10 ms: ${added99 <= 10 ? "met" : "MISSED"})`,
    );
  };
  console.log(`-- round trips with no streaming, ${FLOOR_REQUESTS} one at a time`);
  for (const [label, samples] of floors) console.log(summarize(label, samples));
  console.log(`-- ${SEQUENTIAL_STREAMS} streams, one at a time`);
  console.log(summarize("TTFT direct to the fake upstream", sequentialDirect));
  console.log(summarize("TTFT through POST /api/playground/runs", sequentialApp));
  added("added TTFT (app − direct)", sequentialApp, sequentialDirect);
  console.log(`-- ${STREAMS} streams, ${CONCURRENCY} concurrent, arriving in waves of ${CONCURRENCY}`);
  console.log(summarize("TTFT direct to the fake upstream", directTtft));
  console.log(summarize("TTFT through POST /api/playground/runs", appTtft));
  added("added TTFT (app − direct)", appTtft, directTtft);
  console.log(
    `CPU per stream: server ${((endCpu.app - appCpu.app) / STREAMS).toFixed(2)} ms; the fake upstream generating it ${((appCpu.fake - directCpu.fake) / STREAMS).toFixed(2)} ms (${os.availableParallelism()} cores on this machine)`,
  );
  console.log(
    `whole machine busy while the app streams ran: ${(busyShare * 100).toFixed(0)}% of ${os.availableParallelism()} cores on average over ${(appWallMs / 1000).toFixed(1)} s`,
  );
  for (const phase of spreadOut) {
    console.log(
      `-- ${STREAMS} streams, ${phase.inFlight} concurrent, arrivals spread out (one every ${phase.staggerMs.toFixed(1)} ms at first)`,
    );
    console.log(summarize("TTFT direct to the fake upstream", phase.direct));
    console.log(summarize("TTFT through POST /api/playground/runs", phase.app));
    added("added TTFT (app − direct)", phase.app, phase.direct);
  }

  // Six models at different speeds; the run should take about as long as the slowest one alone.
  const six = [
    ["openai/gpt-4o-mini", { ttftMs: 80, tokensPerSecond: 200, outputTokens: 120 }],
    ["openai/gpt-4o", { ttftMs: 150, tokensPerSecond: 120, outputTokens: 120 }],
    ["openai/gpt-4.1-mini", { ttftMs: 120, tokensPerSecond: 150, outputTokens: 120 }],
    ["openai/gpt-4.1-nano", { ttftMs: 60, tokensPerSecond: 250, outputTokens: 120 }],
    ["anthropic/claude-3-5-haiku-latest", { ttftMs: 200, tokensPerSecond: 90, outputTokens: 120 }],
    ["anthropic/claude-3-7-sonnet-latest", { ttftMs: 400, tokensPerSecond: 60, outputTokens: 120 }],
  ] as const;
  for (const [id, settings] of six) await scenario(id.split("/")[1] as string, settings);
  const slowest = "anthropic/claude-3-7-sonnet-latest";
  const runAll = () =>
    timeToFirst(
      `${server.baseUrl}/api/playground/runs`,
      { prompt: "six", models: six.map(([id]) => id) },
      () => false,
    );
  const runSlowest = () =>
    timeToFirst(`${server.baseUrl}/api/playground/runs`, { prompt: "six", models: [slowest] }, () => false);
  const allTimes: number[] = [];
  const slowTimes: number[] = [];
  for (let round = 0; round < 7; round++) {
    slowTimes.push((await runSlowest()).totalMs);
    allTimes.push((await runAll()).totalMs);
  }
  const medianAll = median(allTimes);
  const medianSlow = median(slowTimes);
  const overhead = (medianAll / medianSlow - 1) * 100;
  console.log(summarize("6-model run, wall time", allTimes));
  console.log(summarize("slowest model alone, wall time", slowTimes));
  console.log(
    `6-model run vs slowest single stream: ${overhead >= 0 ? "+" : ""}${overhead.toFixed(2)}%  (target ≤ +5%: ${overhead <= 5 ? "met" : "MISSED"})`,
  );
} finally {
  server.stop();
  fake.stop();
}
