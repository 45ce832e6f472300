/**
 * bench/tokens-load: POST /api/tokens under load on a production server. Fires 4 counts of 2,000,000
 * characters at once (unbroken runs of one letter, then mixed text from tests/support/corpus), both
 * encodings each, while /api/health is polled every ~10 ms. Prints each count's time and status, and
 * the health check's p50/p99/max while the counts were in flight. Rounds repeat (BENCH_ROUNDS); one
 * count of each text alone comes first.
 * Run: npm run bench:tokens:load (BENCH_PORT, default 3322; TOKEN_COUNT_BUDGET_MS and
 * TOKEN_COUNT_THREADS pass through to the server)
 */
import { mixedCorpus } from "../tests/support/corpus";
import { median, percentile, startServer } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3322);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENT = 4;
const CHARS = 2_000_000;
const HEALTH_EVERY_MS = 10;

interface CountResult {
  ms: number;
  status: number;
  note: string;
}

async function postCount(baseUrl: string, text: string): Promise<CountResult> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  const body = (await response.json()) as { counts?: Record<string, number>; error?: { message: string } };
  const ms = performance.now() - started;
  const note = body.counts ? JSON.stringify(body.counts) : (body.error?.message ?? "");
  return { ms, status: response.status, note };
}

/** Polls /api/health until `done` settles; returns each round trip in ms. */
async function pollHealth(baseUrl: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const samples: number[] = [];
  while (!finished) {
    const started = performance.now();
    await (await fetch(`${baseUrl}/api/health`)).arrayBuffer();
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
  }
  return samples;
}

async function round(baseUrl: string, label: string, texts: string[]) {
  const counts = Promise.all(texts.map((text) => postCount(baseUrl, text)));
  const [results, health] = await Promise.all([counts, pollHealth(baseUrl, counts)]);
  const sorted = [...health].sort((a, b) => a - b);
  const figures = {
    countMedianMs: median(results.map((result) => result.ms)),
    countMaxMs: Math.max(...results.map((result) => result.ms)),
    healthP50Ms: percentile(sorted, 50),
    healthP99Ms: percentile(sorted, 99),
    healthMaxMs: sorted.at(-1) ?? Number.NaN,
  };
  console.log(`\n${label}`);
  for (const result of results)
    console.log(
      `  count ${result.ms.toFixed(0).padStart(6)} ms  ${result.status}  ${result.note.slice(0, 110)}`,
    );
  console.log(
    `  health n=${health.length}  p50=${figures.healthP50Ms.toFixed(1)} ms  p99=${figures.healthP99Ms.toFixed(1)} ms  max=${figures.healthMaxMs.toFixed(1)} ms`,
  );
  return figures;
}

function summary(label: string, rounds: Awaited<ReturnType<typeof round>>[]) {
  const of = (key: keyof (typeof rounds)[number]) => median(rounds.map((figures) => figures[key])).toFixed(1);
  console.log(
    `${label.padEnd(18)} medians over ${rounds.length} rounds: count median ${of("countMedianMs")} ms, slowest ${of("countMaxMs")} ms; health p50 ${of("healthP50Ms")} ms, p99 ${of("healthP99Ms")} ms, max ${of("healthMaxMs")} ms`,
  );
}

const server = await startServer(PORT);
try {
  // A different letter per request: gpt-tokenizer caches the tokens of each piece it has merged, so the
  // same run sent twice to one thread would be counted once.
  const runs = ["x", "q", "k", "z"].map((letter) => letter.repeat(CHARS));
  const mixed = Array.from({ length: CONCURRENT }, (_, index) =>
    mixedCorpus(CHARS, index * 100_000).slice(0, CHARS),
  );
  // One count first, so the server's threads have started and loaded their tables.
  await postCount(server.baseUrl, "warm ".repeat(10_000));
  // One count alone first: what a count costs when it has the threads to itself.
  for (const [label, text] of [
    ["unbroken run", "w".repeat(CHARS)],
    ["mixed text", mixed[0] as string],
  ] as const) {
    const alone = await postCount(server.baseUrl, text);
    console.log(`alone, ${label}: ${alone.ms.toFixed(0)} ms  ${alone.status}  ${alone.note.slice(0, 110)}`);
  }
  const runRounds = [];
  const mixedRounds = [];
  for (let index = 1; index <= ROUNDS; index++) {
    runRounds.push(await round(server.baseUrl, `unbroken run, round ${index}`, runs));
    mixedRounds.push(await round(server.baseUrl, `mixed text, round ${index}`, mixed));
  }
  console.log("");
  summary("unbroken run", runRounds);
  summary("mixed text", mixedRounds);
} finally {
  server.stop();
}
