/**
 * bench/pages: what rendering pages on every request costs. Every page is rendered per request, because
 * the root layout reads the request's CSP nonce (app/layout.tsx) and Next puts that nonce on its own
 * inline scripts. For each page this prints time to first byte and to the last byte (sequential
 * requests, p50/p99) and throughput with BENCH_CONCURRENCY requests in flight.
 * With BENCH_BASELINE_DIR (another checkout with a production build in .next, e.g. one whose layout reads
 * no nonce, so that its pages without request data are prerendered) that build is served too, on
 * BENCH_PORT + 1, and the two take turns page by page.
 * Run: npm run bench:pages (BENCH_PORT default 3394, BENCH_REQUESTS default 40)
 */
import { percentile, type RunningServer, startServer } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3394);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const THROUGHPUT_MS = Number(process.env.BENCH_THROUGHPUT_MS ?? 4_000);
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
const PAGES = (process.env.BENCH_PAGES ?? "/,/playground,/history,/calculator,/catalog").split(",");

async function timePage(url: string): Promise<{ firstByteMs: number; totalMs: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const reader = response.body?.getReader();
  const first = await reader?.read();
  const firstByteMs = performance.now() - started;
  let bytes = first?.value?.byteLength ?? 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.byteLength;
  }
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { firstByteMs, totalMs: performance.now() - started, bytes };
}

/** Requests per second with `CONCURRENCY` in flight, for THROUGHPUT_MS. */
async function throughput(url: string): Promise<number> {
  const until = performance.now() + THROUGHPUT_MS;
  let done = 0;
  const loop = async () => {
    while (performance.now() < until) {
      await (await fetch(url)).arrayBuffer();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return (done / (performance.now() - started)) * 1000;
}

async function measure(label: string, server: RunningServer, page: string): Promise<string> {
  const url = `${server.baseUrl}${page}`;
  for (let index = 0; index < 5; index++) await timePage(url);
  const samples = [];
  for (let index = 0; index < REQUESTS; index++) samples.push(await timePage(url));
  const firstByte = samples.map((sample) => sample.firstByteMs).sort((a, b) => a - b);
  const total = samples.map((sample) => sample.totalMs).sort((a, b) => a - b);
  const perSecond = await throughput(url);
  const kib = ((samples[0]?.bytes ?? 0) / 1024).toFixed(0);
  return `${page.padEnd(12)} ${label.padEnd(24)} first byte p50 ${percentile(firstByte, 50).toFixed(1).padStart(6)} ms p99 ${percentile(firstByte, 99).toFixed(1).padStart(6)} ms | last byte p50 ${percentile(total, 50).toFixed(1).padStart(6)} ms p99 ${percentile(total, 99).toFixed(1).padStart(6)} ms | ${perSecond.toFixed(0).padStart(4)} req/s at ${CONCURRENCY} | ${kib} KiB`;
}

const servers: { label: string; server: RunningServer }[] = [];
try {
  servers.push({ label: "this tree", server: await startServer(PORT) });
  if (BASELINE_DIR)
    servers.push({
      label: `baseline (${BASELINE_DIR})`,
      server: await startServer(PORT + 1, {}, { cwd: BASELINE_DIR, prebuilt: true }),
    });
  console.log(
    `bench/pages: ${REQUESTS} sequential requests per page after 5 warm-up, then ${THROUGHPUT_MS} ms at ${CONCURRENCY} in flight`,
  );
  for (const [index, page] of PAGES.entries()) {
    // The servers take turns, first one then the other, so a busy spell of the machine hits both.
    const order = index % 2 === 0 ? servers : [...servers].reverse();
    for (const { label, server } of order) console.log(await measure(label, server, page));
  }
} finally {
  for (const { server } of servers) server.stop();
}
