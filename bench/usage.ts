/**
 * bench/usage: the usage page's aggregates over 1,000,000 usage events on a real Postgres server.
 * Loads a fresh scratch database, times the real query functions, checks one day's exact cost sum,
 * prints the hot query's plan and times the app's write path, then drops the database.
 * Run: npm run bench:usage   (DATABASE_URL picks the server; default postgres://postgres@127.0.0.1:5432/test)
 */
import { type SQL, sql } from "drizzle-orm";
import postgres from "postgres";
import { type Db, executeRows, openDb, redactUrl } from "@/db/client";
import { deleteSessionById, insertRun, insertSession, saveRunResult } from "@/db/queries/sessions";
import { aggregateUsage, listUsageEvents, type UsageFilter } from "@/db/queries/usage";
import { env } from "@/lib/env";
import { median, summarize } from "./lib";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";
const EVENT_COUNT = 1_000_000;
const HISTORY_DAYS = 365;
const RANGE_DAYS = 30;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;
const WRITE_SESSIONS = 10;
const HOT_TARGET_MS = 100;
const DAY_MS = 86_400_000;

const baseUrl = env().DATABASE_URL ?? DEFAULT_URL;
const scratchName = `bench_usage_${Date.now()}`;
const scratchUrl = withDatabase(baseUrl, scratchName);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery<T>(statement: string): Promise<T[]> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    return (await admin.unsafe(statement)) as unknown as T[];
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * One statement, generated server-side in event order, so the heap is ordered by occurred_at as the
 * app's append-only inserts leave it. Every "random" draw is a hash of the row number: reruns load
 * identical data. Models 0..39 are four per provider; u^2.2 skews traffic toward the low ids.
 */
const LOAD_SQL = `
with catalog as (
  select m as idx,
         p.provider,
         p.provider || '/model-' || (m % 4 + 1) as model,
         round((0.05 + (hashint4extended(m, 7) & 65535) / 65535.0 * 15)::numeric, 6) as input_per_mtok,
         2 + m % 4 as output_multiplier
  from generate_series(0, 39) as m
  cross join lateral (select (array['openai', 'anthropic', 'google', 'mistral', 'groq', 'deepseek',
                                    'together', 'fireworks', 'xai', 'openrouter'])[m / 4 + 1] as provider) p
),
draws as (
  select i,
         (hashint8extended(i, 1) & 2147483647)::float8 / 2147483648 as u_time,
         (hashint8extended(i, 2) & 2147483647)::float8 / 2147483648 as u_model,
         (hashint8extended(i, 3) & 2147483647)::float8 / 2147483648 as u_input,
         (hashint8extended(i, 4) & 2147483647)::float8 / 2147483648 as u_cache,
         (hashint8extended(i, 5) & 2147483647)::float8 / 2147483648 as u_output,
         (hashint8extended(i, 6) & 2147483647)::float8 / 2147483648 as u_status,
         (hashint8extended(i, 7) & 2147483647)::float8 / 2147483648 as u_simulated,
         (hashint8extended(i, 8) & 2147483647)::float8 / 2147483648 as u_unpriced,
         (hashint8extended(i, 9) & 2147483647)::float8 / 2147483648 as u_latency
  from generate_series(1, $2::int) as i
),
events as (
  select d.*, c.provider, c.model, c.input_per_mtok, c.output_multiplier, c.idx,
         floor(20 * exp(d.u_input * ln(3000)))::int as input_tokens,
         floor(5 * exp(d.u_output * ln(800)))::int as output_tokens
  from draws d
  join catalog c on c.idx = floor(40 * power(d.u_model, 2.2))::int
)
insert into usage_events (occurred_at, provider, model, input_tokens, cached_input_tokens, output_tokens,
                          reasoning_tokens, cost_usd, ttft_ms, duration_ms, status, simulated, estimated)
select $1::timestamptz + (i - 1 + u_time) * ($3::float8 * interval '1 second'),
       provider,
       model,
       input_tokens,
       case when u_cache < 0.3 then floor(input_tokens * u_cache * 3)::int else 0 end,
       output_tokens,
       case when idx % 3 = 0 then floor(output_tokens * u_latency * 2)::int else 0 end,
       case when u_unpriced < 0.03 then null
            else round((input_tokens * input_per_mtok + output_tokens * input_per_mtok * output_multiplier)
                       / 1000000, 12) end,
       80 + floor(u_latency * 1500)::int,
       80 + floor(u_latency * 1500)::int + output_tokens * (5 + idx % 20),
       case when u_status < 0.03 then 'error' when u_status < 0.06 then 'stopped' else 'ok' end,
       u_simulated < 0.05,
       u_status > 0.9
from events`;

