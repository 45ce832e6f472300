/**
 * bench/catalog: server response time of /catalog and /api/models with the full snapshot, and the
 * client-side filter + sort time over 2,000 rows (the same applyCatalogQuery the table runs).
 * Run: npm run bench:catalog
 */
import { toCatalogEntry } from "@/lib/catalog/read/entry";
import {
  applyCatalogQuery,
  type CatalogQuery,
  DEFAULT_QUERY,
  prepareEntries,
} from "@/lib/catalog/read/query";
import { loadSnapshot } from "@/lib/catalog/store/snapshot";
import { startServer, summarize, timeRequest } from "./lib";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const CLIENT_RUNS = Number(process.env.BENCH_CLIENT_RUNS ?? 200);

async function serverBench(): Promise<string[]> {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3390));
  const lines: string[] = [];
  try {
    const targets = [
      ["GET /catalog (full table, SSR)", "/catalog"],
      ["GET /api/models (all, JSON)", "/api/models?deprecated=show"],
      [
        "GET /api/models (filtered + sorted)",
        "/api/models?input=image&cap=tools&minContext=128000&sort=blended",
      ],
      ["GET /api/models (typo search)", "/api/models?q=antropic%20sonet"],
    ] as const;
    for (const [label, path] of targets) {
      for (let i = 0; i < 5; i++) await timeRequest(`${server.baseUrl}${path}`);
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const result = await timeRequest(`${server.baseUrl}${path}`);
        if (result.status !== 200) throw new Error(`${path} answered ${result.status}`);
        samples.push(result.ms);
        bytes = result.bytes;
      }
      lines.push(`${summarize(label, samples, 150)}  body=${(bytes / 1024).toFixed(0)} KiB`);
    }
  } finally {
    server.stop();
  }
  return lines;
}

function clientBench(): string[] {
  const snapshot = loadSnapshot();
  const providers = new Map(snapshot.providers.map((provider) => [provider.id, provider]));
  const entries = snapshot.offerings
    .map((offering) =>
      toCatalogEntry(offering, providers.get(offering.providerId), offering.price, {
        source: offering.priceSource,
        asOf: offering.priceAsOf,
      }),
    )
    .slice(0, 2000);
  const prepared = prepareEntries(entries);
  const queries: [string, CatalogQuery][] = [
    ["no filter, sort by blended", { ...DEFAULT_QUERY, sort: "blended" }],
    [
      "image + tools + 128K, sort by input",
      { ...DEFAULT_QUERY, input: ["image"], caps: ["tools"], minContext: 128_000, sort: "input" },
    ],
    ["typo search 'antropic sonet'", { ...DEFAULT_QUERY, q: "antropic sonet" }],
    [
      "search 'llama 70b', sort by context desc",
      { ...DEFAULT_QUERY, q: "llama 70b", sort: "context", dir: "desc" },
    ],
  ];
  const lines = [`client rows: ${prepared.length}`];
  for (const [label, query] of queries) {
    for (let i = 0; i < 20; i++) applyCatalogQuery(prepared, query);
    const samples: number[] = [];
    for (let i = 0; i < CLIENT_RUNS; i++) {
      const started = performance.now();
      applyCatalogQuery(prepared, query);
      samples.push(performance.now() - started);
    }
    lines.push(summarize(`filter+sort: ${label}`, samples, 16));
  }
  return lines;
}

console.log("bench/catalog");
for (const line of clientBench()) console.log(line);
if (!process.argv.includes("--client-only")) for (const line of await serverBench()) console.log(line);
