import { and, eq, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import {
  getEvalRunById,
  getEvalSetById,
  getNextEvalJobReserveByRun,
  insertEvalRunWithJobs,
  insertEvalSet,
  listEvalResultFiguresByRun,
} from "@/db/queries/evals";
import { evalJobs, evalResults, usageEvents } from "@/db/schema";
import { forEachTestDatabase } from "@/db/test-databases";
import type { CatalogData } from "@/lib/catalog/read/served";
import { fixturePrice } from "@/lib/catalog/test-fixtures";
import { divideUsd, multiplyUsd, parseUsd, toUsdString } from "@/lib/money";
import { describeModelId, type ResolvedModelInfo } from "@/lib/providers/registry";
import { planRun } from "./estimate";
import { toEstimateCases } from "./runs";
import type { Assertion } from "./schema";
import { EvalWorker } from "./worker";

// Simulated models through the real engine, a real database; only the catalog is a fixture, so
// the prices are known: demo/swift bills at openai/gpt-4o-mini's rate, demo/steady at Haiku's.
const catalog = {
  prices: new Map([
    ["openai/gpt-4o-mini", fixturePrice({ inputPerMTok: "150", outputPerMTok: "600" })],
    ["openai/o3-mini", fixturePrice({ inputPerMTok: "1.1", outputPerMTok: "4.4" })],
  ]),
} as unknown as CatalogData;

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

forEachTestDatabase((getHandle) => {
  async function queue(
    prompts: { prompt: string; assert?: unknown[] }[],
    models: string[],
    extra: { maxCostUsd?: string; judgeModel?: string; provider?: string } = {},
  ) {
    const { db } = getHandle();
    const set = await insertEvalSet({
      db,
      set: { name: "worker" },
      cases: prompts.map((item) => ({ prompt: item.prompt, assert: item.assert ?? null })),
    });
    const stored = await getEvalSetById({ db, id: set.id });
    // Each call's worst case, as a run started from the API reserves it.
    const { reservesUsd } = await planRun({
      cases: toEstimateCases(stored?.cases ?? []),
      models: models.map((model) => describeModelId(model) as ResolvedModelInfo),
      judge: extra.judgeModel ? (describeModelId(extra.judgeModel) as ResolvedModelInfo) : null,
      maxOutputTokens: 64,
      prices: catalog.prices,
    });
    const run = await insertEvalRunWithJobs({
      db,
      run: {
        setId: set.id,
        setVersion: 1,
        models,
        maxOutputTokens: 64,
        maxCostUsd: extra.maxCostUsd,
        judgeModel: extra.judgeModel,
      },
      caseIds: stored?.cases.map((item) => item.id) ?? [],
      providers: Object.fromEntries(models.map((model) => [model, extra.provider ?? "demo"])),
      reservesUsd,
    });
    return Object.assign(run, { reservesUsd });
  }

  const arithmetic = Array.from({ length: 10 }, (_, index) => ({
    prompt: `What is ${index + 3} + ${index * 7}?`,
  }));

  it("a worker that dies mid-run is taken over: every answer once, no finished call made again", async () => {
    const { db } = getHandle();
    const run = await queue(arithmetic, ["demo/swift", "demo/steady"]);
    const doneByFirst = new Set<number>();
    const first = new EvalWorker({
      db,
      catalog: async () => catalog,
      perProviderLimit: 3,
      leaseMs: 400,
      pollMs: 20,
      onJobDone: (job) => doneByFirst.add(job.id),
    });
    first.start();
    await until(async () => doneByFirst.size >= 4);
    await first.crash();
    const finishedBeforeCrash = new Set(doneByFirst);

    const takenBySecond: number[] = [];
    const second = new EvalWorker({
      db,
      catalog: async () => catalog,
      perProviderLimit: 3,
      leaseMs: 400,
      pollMs: 20,
      onJobDone: (job) => takenBySecond.push(job.id),
    });
    second.start();
    await until(async () => (await getEvalRunById({ db, id: run.id }))?.status === "done");
    await second.stop();

    expect(takenBySecond.filter((id) => finishedBeforeCrash.has(id))).toEqual([]);
    expect(finishedBeforeCrash.size + takenBySecond.length).toBe(20);
    const results = await db.select().from(evalResults).where(eq(evalResults.runId, run.id));
    expect(results).toHaveLength(20);
    expect(new Set(results.map((result) => `${result.caseId}|${result.modelId}`)).size).toBe(20);
    expect(results.every((result) => result.status === "ok")).toBe(true);
  });

  it("takes up another provider's run queued by another instance while busy, without waiting for a poll", async () => {
    const { db } = getHandle();
    const long = await queue(
      Array.from({ length: 48 }, (_, index) => ({ prompt: `What is ${index} + ${index * 3}?` })),
      ["demo/swift"],
    );
    // A poll far longer than the run: only the worker's own ticks can find the second run.
    const worker = new EvalWorker({ db, catalog: async () => catalog, pollMs: 60_000, perProviderLimit: 4 });
    worker.start();
    try {
      await until(async () => (await listEvalResultFiguresByRun({ db, runId: long.id })).length >= 4);
      // Queued as another instance would queue it (nobody wakes this worker), for a provider with free
      // slots: the worker's list of open work must not hide it while the first provider is busy.
      const short = await queue([{ prompt: "What is 1 + 1?" }], ["demo/steady"], { provider: "other" });
      await until(async () => (await getEvalRunById({ db, id: short.id }))?.status !== "queued");
      // Taken up within a few of the long run's calls (each wave of 4 takes a few hundred ms).
      expect((await listEvalResultFiguresByRun({ db, runId: long.id })).length).toBeLessThan(24);
      await until(async () => (await getEvalRunById({ db, id: short.id }))?.status === "done");
      await until(async () => (await getEvalRunById({ db, id: long.id }))?.status === "done");
    } finally {
      await worker.stop();
    }
  });

  it("a run queued here while the open work is being read is not hidden by that reading", async () => {
    const { db } = getHandle();
    // The worker's database, with its reading of the open work held after it ran (so its rows are
    // from before the run below was queued) until the test lets it go.
    const dialect = new PgDialect();
    let hold: Promise<void> | null = null;
    let holding: () => void = () => {};
    const gated = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== "execute") return typeof value === "function" ? value.bind(target) : value;
        return async (query: SQL) => {
          const rows = await target.execute(query);
          const held = hold;
          if (held && dialect.sqlToQuery(query).sql.includes("select distinct j.provider")) {
            holding();
            await held;
          }
          return rows;
        };
      },
    });
    let release: () => void = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reading = new Promise<void>((resolve) => {
      holding = resolve;
    });
    // A poll far longer than the test: only wakes move the worker. Its first look at the queue, at
    // start, finds nothing open and is held.
    const worker = new EvalWorker({ db: gated, catalog: async () => catalog, pollMs: 60_000 });
    worker.start();
    try {
      await reading;
      // Queued here while that reading is under way, as POST /api/evals/{id}/runs does it.
      const run = await queue([{ prompt: "What is 2 + 3?" }], ["demo/swift"]);
      worker.wake();
      hold = null;
      release();
      // The reading found nothing open; kept, it would hide the run until the next poll (60 s).
      await until(async () => (await getEvalRunById({ db, id: run.id }))?.status === "done", 5_000);
    } finally {
      await worker.stop();
    }
  });

  it("two workers share one run without answering anything twice", async () => {
    const { db } = getHandle();
    const run = await queue(arithmetic.slice(0, 6), ["demo/swift", "demo/steady"]);
    const seen: number[] = [];
    const workers = ["a", "b"].map(
      (owner) =>
        new EvalWorker({
          db,
          owner,
          catalog: async () => catalog,
          perProviderLimit: 2,
          pollMs: 20,
          onJobDone: (job) => seen.push(job.id),
        }),
    );
    for (const worker of workers) worker.start();
    await until(async () => (await getEvalRunById({ db, id: run.id }))?.status === "done");
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const events = await db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.source, "eval"), eq(usageEvents.model, "demo/steady")));
    expect(events.length).toBeGreaterThanOrEqual(6);
  });

  it("never spends past the cap, however many calls are in flight, and says where it stopped", async () => {
    const { db } = getHandle();
    const prompts = Array.from({ length: 12 }, (_, index) => ({
      prompt: `What is ${index + 2} + ${index * 3}?`,
    }));
    // Swift's worst case (64 tokens at $600/MTok) is about 5 cents and its real answers cost well under
    // one, so a cap of 1.6 worst cases lets a few of its answers through, with Deliberate's cheap ones.
    const swiftWorstUsd = (await queue(prompts.slice(0, 1), ["demo/swift"])).reservesUsd["demo/swift"]?.[0];
    const maxCostUsd = toUsdString(divideUsd(multiplyUsd(parseUsd(swiftWorstUsd ?? "1"), 8), 5));
    const run = await queue(prompts, ["demo/swift", "demo/deliberate"], { maxCostUsd });
    const workers = ["a", "b"].map(
      (owner) => new EvalWorker({ db, owner, catalog: async () => catalog, perProviderLimit: 4, pollMs: 20 }),
    );
    for (const worker of workers) worker.start();
    let highestCommittedUsd = 0;
    await until(async () => {
      const now = await getEvalRunById({ db, id: run.id });
      highestCommittedUsd = Math.max(highestCommittedUsd, Number(now?.spentUsd) + Number(now?.reservedUsd));
      return now?.status === "capped";
    });
    await Promise.all(workers.map((worker) => worker.stop()));
    const after = await getEvalRunById({ db, id: run.id });
    const figures = await listEvalResultFiguresByRun({ db, runId: run.id });
    expect(figures.length).toBeGreaterThan(2);
    expect(figures.length).toBeLessThan(24);
    expect(highestCommittedUsd).toBeLessThanOrEqual(Number(maxCostUsd));
    expect(Number(after?.spentUsd)).toBeLessThanOrEqual(Number(maxCostUsd));
    expect(after?.reservedUsd).toBe("0.000000000000");
    // It stopped because the next call's worst case did not fit in what was left.
    const nextCallUsd = await getNextEvalJobReserveByRun({ db, runId: run.id });
    expect(Number(after?.spentUsd) + Number(nextCallUsd)).toBeGreaterThan(Number(maxCostUsd));
    const jobs = await db.select().from(evalJobs).where(eq(evalJobs.runId, run.id));
    expect(jobs.filter((job) => job.status === "queued" || job.status === "leased")).toEqual([]);
    expect(jobs.filter((job) => job.status === "cancelled").length).toBe(24 - figures.length);
  });

  it("takes a capped run's next call as soon as an answer gives its reservation back, not at the next poll", async () => {
    const { db } = getHandle();
    const prompts = Array.from({ length: 3 }, (_, index) => ({ prompt: `What is ${index} + 1?` }));
    // Room for one worst case at a time: each call waits for the one before to be written.
    const swiftWorstUsd = (await queue(prompts.slice(0, 1), ["demo/swift"])).reservesUsd["demo/swift"]?.[0];
    const maxCostUsd = toUsdString(divideUsd(multiplyUsd(parseUsd(swiftWorstUsd ?? "1"), 8), 5));
    const run = await queue(prompts, ["demo/swift"], { maxCostUsd });
    // A poll far longer than the run: only being woken moves it on.
    const worker = new EvalWorker({ db, catalog: async () => catalog, perProviderLimit: 4, pollMs: 60_000 });
    worker.start();
    try {
      await until(async () => (await getEvalRunById({ db, id: run.id }))?.status === "done", 8_000);
    } finally {
      await worker.stop();
    }
    expect(await listEvalResultFiguresByRun({ db, runId: run.id })).toHaveLength(3);
  });

  /** One case answered by a simulated model and graded by a simulated judge; its stored result. */
  async function judgedResult(assert: Assertion[]) {
    const { db } = getHandle();
    const run = await queue([{ prompt: "What is 2 + 2?", assert }], ["demo/swift"], {
      judgeModel: "demo/deliberate",
    });
    const worker = new EvalWorker({ db, catalog: async () => catalog, pollMs: 20 });
    worker.start();
    await until(async () => (await getEvalRunById({ db, id: run.id }))?.status === "done");
    await worker.stop();
    const [result] = await db.select().from(evalResults).where(eq(evalResults.runId, run.id));
    return result;
  }

  // Needs the graders of lib/evals/grade: the rubric goes to the judge through the same engine.
  it("asks the judge about rubric assertions and counts its cost apart", async () => {
    const { db } = getHandle();
    const result = await judgedResult([{ type: "llm-rubric", value: "Gives the right number." }]);
    const judge = result?.judge as { model: string; verdicts: { reasoning: string; prompt: unknown }[] };
    expect(judge.model).toBe("demo/deliberate");
    expect(judge.verdicts[0]?.prompt).toBeTruthy();
    expect(result?.judgeCostUsd).not.toBeNull();
    const [assertion] = (result?.assertions ?? []) as { pass: boolean | null }[];
    expect(typeof assertion?.pass).toBe("boolean");
    const judgeEvents = await db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.source, "judge"), eq(usageEvents.model, "demo/deliberate")));
    expect(judgeEvents.length).toBeGreaterThanOrEqual(1);
  });

  it("holds a rubric's threshold against the judge's score, keeping the judge's own verdict", async () => {
    const rubric = "Gives the right number.";
    const result = await judgedResult([
      { type: "llm-rubric", value: rubric },
      // Above any score a judge can give: fails whenever the judge gave a score.
      { type: "llm-rubric", value: rubric, threshold: 1.01 },
    ]);
    const judge = result?.judge as {
      verdicts: { pass: boolean | null; score: number | null; threshold?: number }[];
    };
    const [plain, strict] = (result?.assertions ?? []) as { pass: boolean | null; reason: string }[];
    const [plainVerdict, strictVerdict] = judge.verdicts;
    expect(plainVerdict?.score).not.toBeNull();
    expect(plainVerdict?.threshold).toBeUndefined();
    expect(plain?.pass).toBe(plainVerdict?.pass);
    // The same judge, the same answer: its own verdict is kept, the threshold decides the result.
    expect(strictVerdict?.threshold).toBe(1.01);
    expect(strictVerdict?.pass).toBe(plainVerdict?.pass);
    expect(strict?.pass).toBe(false);
    expect(strict?.reason).toContain(`Score ${strictVerdict?.score} < threshold 1.01.`);
  });
});