async function loadEvents(rangeEnd: Date): Promise<number> {
  const client = postgres(scratchUrl, { max: 1, onnotice: () => {} });
  try {
    const started = performance.now();
    const historyStart = new Date(rangeEnd.getTime() - HISTORY_DAYS * DAY_MS);
    const secondsPerEvent = (HISTORY_DAYS * 86_400) / EVENT_COUNT;
    await client.unsafe(LOAD_SQL, [historyStart.toISOString(), EVENT_COUNT, secondsPerEvent]);
    await client.unsafe("vacuum analyze usage_events");
    return performance.now() - started;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function timeRuns<T>(run: () => Promise<T>): Promise<{ samples: number[]; last: T }> {
  for (let i = 0; i < WARMUP_RUNS; i++) await run();
  const samples: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    last = await run();
    samples.push(performance.now() - started);
  }
  return { samples, last: last as T };
}

/** summarize() plus the fastest run, the row count and, for the hot query, the verdict last. */
function queryLine(label: string, samplesMs: number[], rows: number, targetMs?: number): string {
  const p50 = median(samplesMs);
  const verdict =
    targetMs === undefined ? "" : `  (target p50 ≤ ${targetMs} ms: ${p50 <= targetMs ? "met" : "MISSED"})`;
  return `${summarize(label, samplesMs)}  min=${Math.min(...samplesMs).toFixed(2)} ms  rows=${rows}${verdict}`;
}

/** numeric(24,12) sums come back with exactly 12 decimals, so BigInt micro-micro-dollars add exactly. */
function addScale12(decimals: readonly (string | null)[]): string {
  let total = 0n;
  for (const value of decimals) {
    if (value === null) continue;
    const [whole = "0", fraction = ""] = value.split(".");
    if (fraction.length !== 12) throw new Error(`unexpected scale in ${value}`);
    total += BigInt(whole + fraction);
  }
  const digits = total.toString().padStart(13, "0");
  return `${digits.slice(0, -12)}.${digits.slice(-12)}`;
}

/** The query text as the app builds it: a db whose execute() remembers the SQL it was handed. */
function capturingDb(db: Db): { db: Db; last: () => SQL } {
  let captured: SQL | undefined;
  const wrapper = Object.create(db, {
    execute: {
      value: (query: SQL) => {
        captured = query;
        return db.execute(query);
      },
    },
  }) as Db;
  return {
    db: wrapper,
    last: () => {
      if (!captured) throw new Error("no query captured");
      return captured;
    },
  };
}

function summarizePlan(planLines: string[]): string {
  const nodes = planLines
    .filter((line, index) => index === 0 || line.includes("->"))
    .map((line) =>
      line
        .replace(/^\s*->\s*/, "")
        .replace(/\s*\(cost=.*$/, "")
        .trim(),
    );
  const pick = (pattern: RegExp) => planLines.map((line) => line.match(pattern)?.[1]).find(Boolean);
  const heapFetches = pick(/Heap Fetches: (\d+)/);
  const buffers = pick(/Buffers: (shared [^\n]*)/);
  const execution = pick(/Execution Time: ([\d.]+ ms)/);
  const jit = planLines.some((line) => line.startsWith("JIT:")) ? "JIT on" : "no JIT";
  return [
    nodes.join(" <- "),
    heapFetches === undefined ? null : `heap fetches ${heapFetches}`,
    buffers ? buffers.trim() : null,
    jit,
    `execution ${execution}`,
  ]
    .filter(Boolean)
    .join("; ");
}

async function bench(): Promise<void> {
  const [server] = await adminQuery<{ version: string }>("select version()");
  await adminQuery(`create database "${scratchName}"`);
  console.log(`server:   ${server?.version.split(",")[0]} at ${redactUrl(baseUrl)}`);
  console.log(`database: ${scratchName} (scratch, dropped at the end)`);

  const handle = await openDb({ databaseUrl: scratchUrl });
  try {
    const rangeEnd = new Date();
    const loadMs = await loadEvents(rangeEnd);
    console.log(
      `loaded ${EVENT_COUNT.toLocaleString("en-US")} events + vacuum analyze in ${(loadMs / 1000).toFixed(1)} s`,
    );

    const db = handle.db;
    const filter: UsageFilter = {
      from: new Date(rangeEnd.getTime() - RANGE_DAYS * DAY_MS),
      to: new Date(rangeEnd.getTime() + 1000),
      includeSimulated: false,
    };
    const capture = capturingDb(db);
    const hot = await timeRuns(() =>
      aggregateUsage({ db: capture.db, filter, groupBy: "day", split: "model" }),
    );
    const hotSql = capture.last();
    const lines = [
      queryLine(`${RANGE_DAYS}-day by day by model`, hot.samples, hot.last.length, HOT_TARGET_MS),
    ];
    const others: [string, () => Promise<unknown[]>][] = [
      [`${RANGE_DAYS}-day by model`, () => aggregateUsage({ db, filter, groupBy: "model" })],
      [`${RANGE_DAYS}-day by provider`, () => aggregateUsage({ db, filter, groupBy: "provider" })],
      [`${RANGE_DAYS}-day total`, () => aggregateUsage({ db, filter, groupBy: "total" })],
      [
        `${RANGE_DAYS}-day by day, one model`,
        () => aggregateUsage({ db, filter: { ...filter, model: "openai/model-1" }, groupBy: "day" }),
      ],
      [
        `${RANGE_DAYS}-day by day by model, incl. simulated`,
        () =>
          aggregateUsage({
            db,
            filter: { ...filter, includeSimulated: true },
            groupBy: "day",
            split: "model",
          }),
      ],
      [
        `${RANGE_DAYS}-day events list (limit 200)`,
        () => listUsageEvents({ db, filter, limit: 200, offset: 0 }),
      ],
    ];
    for (const [label, run] of others) {
      const result = await timeRuns(run);
      lines.push(queryLine(label, result.samples, result.last.length));
    }
    for (const line of lines) console.log(line);

    await checkDaySum(db, hot.last);
    const plan = await executeRows<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) ${hotSql}`);
    const planLines = plan.map((row) => row["QUERY PLAN"]);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the hot query:\n${planLines.join("\n")}`);
    console.log(`plan summary: ${summarizePlan(planLines)}`);

    await reportWriteCost(db);
  } finally {
    await handle.close();
  }
}

