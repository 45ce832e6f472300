import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { evalJobs, usageEvents } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  cancelEvalRun,
  claimEvalJobs,
  completeEvalJob,
  getEvalRunById,
  getEvalSetById,
  insertEvalRunWithJobs,
  insertEvalSet,
  listEvalResultPageByRun,
  releaseAllEvalLeases,
  updateEvalSet,
} from "./evals";

const cases = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ prompt: `Case ${index}`, expected: String(index) }));

forEachTestDatabase((getHandle) => {
  async function queuedRun(caseCount: number, models: string[], maxCostUsd: string | null = null) {
    const { db } = getHandle();
    const set = await insertEvalSet({ db, set: { name: "queue" }, cases: cases(caseCount) });
    const stored = await getEvalSetById({ db, id: set.id });
    const run = await insertEvalRunWithJobs({
      db,
      run: { setId: set.id, setVersion: 1, models, maxOutputTokens: 64, maxCostUsd },
      caseIds: stored?.cases.map((item) => item.id) ?? [],
      providers: Object.fromEntries(models.map((model) => [model, model.split("/")[0] ?? ""])),
    });
    return { set, run };
  }

  const answer = (job: { runId: string; caseId: string; modelId: string }, costUsd = "0.01") => ({
    runId: job.runId,
    caseId: job.caseId,
    modelId: job.modelId,
    status: "ok",
    output: "answer",
    costUsd,
  });

  it("leases each job to one owner at a time, however many claim at once", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(10, ["q1/a", "q1/b"]);
    const claims = await Promise.all(
      ["w1", "w2", "w3"].map((owner) =>
        claimEvalJobs({ db, owner, provider: "q1", limit: 8, leaseMs: 60_000 }),
      ),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(ids.length).toBe(20);
    expect(new Set(ids).size).toBe(20);
    expect((await getEvalRunById({ db, id: run.id }))?.status).toBe("running");
    // Nothing is left to claim while the leases hold.
    expect(await claimEvalJobs({ db, owner: "w4", provider: "q1", limit: 8, leaseMs: 60_000 })).toEqual([]);
  });

  it("takes over a job whose lease ran out, and writes its answer once", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(1, ["q2/a"]);
    const [first] = await claimEvalJobs({ db, owner: "dead", provider: "q2", limit: 1, leaseMs: 1 });
    expect(first?.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [again] = await claimEvalJobs({ db, owner: "alive", provider: "q2", limit: 1, leaseMs: 60_000 });
    expect(again?.id).toBe(first?.id);
    expect(again?.attempts).toBe(2);
    if (!first || !again) throw new Error("no job");
    const done = await completeEvalJob({
      db,
      jobId: again.id,
      result: answer(again),
      usage: [],
      spentUsd: "0.01",
    });
    expect(done).toEqual({ inserted: true, status: "done" });
    // The instance that lost its lease finishes late: its answer is refused, its spend still counts.
    const late = await completeEvalJob({
      db,
      jobId: first.id,
      result: answer(first),
      usage: [],
      spentUsd: "0.01",
    });
    expect(late.inserted).toBe(false);
    const page = await listEvalResultPageByRun({ db, runId: run.id, afterPosition: null, limit: 10 });
    expect(page.cases[0]?.results).toHaveLength(1);
    expect((await getEvalRunById({ db, id: run.id }))?.spentUsd).toBe("0.020000000000");
  });

  it("puts leased jobs back in the queue when a single-process database restarts", async () => {
    const { db } = getHandle();
    await queuedRun(2, ["q6/a"]);
    const leased = await claimEvalJobs({
      db,
      owner: "before-restart",
      provider: "q6",
      limit: 2,
      leaseMs: 60_000,
    });
    expect(leased).toHaveLength(2);
    expect(await releaseAllEvalLeases({ db })).toBeGreaterThanOrEqual(2);
    const again = await claimEvalJobs({
      db,
      owner: "after-restart",
      provider: "q6",
      limit: 2,
      leaseMs: 60_000,
    });
    expect(again.map((job) => job.id).sort()).toEqual(leased.map((job) => job.id).sort());
  });

  it("caps a run when its spend reaches the cap and drops the work left", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(5, ["q3/a"], "0.025");
    const jobs = await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 2, leaseMs: 60_000 });
    const usage = { provider: "q3", model: "q3/a", status: "ok", costUsd: "0.02", source: "eval" };
    const statuses = [];
    for (const job of jobs)
      statuses.push(
        (
          await completeEvalJob({
            db,
            jobId: job.id,
            result: answer(job, "0.02"),
            usage: [usage],
            spentUsd: "0.02",
          })
        ).status,
      );
    expect(statuses).toEqual(["running", "capped"]);
    expect(await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 5, leaseMs: 60_000 })).toEqual([]);
    const open = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(evalJobs)
      .where(sql`${evalJobs.runId} = ${run.id} and ${evalJobs.status} = 'cancelled'`);
    expect(Number(open[0]?.count)).toBe(3);
    const events = await db.select().from(usageEvents).where(eq(usageEvents.model, "q3/a"));
    expect(events.map((event) => event.source)).toEqual(["eval", "eval"]);
  });

  it("cancels a run's open work and pages its cases in set order", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(7, ["q4/a", "q4/b"]);
    const cancelled = await cancelEvalRun({ db, runId: run.id });
    expect(cancelled?.status).toBe("cancelled");
    expect(await claimEvalJobs({ db, owner: "w", provider: "q4", limit: 5, leaseMs: 60_000 })).toEqual([]);
    const first = await listEvalResultPageByRun({ db, runId: run.id, afterPosition: null, limit: 3 });
    expect(first.cases.map((item) => item.case.prompt)).toEqual(["Case 0", "Case 1", "Case 2"]);
    const second = await listEvalResultPageByRun({
      db,
      runId: run.id,
      afterPosition: first.nextPosition,
      limit: 3,
    });
    expect(second.cases.map((item) => item.case.position)).toEqual([3, 4, 5]);
    const last = await listEvalResultPageByRun({
      db,
      runId: run.id,
      afterPosition: second.nextPosition,
      limit: 3,
    });
    expect(last.cases.map((item) => item.case.position)).toEqual([6]);
    expect(last.nextPosition).toBeNull();
  });

  it("an edit of the set keeps the cases earlier runs answered", async () => {
    const { db } = getHandle();
    const { set, run } = await queuedRun(2, ["q5/a"]);
    const edit = await updateEvalSet({
      db,
      id: set.id,
      fields: { name: "renamed" },
      cases: cases(1),
      ifVersion: 1,
    });
    expect("updated" in edit && edit.updated.version).toBe(2);
    expect((await getEvalSetById({ db, id: set.id }))?.cases).toHaveLength(1);
    const stale = await updateEvalSet({ db, id: set.id, fields: { name: "x" }, ifVersion: 1 });
    expect("conflict" in stale).toBe(true);
    const page = await listEvalResultPageByRun({ db, runId: run.id, afterPosition: null, limit: 10 });
    expect(page.cases).toHaveLength(2);
  });
});
