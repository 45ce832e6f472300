import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { executeRows } from "../client";
import { authUsers, evalJobs } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  cancelEvalRun,
  claimEvalJobs,
  completeEvalJob,
  completeEvalJobs,
  getEvalRunById,
  getEvalRunNames,
  getEvalSetById,
  getNextEvalJobReserveByRun,
  insertEvalRunWithJobs,
  insertEvalSet,
  listEvalResultPageByRun,
  listEvalRunsBySet,
  listEvalSets,
  listOpenEvalWork,
  releaseAllEvalLeases,
  updateEvalSet,
} from "./evals";

const cases = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ prompt: `Case ${index}`, expected: String(index) }));

forEachTestDatabase((getHandle) => {
  /** A queued run; `reserveUsd` is each model's worst case per call (the same for every case). */
  async function queuedRun(
    caseCount: number,
    models: string[],
    maxCostUsd: string | null = null,
    reserveUsd: Record<string, string | null> = {},
  ) {
    const { db } = getHandle();
    const set = await insertEvalSet({ db, set: { name: "queue" }, cases: cases(caseCount) });
    const stored = await getEvalSetById({ db, id: set.id });
    const run = await insertEvalRunWithJobs({
      db,
      run: { setId: set.id, setVersion: 1, models, maxOutputTokens: 64, maxCostUsd },
      caseIds: stored?.cases.map((item) => item.id) ?? [],
      providers: Object.fromEntries(models.map((model) => [model, model.split("/")[0] ?? ""])),
      reservesUsd: Object.fromEntries(
        Object.entries(reserveUsd).map(([model, amount]) => [model, Array(caseCount).fill(amount)]),
      ),
    });
    return { set, run };
  }

  const runById = async (id: string) => {
    const run = await getEvalRunById({ db: getHandle().db, id });
    if (!run) throw new Error("no run");
    return run;
  };
  const complete = (job: { id: number; runId: string; caseId: string; modelId: string }, costUsd: string) =>
    completeEvalJob({
      db: getHandle().db,
      jobId: job.id,
      result: answer(job, costUsd),
      usage: [],
      spentUsd: costUsd,
    });
  const countJobs = async (runId: string, status: string) => {
    const [row] = await getHandle()
      .db.select({ count: sql<number>`count(*)::int` })
      .from(evalJobs)
      .where(sql`${evalJobs.runId} = ${runId} and ${evalJobs.status} = ${status}`);
    return Number(row?.count);
  };

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

  it("lists open work by provider and run, and a claim from a listing that has gone stale takes only what is still open", async () => {
    const { db } = getHandle();
    const { run: first } = await queuedRun(3, ["q30/a"]);
    const { run: capped } = await queuedRun(2, ["q31/a"], "1.00", { "q31/a": "0.10" });
    const mine = (rows: Awaited<ReturnType<typeof listOpenEvalWork>>) =>
      rows.filter((row) => row.provider === "q30" || row.provider === "q31");
    expect(mine(await listOpenEvalWork({ db }))).toEqual(
      [
        { provider: "q30", runId: first.id, status: "queued", capped: false },
        { provider: "q31", runId: capped.id, status: "queued", capped: true },
      ].sort((a, b) => a.provider.localeCompare(b.provider)),
    );
    // The first claim starts the run; the next, from a listing that says it is running, leases the rest.
    expect(await claimEvalJobs({ db, owner: "w", provider: "q30", limit: 1, leaseMs: 60_000 })).toHaveLength(
      1,
    );
    const listed = await listOpenEvalWork({ db });
    expect(mine(listed)[0]).toEqual({ provider: "q30", runId: first.id, status: "running", capped: false });
    // A job leased and not run out is no open work; cancelling the run after the listing leaves nothing to take.
    await cancelEvalRun({ db, runId: first.id });
    expect(
      await claimEvalJobs({ db, owner: "w", provider: "q30", limit: 5, leaseMs: 60_000, openRuns: listed }),
    ).toEqual([]);
    expect(mine(await listOpenEvalWork({ db })).map((row) => row.provider)).toEqual(["q31"]);
    // A capped run is claimed under its cap whatever the listing says.
    const cappedJobs = await claimEvalJobs({
      db,
      owner: "w",
      provider: "q31",
      limit: 5,
      leaseMs: 60_000,
      openRuns: listed,
    });
    expect(cappedJobs).toHaveLength(2);
    expect((await runById(capped.id)).reservedUsd).toBe("0.200000000000");
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

  it("writes a batch of answers from two runs in one go, as if each were written alone", async () => {
    const { db } = getHandle();
    const capped = await queuedRun(3, ["q9/a"], "1.00", { "q9/a": "0.10" });
    const open = await queuedRun(2, ["q9/b"]);
    const cappedJobs = await claimEvalJobs({ db, owner: "w", provider: "q9", limit: 10, leaseMs: 60_000 });
    expect(cappedJobs).toHaveLength(5);
    expect((await runById(capped.run.id)).reservedUsd).toBe("0.300000000000");
    const [first, second, third] = cappedJobs.filter((job) => job.runId === capped.run.id);
    const [other, last] = cappedJobs.filter((job) => job.runId === open.run.id);
    if (!first || !second || !third || !other || !last) throw new Error("jobs missing");
    // One answer of the open run is already written (another instance finished it first).
    await complete(other, "0.5");
    const usage = { provider: "q9", model: "q9/a", status: "ok", source: "eval" } as const;
    const done = await completeEvalJobs({
      db,
      completions: [
        {
          jobId: first.id,
          result: answer(first, "0.04"),
          usage: [{ ...usage, costUsd: "0.04" }],
          spentUsd: "0.04",
        },
        { jobId: other.id, result: answer(other, "0.5"), usage: [], spentUsd: "0.5" },
        {
          jobId: second.id,
          result: answer(second, "0.06"),
          usage: [{ ...usage, costUsd: "0.06" }],
          spentUsd: "0.06",
        },
        { jobId: last.id, result: answer(last, "0.25"), usage: [], spentUsd: "0.25" },
      ],
    });
    // In the order given: the one written before is refused; the open run has nothing left, so it is done.
    expect(done).toEqual([
      { inserted: true, status: "running" },
      { inserted: false, status: "done" },
      { inserted: true, status: "running" },
      { inserted: true, status: "done" },
    ]);
    // Spend is summed per run (a late answer's spend still counts), and each reservation given back once.
    expect(await runById(capped.run.id)).toMatchObject({
      spentUsd: "0.100000000000",
      reservedUsd: "0.100000000000",
    });
    expect((await runById(open.run.id)).spentUsd).toBe("1.250000000000");
    expect(await countJobs(capped.run.id, "done")).toBe(2);
    expect(await countJobs(capped.run.id, "leased")).toBe(1);
    const rows = await executeRows<{ cost: string }>(
      db,
      sql`select cost_usd::text as cost from usage_events where provider = 'q9' order by cost_usd`,
    );
    expect(rows.map((row) => row.cost)).toEqual(["0.040000000000", "0.060000000000"]);
    expect((await complete(third, "0.1")).status).toBe("done");
  });

  it("records no call and no spend twice when a batch is written again call by call after its reply was lost", async () => {
    const { db } = getHandle();
    const capped = await queuedRun(2, ["q9/a"], "1.00", { "q9/a": "0.10" });
    const jobs = (await claimEvalJobs({ db, owner: "w", provider: "q9", limit: 10, leaseMs: 60_000 })).filter(
      (job) => job.runId === capped.run.id,
    );
    const [first, second] = jobs;
    if (!first || !second) throw new Error("jobs missing");
    const usage = { provider: "q9", model: "q9/a", status: "ok", source: "eval" } as const;
    const completions = [
      { job: first, cost: "0.04" },
      { job: second, cost: "0.06" },
    ].map(({ job, cost }) => ({
      jobId: job.id,
      result: answer(job, cost),
      // An answer and its judge: two calls, each with the id it was metered with.
      usage: [
        { ...usage, costUsd: cost, callId: randomUUID() },
        { ...usage, source: "judge" as const, costUsd: "0.01", callId: randomUUID() },
      ],
      spentUsd: (Number(cost) + 0.01).toFixed(2),
    }));
    await completeEvalJobs({ db, completions });
    const before = await runById(capped.run.id);
    expect(before).toMatchObject({ spentUsd: "0.120000000000", status: "done" });
    // The COMMIT went through but its answer was lost: the worker writes each call again alone.
    const again = [];
    for (const completion of completions)
      again.push(...(await completeEvalJobs({ db, completions: [completion] })));
    expect(again).toEqual([
      { inserted: false, status: "done" },
      { inserted: false, status: "done" },
    ]);
    expect(await runById(capped.run.id)).toMatchObject({
      spentUsd: before.spentUsd,
      reservedUsd: before.reservedUsd,
      status: before.status,
    });
    const events = await executeRows<{ calls: number }>(
      db,
      sql`select count(*)::int as calls from usage_events where call_id in (${sql.join(
        completions.flatMap((completion) => completion.usage.map((event) => sql`${event.callId}::uuid`)),
        sql`, `,
      )})`,
    );
    expect(events[0]?.calls).toBe(4);
  });

  it("gives a job's reservation back once when two calls of it end in the same batch", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(2, ["q-twice/a"], "1.00", { "q-twice/a": "0.10" });
    const [first] = await claimEvalJobs({ db, owner: "w", provider: "q-twice", limit: 2, leaseMs: 60_000 });
    if (!first) throw new Error("no job");
    expect((await runById(run.id)).reservedUsd).toBe("0.200000000000");
    // A lease lost and taken again by the same worker: both calls of the job finish together.
    const twice = { jobId: first.id, result: answer(first, "0.03"), usage: [], spentUsd: "0.03" };
    const done = await completeEvalJobs({ db, completions: [twice, twice] });
    expect(done.map((item) => item.inserted)).toEqual([true, false]);
    // Both calls were paid; the other job's reservation is still held.
    expect(await runById(run.id)).toMatchObject({
      spentUsd: "0.060000000000",
      reservedUsd: "0.100000000000",
    });
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

  it("reserves each call's worst case as it is claimed, so spent + reserved never passes the cap", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(5, ["q3/a"], "0.025", { "q3/a": "0.01" });
    const first = await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 5, leaseMs: 60_000 });
    // Two fit (0.02); a third would make 0.03.
    expect(first).toHaveLength(2);
    expect(first.every((job) => job.reserveUsd === "0.010000000000")).toBe(true);
    expect((await runById(run.id)).reservedUsd).toBe("0.020000000000");
    const [cheap, dear] = first;
    if (!cheap || !dear) throw new Error("no job");
    // An answer that cost less than its worst case gives the difference back to the headroom.
    expect((await complete(cheap, "0.004")).status).toBe("running");
    expect(await runById(run.id)).toMatchObject({
      spentUsd: "0.004000000000",
      reservedUsd: "0.010000000000",
    });
    const second = await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 5, leaseMs: 60_000 });
    expect(second).toHaveLength(1);
    expect(await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 5, leaseMs: 60_000 })).toEqual([]);
    // Still running while a call is in flight: its answer may free enough for the next.
    expect((await runById(run.id)).status).toBe("running");
    expect((await complete(dear, "0.01")).status).toBe("running");
    const [third] = second;
    if (!third) throw new Error("no job");
    expect((await complete(third, "0.01")).status).toBe("capped");
    const ended = await runById(run.id);
    expect(ended).toMatchObject({ spentUsd: "0.024000000000", reservedUsd: "0.000000000000" });
    expect(Number(ended.spentUsd)).toBeLessThanOrEqual(Number(ended.maxCostUsd));
    expect(await countJobs(run.id, "cancelled")).toBe(2);
    expect(await getNextEvalJobReserveByRun({ db, runId: run.id })).toBe("0.010000000000");
    expect(await claimEvalJobs({ db, owner: "w", provider: "q3", limit: 5, leaseMs: 60_000 })).toEqual([]);
  });

  it("hands out headroom in job order, across providers", async () => {
    const { db } = getHandle();
    // Jobs in order: case 0 on a (0.03), case 0 on b (0.01), case 1 on a, case 1 on b.
    const { run } = await queuedRun(2, ["q7/a", "q8/b"], "0.05", { "q7/a": "0.03", "q8/b": "0.01" });
    const cheap = await claimEvalJobs({ db, owner: "w", provider: "q8", limit: 4, leaseMs: 60_000 });
    // Case 1 on b would fit alone (0.02) but comes after case 1 on a, which does not (0.07).
    expect(cheap).toHaveLength(1);
    expect((await runById(run.id)).reservedUsd).toBe("0.010000000000");
    const dear = await claimEvalJobs({ db, owner: "w", provider: "q7", limit: 4, leaseMs: 60_000 });
    expect(dear).toHaveLength(1);
    expect((await runById(run.id)).reservedUsd).toBe("0.040000000000");
  });

  it("two instances claiming at once cannot both reserve the last headroom", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(20, ["q9/a", "q10/b"], "0.05", { "q9/a": "0.01", "q10/b": "0.01" });
    const claims = await Promise.all(
      ["w1", "w2", "w3", "w4", "w5", "w6"].map((owner, index) =>
        claimEvalJobs({ db, owner, provider: index % 2 ? "q9" : "q10", limit: 4, leaseMs: 60_000 }),
      ),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect((await runById(run.id)).reservedUsd).toBe("0.050000000000");
  });

  it("a lease taken over keeps its one reservation, and an answer gives it back once", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(2, ["q2/a"], "0.1", { "q2/a": "0.03" });
    const [first] = await claimEvalJobs({ db, owner: "dead", provider: "q2", limit: 1, leaseMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await claimEvalJobs({ db, owner: "alive", provider: "q2", limit: 1, leaseMs: 60_000 });
    // The lapsed lease is taken over (it comes first) without a second reservation.
    expect(again[0]?.id).toBe(first?.id);
    expect((await runById(run.id)).reservedUsd).toBe("0.030000000000");
    if (!first || !again[0]) throw new Error("no job");
    await complete(again[0], "0.02");
    // The instance that lost its lease answers late: its spend counts, nothing more is given back.
    await complete(first, "0.02");
    expect(await runById(run.id)).toMatchObject({
      spentUsd: "0.040000000000",
      reservedUsd: "0.000000000000",
    });
  });

  it("never reserves a call whose price is unknown: the run ends capped", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(2, ["q11/a"], "1", { "q11/a": null });
    expect(await claimEvalJobs({ db, owner: "w", provider: "q11", limit: 2, leaseMs: 60_000 })).toEqual([]);
    expect((await runById(run.id)).status).toBe("capped");
    expect(await countJobs(run.id, "cancelled")).toBe(2);
  });

  it("cancelling or restarting clears the reservations", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(3, ["q12/a"], "1", { "q12/a": "0.1" });
    const leased = await claimEvalJobs({ db, owner: "w", provider: "q12", limit: 2, leaseMs: 60_000 });
    expect((await runById(run.id)).reservedUsd).toBe("0.200000000000");
    await releaseAllEvalLeases({ db });
    expect((await runById(run.id)).reservedUsd).toBe("0.000000000000");
    await claimEvalJobs({ db, owner: "w", provider: "q12", limit: 2, leaseMs: 60_000 });
    expect((await runById(run.id)).reservedUsd).toBe("0.200000000000");
    await cancelEvalRun({ db, runId: run.id });
    expect((await runById(run.id)).reservedUsd).toBe("0.000000000000");
    // A call in flight when the run was cancelled is still written and paid for.
    const [inFlight] = leased;
    if (!inFlight) throw new Error("no job");
    expect((await complete(inFlight, "0.05")).status).toBe("cancelled");
    expect(await runById(run.id)).toMatchObject({
      spentUsd: "0.050000000000",
      reservedUsd: "0.000000000000",
    });
  });

  it("cancels while an answer of the run is being saved, waiting for it rather than deadlocking", async () => {
    const { db } = getHandle();
    const { run } = await queuedRun(2, ["q20/a"]);
    await claimEvalJobs({ db, owner: "w", provider: "q20", limit: 2, leaseMs: 60_000 });
    // A save in progress, in completeEvalJobs's order: the run row, then (a moment later) its jobs.
    let lockedRun!: () => void;
    const runLocked = new Promise<void>((resolve) => {
      lockedRun = resolve;
    });
    const save = db.transaction(async (tx) => {
      await tx.execute(sql`select id from eval_runs where id = ${run.id} for update`);
      lockedRun();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(sql`select id from eval_jobs where run_id = ${run.id} order by id for update`);
    });
    await runLocked;
    // Taking the jobs first, a cancel would hold what the save waits for while waiting for the run.
    const cancelled = await cancelEvalRun({ db, runId: run.id });
    await save;
    expect(cancelled?.status).toBe("cancelled");
    expect(await countJobs(run.id, "cancelled")).toBe(2);
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

  it("names who made a set and who started each run, and nobody in single-user mode", async () => {
    const { db } = getHandle();
    const ada = `ada-${randomUUID()}`;
    const bob = `bob-${randomUUID()}`;
    await db.insert(authUsers).values([
      { id: ada, name: "Ada Lovelace", email: `${ada}@example.com` },
      { id: bob, name: "Bob", email: `${bob}@example.com` },
    ]);
    const set = await insertEvalSet({ db, set: { name: "attributed", createdBy: ada }, cases: cases(1) });
    const caseIds = (await getEvalSetById({ db, id: set.id }))?.cases.map((item) => item.id) ?? [];
    const startRun = (createdBy: string | null) =>
      insertEvalRunWithJobs({
        db,
        run: { setId: set.id, setVersion: 1, models: ["demo/swift"], maxOutputTokens: 64, createdBy },
        caseIds,
        providers: { "demo/swift": "demo" },
      });
    const byBob = await startRun(bob);
    const anonymous = await startRun(null);

    expect((await getEvalSetById({ db, id: set.id }))?.createdByName).toBe("Ada Lovelace");
    expect((await listEvalSets({ db })).find((item) => item.id === set.id)?.createdByName).toBe(
      "Ada Lovelace",
    );
    const runs = await listEvalRunsBySet({ db, setId: set.id });
    expect(Object.fromEntries(runs.map((run) => [run.id, run.createdByName]))).toEqual({
      [byBob.id]: "Bob",
      [anonymous.id]: null,
    });
    expect(await getEvalRunNames({ db, runId: byBob.id })).toEqual({
      setName: "attributed",
      createdByName: "Bob",
    });
    expect(await getEvalRunNames({ db, runId: anonymous.id })).toEqual({
      setName: "attributed",
      createdByName: null,
    });
    // A set made in single-user mode names nobody.
    const plain = await insertEvalSet({ db, set: { name: "plain" }, cases: cases(1) });
    expect((await getEvalSetById({ db, id: plain.id }))?.createdByName).toBeNull();
  });
});
