/**
 * bench/fuzz: where the malformed-request suite (tests/e2e/fuzz.spec.ts) spends its time. Sends the
 * suite's own requests (same generator, seeds and count) to a production server, route by route, a
 * few at a time as the suite does, and prints each route's time and the server's CPU time for it (which,
 * unlike the time, does not grow when other processes load the machine), and the totals, with the slowest kinds
 * of request (method and status) for the slowest routes. With BENCH_BASELINE_DIST (a build folder made
 * with NEXT_DIST_DIR=<folder> next build, e.g. of an earlier commit) that build is served too, on
 * BENCH_PORT + 1, and the two take turns route by route.
 * Run: npm run bench:fuzz (BENCH_PORT default 3396; FUZZ_REQUESTS default 1000)
 */
import fc from "fast-check";
import { fuzzRequests } from "../tests/fuzz/generate";
import { FUZZ_ROUTES } from "../tests/fuzz/routes";
import { send, sendAll } from "../tests/fuzz/send";
import { pidOnPort, processTreeCpuMs, type RunningServer, startServer } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3396);
const BASELINE_DIST = process.env.BENCH_BASELINE_DIST;
const SEED = 20261203;
const REQUESTS_PER_ROUTE = Number(process.env.FUZZ_REQUESTS ?? 1000);

/** Each request of one route one at a time, summed by method and status: what the server spends where. */
async function costByKind(baseUrl: string, requests: ReturnType<typeof sample>) {
  const kinds = new Map<string, { count: number; ms: number }>();
  for (const request of requests) {
    const started = performance.now();
    const answer = await send(baseUrl, request);
    const kind = `${request.method} ${answer.status}`;
    const sum = kinds.get(kind) ?? { count: 0, ms: 0 };
    kinds.set(kind, { count: sum.count + 1, ms: sum.ms + performance.now() - started });
  }
  return [...kinds]
    .sort(([, a], [, b]) => b.ms - a.ms)
    .slice(0, 3)
    .map(([kind, { count, ms }]) => `${kind} ×${count} ${(ms / count).toFixed(1)} ms each`)
    .join(", ");
}

function sample(index: number) {
  const route = FUZZ_ROUTES[index];
  if (!route) throw new Error(`no route ${index}`);
  return fc.sample(fuzzRequests(route), { seed: SEED + index, numRuns: REQUESTS_PER_ROUTE });
}

interface Target {
  label: string;
  server: RunningServer;
  pid: number;
  totalMs: number;
  cpuMs: number;
}

function target(label: string, port: number, server: RunningServer): Target {
  const pid = pidOnPort(port);
  if (pid === null) throw new Error(`no process listens on port ${port}`);
  return { label, server, pid, totalMs: 0, cpuMs: 0 };
}

const servers: Target[] = [];
try {
  servers.push(target("this tree", PORT, await startServer(PORT)));
  if (BASELINE_DIST)
    servers.push(
      target(
        `baseline (${BASELINE_DIST})`,
        PORT + 1,
        await startServer(PORT + 1, {}, { distDir: BASELINE_DIST, prebuilt: true }),
      ),
    );
  const perRoute: string[] = [];
  for (const [index, route] of FUZZ_ROUTES.entries()) {
    const order = index % 2 === 0 ? servers : [...servers].reverse();
    for (const entry of order) {
      const started = performance.now();
      const cpuBefore = processTreeCpuMs(entry.pid);
      const requests = sample(index);
      const failures = await sendAll(entry.server.baseUrl, requests);
      const ms = performance.now() - started;
      const cpuMs = processTreeCpuMs(entry.pid) - cpuBefore;
      entry.totalMs += ms;
      entry.cpuMs += cpuMs;
      perRoute.push(
        `${route.path.padEnd(28)} ${entry.label.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(5)} s  server CPU ${(cpuMs / 1000).toFixed(1).padStart(5)} s  ${failures.length} faults`,
      );
      console.log(perRoute.at(-1));
    }
  }
  console.log("");
  for (const entry of servers)
    console.log(
      `${entry.label.padEnd(26)} all routes: ${(entry.totalMs / 1000).toFixed(1)} s, server CPU ${(entry.cpuMs / 1000).toFixed(1)} s`,
    );
  if (process.env.BENCH_KINDS)
    for (const path of process.env.BENCH_KINDS.split(",")) {
      const index = FUZZ_ROUTES.findIndex((route) => route.path === path);
      for (const entry of servers)
        console.log(`${path} ${entry.label}: ${await costByKind(entry.server.baseUrl, sample(index))}`);
    }
} finally {
  for (const { server } of servers) server.stop();
}