/** The second-newest day is complete and inside the range on both ends. */
async function checkDaySum(db: Db, hotRows: Awaited<ReturnType<typeof aggregateUsage>>): Promise<void> {
  const days = [...new Set(hotRows.map((row) => row.day))].sort();
  const day = days[days.length - 2];
  if (!day) throw new Error("hot query returned fewer than two days");
  const buckets = hotRows.filter((row) => row.day === day);
  const fromBuckets = addScale12(buckets.map((row) => row.costUsd));
  const requestsFromBuckets = buckets.reduce((sum, row) => sum + row.requests, 0);
  const [direct] = await executeRows<{ cost: string; requests: string }>(
    db,
    sql`select sum(cost_usd)::text as cost, count(*)::text as requests from usage_events
        where occurred_at >= ${`${day}T00:00:00Z`}::timestamptz
          and occurred_at < ${`${day}T00:00:00Z`}::timestamptz + interval '1 day'
          and simulated = false`,
  );
  const matches = direct?.cost === fromBuckets && Number(direct?.requests) === requestsFromBuckets;
  console.log(
    `\ncheck ${day}: aggregateUsage sum=${fromBuckets} requests=${requestsFromBuckets}; direct sum=${direct?.cost} requests=${direct?.requests}  ${matches ? "(exact match)" : "(MISMATCH)"}`,
  );
  if (!matches) throw new Error(`cost sum for ${day} does not match`);
}

/**
 * The app writes one event per model call (saveRunResult), and every index on usage_events is paid
 * for there. A retry and a session delete unlink events through ON DELETE SET NULL foreign keys.
 */
async function reportWriteCost(db: Db): Promise<void> {
  const saves: number[] = [];
  const retries: number[] = [];
  const deletes: number[] = [];
  const models = ["openai/model-1", "anthropic/model-1", "google/model-1", "xai/model-2"];
  const save = async (runId: string, sessionId: string, model: string) => {
    const started = performance.now();
    await saveRunResult({
      db,
      result: { runId, modelId: model, status: "ok", output: "answer", costUsd: "0.004500000000" },
      usage: {
        provider: model.split("/")[0] ?? "openai",
        model,
        sessionId,
        inputTokens: 1200,
        outputTokens: 300,
        costUsd: "0.004500000000",
        status: "ok",
      },
    });
    return performance.now() - started;
  };
  for (let i = 0; i < WRITE_SESSIONS; i++) {
    const session = await insertSession({ db, title: `bench ${i}`, clientId: null });
    const run = await insertRun({ db, sessionId: session.id, prompt: "hi", system: null, params: {} });
    for (const model of models) saves.push(await save(run.id, session.id, model));
    retries.push(await save(run.id, session.id, models[0] ?? "openai/model-1"));
    const started = performance.now();
    await deleteSessionById({ db, id: session.id });
    deletes.push(performance.now() - started);
  }
  console.log("");
  console.log(summarize("save answer + usage event (saveRunResult)", saves));
  console.log(summarize("retry: replace answer (FK set null)", retries));
  console.log(summarize(`delete session, ${models.length} answers (FK set null)`, deletes));
  const sizes = await executeRows<{ name: string; size: string }>(
    db,
    sql`select c.relname as name, pg_size_pretty(pg_relation_size(c.oid)) as size
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = 'usage_events'::regclass order by c.relname`,
  );
  const [table] = await executeRows<{ size: string }>(
    db,
    sql`select pg_size_pretty(pg_relation_size('usage_events')) as size`,
  );
  console.log(
    `table usage_events ${table?.size}; indexes: ${sizes.map((row) => `${row.name} ${row.size}`).join(", ")}`,
  );
}

const dropScratch = () => adminQuery(`drop database if exists "${scratchName}" with (force)`);
process.once("SIGINT", () => {
  dropScratch().finally(() => process.exit(130));
});

console.log("bench/usage");
try {
  await bench();
} finally {
  // A failed drop must not hide the error that got us here.
  await dropScratch().catch((error: Error) =>
    console.error(`could not drop ${scratchName}: ${error.message}`),
  );
}
