import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, exists, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { addUsd, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import { type Db, dbError, executeRows } from "../client";
import {
  type EvalCase,
  type EvalResult,
  type EvalRun,
  type EvalSet,
  evalCases,
  evalJobs,
  evalResults,
  evalRuns,
  evalSets,
  type NewEvalCase,
  type NewEvalResult,
  type NewEvalRun,
  type NewUsageEvent,
  usageEvents,
} from "../schema";
import { creatorName } from "./creator";
import { insertRowsAsJson } from "./json-rows";

/** A case as a set holds it: everything but the set id and the retirement date. */
export type EvalCaseFields = Omit<NewEvalCase, "id" | "setId" | "position" | "removedAt" | "createdAt">;

export interface EvalSetSummary extends EvalSet {
  caseCount: number;
  lastRunAt: Date | null;
  /** Who made the set (see creatorName). */
  createdByName: string | null;
}

/** A run with the name of whoever started it. */
export type EvalRunWithCreator = EvalRun & { createdByName: string | null };

export async function insertEvalSet({
  db,
  set,
  cases,
}: {
  db: Db;
  set: { name: string; description?: string | null; createdBy?: string | null; demo?: boolean };
  cases: EvalCaseFields[];
}): Promise<EvalSet> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(evalSets).values(set).returning();
      if (!row) throw new Error("no row returned");
      await insertCases(tx as unknown as Db, row.id, cases);
      return row;
    });
  } catch (error) {
    throw dbError("save the eval set", error);
  }
}

/** Inserted in slices: one statement has at most 65,535 parameters and a case takes seven. */
async function insertCases(db: Db, setId: string, cases: EvalCaseFields[]): Promise<void> {
  const SLICE = 500;
  for (let start = 0; start < cases.length; start += SLICE) {
    const slice = cases.slice(start, start + SLICE).map((item, index) => ({
      ...item,
      setId,
      position: start + index,
    }));
    await db.insert(evalCases).values(slice);
  }
}

export async function listEvalSets({ db }: { db: Db }): Promise<EvalSetSummary[]> {
  try {
    const rows = await db
      .select({
        set: evalSets,
        caseCount: sql<number>`(select count(*)::int from eval_cases c where c.set_id = eval_sets.id and c.removed_at is null)`,
        lastRunAt: sql<
          string | null
        >`(select max(r.created_at)::text from eval_runs r where r.set_id = eval_sets.id)`,
        createdByName: creatorName(evalSets.createdBy),
      })
      .from(evalSets)
      .orderBy(desc(evalSets.updatedAt), desc(evalSets.id));
    return rows.map((row) => ({
      ...row.set,
      caseCount: Number(row.caseCount),
      lastRunAt: row.lastRunAt ? new Date(row.lastRunAt) : null,
      createdByName: row.createdByName,
    }));
  } catch (error) {
    throw dbError("list the eval sets", error);
  }
}

export async function getEvalSetById({
  db,
  id,
}: {
  db: Db;
  id: string;
}): Promise<{ set: EvalSet; cases: EvalCase[]; createdByName: string | null; runCount: number } | null> {
  try {
    const [row] = await db
      .select({
        set: evalSets,
        createdByName: creatorName(evalSets.createdBy),
        runCount: sql<number>`(select count(*)::int from eval_runs r where r.set_id = eval_sets.id)`,
      })
      .from(evalSets)
      .where(eq(evalSets.id, id));
    if (!row) return null;
    const cases = await db
      .select()
      .from(evalCases)
      .where(and(eq(evalCases.setId, id), isNull(evalCases.removedAt)))
      .orderBy(asc(evalCases.position));
    return { set: row.set, cases, createdByName: row.createdByName, runCount: Number(row.runCount) };
  } catch (error) {
    throw dbError("read the eval set", error);
  }
}

/**
 * What a run's page names besides the run: its set's name now (null when the set is gone) and who
 * started the run, in one statement.
 */
export async function getEvalRunNames({
  db,
  runId,
}: {
  db: Db;
  runId: string;
}): Promise<{ setName: string | null; createdByName: string | null }> {
  try {
    const [row] = await db
      .select({ setName: evalSets.name, createdByName: creatorName(evalRuns.createdBy) })
      .from(evalRuns)
      .leftJoin(evalSets, eq(evalSets.id, evalRuns.setId))
      .where(eq(evalRuns.id, runId));
    return { setName: row?.setName ?? null, createdByName: row?.createdByName ?? null };
  } catch (error) {
    throw dbError("read the eval run's set and maker", error);
  }
}

export type UpdateEvalSetOutcome = { updated: EvalSet } | { missing: true } | { conflict: EvalSet };

/**
 * Renames or rewrites a set. New cases retire the current rows rather than change them, so earlier
 * runs keep the cases they answered. With `ifVersion` the edit applies only to that version.
 */
export async function updateEvalSet({
  db,
  id,
  fields,
  cases,
  ifVersion,
}: {
  db: Db;
  id: string;
  fields: { name?: string; description?: string | null };
  cases?: EvalCaseFields[];
  ifVersion?: number;
}): Promise<UpdateEvalSetOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(evalSets)
        .set({ ...fields, version: sql`${evalSets.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(eq(evalSets.id, id), ifVersion === undefined ? undefined : eq(evalSets.version, ifVersion)),
        )
        .returning();
      if (!row) {
        const [current] = await tx.select().from(evalSets).where(eq(evalSets.id, id));
        return current ? { conflict: current } : { missing: true as const };
      }
      if (cases) {
        await tx
          .update(evalCases)
          .set({ removedAt: sql`now()` })
          .where(and(eq(evalCases.setId, id), isNull(evalCases.removedAt)));
        await insertCases(tx as unknown as Db, id, cases);
      }
      return { updated: row };
    });
  } catch (error) {
    throw dbError("save the eval set", error);
  }
}

/** Deletes a set with its runs and results; the usage events of those calls stay (they were paid). */
export async function deleteEvalSetById({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    const rows = await db.delete(evalSets).where(eq(evalSets.id, id)).returning({ id: evalSets.id });
    return rows.length > 0;
  } catch (error) {
    throw dbError("delete the eval set", error);
  }
}

export async function getDemoEvalSet({ db }: { db: Db }): Promise<EvalSet | null> {
  try {
    const [row] = await db.select().from(evalSets).where(eq(evalSets.demo, true)).limit(1);
    return row ?? null;
  } catch (error) {
    throw dbError("read the demo eval set", error);
  }
}

/** A run and one queued job per (case, model), case by case so every model makes progress at once. */
export async function insertEvalRunWithJobs({
  db,
  run,
  caseIds,
  providers,
  reservesUsd,
}: {
  db: Db;
  run: Omit<NewEvalRun, "totalJobs">;
  caseIds: string[];
  /** Provider of each model id in `run.models`. */
  providers: Record<string, string>;
  /** Each call's worst case, per model in `caseIds` order (see planRun); null or absent when unknown. */
  reservesUsd?: Record<string, (string | null)[]>;
}): Promise<EvalRun> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evalRuns)
        .values({ ...run, totalJobs: caseIds.length * run.models.length })
        .returning();
      if (!row) throw new Error("no row returned");
      const jobs = caseIds.flatMap((caseId, index) =>
        run.models.map((modelId) => ({
          runId: row.id,
          caseId,
          modelId,
          provider: providers[modelId] ?? "",
          reserveUsd: reservesUsd?.[modelId]?.[index] ?? null,
        })),
      );
      for (let start = 0; start < jobs.length; start += 2_000)
        await tx.insert(evalJobs).values(jobs.slice(start, start + 2_000));
      return row;
    });
  } catch (error) {
    throw dbError("queue the eval run", error);
  }
}

/** What a worker needs to make one call: the job, its case and its run's settings. */
export interface ClaimedEvalJob {
  id: number;
  runId: string;
  caseId: string;
  modelId: string;
  attempts: number;
  prompt: string;
  system: string | null;
  vars: Record<string, string> | null;
  expected: string | null;
  assert: unknown[] | null;
  maxOutputTokens: number;
  judgeModel: string | null;
  /** The call's worst case, reserved against the run's cap while it is in flight. */
  reserveUsd: string | null;
}

/** A claimed job as the query returns it; `fresh` when taken from the queue, so its reservation is new. */
type ClaimRow = Omit<ClaimedEvalJob, "id"> & { id: string | number; fresh: boolean };

/**
 * Leases to `owner` the jobs `picking` chooses (the rest of a select from `eval_jobs j` joined to
 * its run `r`, from its joins to its row lock) and returns what the worker needs for each.
 */
function leaseJobs({
  db,
  owner,
  leaseMs,
  picking,
}: {
  db: Db;
  owner: string;
  leaseMs: number;
  picking: SQL;
}): Promise<ClaimRow[]> {
  return executeRows<ClaimRow>(
    db,
    sql`with picked as (
      select j.id, j.status = 'queued' as fresh from eval_jobs j
      join eval_runs r on r.id = j.run_id
      ${picking}
    )
    update eval_jobs j
    set status = 'leased', lease_owner = ${owner}, attempts = j.attempts + 1,
        lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
    from picked, eval_cases c, eval_runs r
    where j.id = picked.id and c.id = j.case_id and r.id = j.run_id
    returning j.id, j.run_id as "runId", j.case_id as "caseId", j.model_id as "modelId", j.attempts,
      c.prompt, c.system, c.vars, c.expected, c.assert, r.max_output_tokens as "maxOutputTokens",
      r.judge_model as "judgeModel", j.reserve_usd as "reserveUsd", picked.fresh`,
  );
}

interface ClaimEvalJobsInput {
  db: Db;
  owner: string;
  provider: string;
  limit: number;
  leaseMs: number;
  /** The open work as `listOpenEvalWork` found it just before, so the claim need not look again. */
  openRuns?: OpenEvalRun[];
}

/**
 * Leases up to `limit` jobs of one provider to `owner`: queued ones, and leased ones whose lease
 * ran out (their instance died mid-call). SKIP LOCKED lets instances claim side by side without
 * waiting on or taking each other's rows. Cancelled or finished runs give none.
 *
 * A run with a cost cap is claimed under a lock on its row, so instances take its headroom one at a
 * time: its queued jobs are taken in order while spent + reserved + their reservations fit in the
 * cap, and what is taken is added to `reserved_usd` in the same transaction. A job whose price is
 * unknown never fits. A lease taken over keeps the reservation it already holds.
 */
export async function claimEvalJobs(input: ClaimEvalJobsInput): Promise<ClaimedEvalJob[]> {
  const { db, owner, provider, limit, leaseMs } = input;
  if (limit <= 0) return [];
  try {
    const open = (input.openRuns ?? (await listOpenEvalWork({ db }))).filter(
      (run) => run.provider === provider,
    );
    if (open.length === 0) return [];
    // The usual case, a run already under way without a cap: one statement, no transaction. The
    // lease checks again that each job's run is still running and uncapped; a run queued since the
    // listing is taken at the next claim.
    const rows = open.every((run) => run.status === "running" && !run.capped)
      ? await leaseJobs({
          db,
          owner,
          leaseMs,
          picking: sql`where j.provider = ${provider}
                and j.status in ('queued', 'leased')
                and (j.status = 'queued' or j.lease_expires_at < now())
                and r.status = 'running' and r.max_cost_usd is null
              order by j.id
              limit ${limit}
              for update of j skip locked`,
        })
      : await claimInTransaction(input);
    return rows.map(({ fresh: _fresh, ...row }) => ({ ...row, id: Number(row.id) }));
  } catch (error) {
    throw dbError("take eval work from the queue", error);
  }
}

/** A claim that may start a queued run or take from a capped one: under the runs' row locks. */
function claimInTransaction(input: ClaimEvalJobsInput): Promise<ClaimRow[]> {
  const { db, owner, provider, limit, leaseMs } = input;
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const claimed: ClaimRow[] = [];
    // Capped runs first: their row lock comes before any job's, as in completeEvalJobs.
    const cappedRuns = await executeRows<{ id: string }>(
      tx,
      sql`select distinct r.id from eval_runs r
        join eval_jobs j on j.run_id = r.id
        where j.provider = ${provider}
          and (j.status = 'queued' or (j.status = 'leased' and j.lease_expires_at < now()))
          and r.status in ('queued', 'running') and r.max_cost_usd is not null
        order by r.id`,
    );
    for (const { id: runId } of cappedRuns) {
      if (claimed.length >= limit) break;
      claimed.push(...(await claimWithinCap({ ...input, db: tx, runId, limit: limit - claimed.length })));
    }
    if (claimed.length < limit) {
      // A queued run is about to be marked running below: its row is locked before any job's, and
      // only runs locked here or already running are leased from (a run queued in between waits).
      const lockedRuns = await executeRows<{ id: string }>(
        tx,
        sql`select r.id from eval_runs r
          where r.status = 'queued' and r.max_cost_usd is null
            and exists (select 1 from eval_jobs j where j.run_id = r.id and j.provider = ${provider} and j.status = 'queued')
          order by r.id
          for update of r`,
      );
      const lockedIds = lockedRuns.map((run) => sql`${run.id}`);
      const openRuns =
        lockedIds.length > 0
          ? sql`(r.status = 'running' or r.id in (${sql.join(lockedIds, sql`, `)}))`
          : sql`r.status = 'running'`;
      claimed.push(
        ...(await leaseJobs({
          db: tx,
          owner,
          leaseMs,
          picking: sql`where j.provider = ${provider}
                and j.status in ('queued', 'leased')
                and (j.status = 'queued' or j.lease_expires_at < now())
                and ${openRuns}
                and r.max_cost_usd is null
              order by j.id
              limit ${limit - claimed.length}
              for update of j skip locked`,
        })),
      );
    }
    const runIds = [...new Set(claimed.map((row) => row.runId))];
    if (runIds.length > 0)
      await tx
        .update(evalRuns)
        .set({ status: "running", updatedAt: sql`now()` })
        .where(and(inArray(evalRuns.id, runIds), eq(evalRuns.status, "queued")));
    return claimed;
  });
}

/** One capped run's share of a claim, under its row lock (see claimEvalJobs). */
async function claimWithinCap({
  db: tx,
  runId,
  provider,
  owner,
  leaseMs,
  limit,
}: ClaimEvalJobsInput & { runId: string }): Promise<ClaimRow[]> {
  const [run] = await executeRows<{ status: string }>(
    tx,
    sql`select status from eval_runs where id = ${runId} for update`,
  );
  if (!run || !["queued", "running"].includes(run.status)) return [];
  // Running totals over the run's whole queue in job order, every provider's: a later job never
  // takes headroom an earlier one is waiting for.
  const rows = await leaseJobs({
    db: tx,
    owner,
    leaseMs,
    picking: sql`left join (
          select id,
            sum(reserve_usd) over queue_order as reserved_through,
            count(*) filter (where reserve_usd is null) over queue_order as unpriced_through
          from eval_jobs where run_id = ${runId} and status = 'queued'
          window queue_order as (order by id)
        ) q on q.id = j.id
        where j.run_id = ${runId} and j.provider = ${provider}
          and (
            (j.status = 'leased' and j.lease_expires_at < now())
            or (j.status = 'queued' and q.unpriced_through = 0
              and r.spent_usd + r.reserved_usd + q.reserved_through <= r.max_cost_usd)
          )
        order by j.id
        limit ${limit}
        for update of j skip locked`,
  });
  const reserved = rows.filter((row) => row.fresh).map((row) => parseUsd(row.reserveUsd ?? "0"));
  if (reserved.length > 0)
    await tx
      .update(evalRuns)
      .set({
        reservedUsd: sql`${evalRuns.reservedUsd} + ${toUsdString(addUsd(ZERO_USD, ...reserved))}::numeric`,
      })
      .where(eq(evalRuns.id, runId));
  else await capEvalRunIfNothingFits(tx, runId);
  return rows;
}

/**
 * Ends a capped run whose next job cannot fit in what is left of its cap while nothing is in
 * flight to free any: it is "capped" and its queued jobs are cancelled. True when it ended so.
 */
async function capEvalRunIfNothingFits(tx: Db, runId: string): Promise<boolean> {
  const capped = await executeRows<{ id: string }>(
    tx,
    sql`update eval_runs r set status = 'capped', finished_at = now(), updated_at = now()
      where r.id = ${runId} and r.status in ('queued', 'running') and r.max_cost_usd is not null
        and not exists (select 1 from eval_jobs j where j.run_id = r.id and j.status = 'leased')
        and exists (
          select 1 from (
            select reserve_usd from eval_jobs where run_id = ${runId} and status = 'queued' order by id limit 1
          ) next_job
          where next_job.reserve_usd is null
            or r.spent_usd + r.reserved_usd + next_job.reserve_usd > r.max_cost_usd
        )
      returning r.id`,
  );
  if (capped.length === 0) return false;
  await tx
    .update(evalJobs)
    .set({ status: "cancelled" })
    .where(and(eq(evalJobs.runId, runId), eq(evalJobs.status, "queued")));
  return true;
}

/** Extends the leases of calls still in flight, so no other instance takes them over. */
export async function renewEvalJobLeases({
  db,
  owner,
  ids,
  leaseMs,
}: {
  db: Db;
  owner: string;
  ids: number[];
  leaseMs: number;
}): Promise<void> {
  if (ids.length === 0) return;
  try {
    await db
      .update(evalJobs)
      .set({ leaseExpiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'` })
      .where(and(inArray(evalJobs.id, ids), eq(evalJobs.leaseOwner, owner), eq(evalJobs.status, "leased")));
  } catch (error) {
    throw dbError("renew eval leases", error);
  }
}

export interface CompletedEvalJob {
  /** False when the answer was already written (another instance finished the same job first). */
  inserted: boolean;
  status: EvalRun["status"];
}

/** One finished call to write: its answer, the usage it caused and what it cost. */
export interface EvalJobCompletion {
  jobId: number;
  result: Omit<NewEvalResult, "id" | "createdAt">;
  usage: NewUsageEvent[];
  /** What the answer and its judge cost together, as a decimal string. */
  spentUsd: string;
}

/**
 * Writes finished calls (answers, usage events, spend, the jobs' completion) in one transaction, so
 * a restart never loses a finished call nor makes it again. A worker hands over every call that
 * finished while its last write was running, so a batch costs about what one answer costs: the
 * statements below touch each run once, whatever the number of answers.
 *
 * Each job's reservation is given back as its real cost is added. A capped run ends "capped" once
 * its next job cannot fit and nothing is in flight (its queued jobs are cancelled), and "done" when
 * no job is left open. Answers come back in the order given.
 */
export async function completeEvalJobs({
  db,
  completions: given,
}: {
  db: Db;
  completions: readonly EvalJobCompletion[];
}): Promise<CompletedEvalJob[]> {
  if (given.length === 0) return [];
  // Every event carries its call's id (the worker's come with the one made when the call was metered).
  const completions = given.map((completion) => ({
    ...completion,
    usage: completion.usage.map((event) => ({ ...event, callId: event.callId ?? randomUUID() })),
  }));
  const jobIds = completions.map((completion) => completion.jobId);
  const runIds = [...new Set(completions.map((completion) => completion.result.runId))].sort();
  try {
    return await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      // The runs' rows first, as claimEvalJobs takes them: reservations change under these locks only.
      const runs = await tx
        .select({ id: evalRuns.id, status: evalRuns.status, maxCostUsd: evalRuns.maxCostUsd })
        .from(evalRuns)
        .where(inArray(evalRuns.id, runIds))
        .orderBy(asc(evalRuns.id))
        .for("update");
      // The jobs are marked done, and what each held before is read back, in one statement.
      const jobs = await executeRows<{ id: string | number; status: string; reserve_usd: string | null }>(
        tx,
        sql`with held as (
            select id, status, reserve_usd from eval_jobs where ${inArray(evalJobs.id, jobIds)} order by id for update
          )
          update eval_jobs j set status = 'done', lease_owner = null, lease_expires_at = null
          from held where j.id = held.id
          returning j.id, held.status, held.reserve_usd`,
      );
      // A batch of answers is thousands of values: each insert is one jsonb parameter (see json-rows).
      const inserted = await insertRowsAsJson<{ runId: string; caseId: string; modelId: string }>(
        tx,
        evalResults,
        completions.map((completion) => completion.result),
        {
          tail: sql`on conflict do nothing`,
          returning: { runId: evalResults.runId, caseId: evalResults.caseId, modelId: evalResults.modelId },
        },
      );
      // Every call that reached a provider was paid for, whether or not its answer is the one kept. A
      // call already recorded (this write made again after its reply was lost) is not recorded, nor
      // its cost added, twice: the call's id tells.
      const usage = completions.flatMap((completion) => completion.usage);
      const recorded =
        usage.length === 0
          ? []
          : await insertRowsAsJson<{ callId: string }>(tx, usageEvents, usage, {
              tail: sql`on conflict (call_id) do nothing`,
              returning: { callId: usageEvents.callId },
            });
      const newCalls = new Set(recorded.map((row) => row.callId));
      const alreadyCounted = (completion: (typeof completions)[number]) =>
        completion.usage.length > 0 && completion.usage.every((event) => !newCalls.has(event.callId));
      // Only a leased job holds a reservation: a late answer to a finished or cancelled one gives none back.
      const heldUsd = new Map(
        jobs.map((job) => [Number(job.id), job.status === "leased" ? (job.reserve_usd ?? "0") : "0"]),
      );
      for (const runId of runIds) {
        const ofRun = completions.filter((completion) => completion.result.runId === runId);
        const spentUsd = toUsdString(
          addUsd(
            ZERO_USD,
            ...ofRun.filter((item) => !alreadyCounted(item)).map((item) => parseUsd(item.spentUsd)),
          ),
        );
        // Each job gives its reservation back once, even if two calls of it (a lease lost and taken
        // again) end in the same batch.
        const jobsOfRun = [...new Set(ofRun.map((item) => item.jobId))];
        const releasedUsd = toUsdString(
          addUsd(ZERO_USD, ...jobsOfRun.map((jobId) => parseUsd(heldUsd.get(jobId) ?? "0"))),
        );
        await tx
          .update(evalRuns)
          .set({
            spentUsd: sql`${evalRuns.spentUsd} + ${spentUsd}::numeric`,
            reservedUsd: sql`case when ${evalRuns.maxCostUsd} is null then 0
              else greatest(${evalRuns.reservedUsd} - ${releasedUsd}::numeric, 0) end`,
            updatedAt: sql`now()`,
          })
          .where(eq(evalRuns.id, runId));
      }
      // Read under the locks above, a run's status changes below only if it is capped or done.
      const statusOf = new Map(runs.map((run) => [run.id, run.status]));
      for (const run of runs)
        if (run.maxCostUsd !== null && (await capEvalRunIfNothingFits(tx, run.id)))
          statusOf.set(run.id, "capped");
      const finished = await tx
        .update(evalRuns)
        .set({ status: "done", finishedAt: sql`now()` })
        .where(
          and(
            inArray(evalRuns.id, runIds),
            inArray(evalRuns.status, ["queued", "running"]),
            sql`not exists (select 1 from eval_jobs j where j.run_id = ${evalRuns.id} and j.status in ('queued', 'leased'))`,
          ),
        )
        .returning({ id: evalRuns.id });
      for (const run of finished) statusOf.set(run.id, "done");
      const keyOf = (row: { runId: string; caseId: string; modelId: string }) =>
        `${row.runId} ${row.caseId} ${row.modelId}`;
      const written = new Set(inserted.map(keyOf));
      // Of two answers to one case and model in a batch, the first is the one the insert kept.
      return completions.map(({ result }) => ({
        inserted: written.delete(keyOf(result)),
        status: statusOf.get(result.runId) ?? "failed",
      }));
    });
  } catch (error) {
    throw dbError("save the eval answer", error);
  }
}

/** One finished call, written alone (see completeEvalJobs). */
export async function completeEvalJob({
  db,
  ...completion
}: EvalJobCompletion & { db: Db }): Promise<CompletedEvalJob> {
  const [done] = await completeEvalJobs({ db, completions: [completion] });
  return done as CompletedEvalJob;
}

/** Cancels a run that has not ended: its open jobs are dropped and its reservations cleared. */
export async function cancelEvalRun({ db, runId }: { db: Db; runId: string }): Promise<EvalRun | null> {
  try {
    return await db.transaction(async (tx) => {
      // The run row before its jobs, the order every claim and every answer's save take them in,
      // so that two instances never each hold what the other waits for.
      await tx.execute(sql`select id from ${evalRuns} where ${evalRuns.id} = ${runId} for update`);
      await tx
        .update(evalJobs)
        .set({ status: "cancelled" })
        .where(and(eq(evalJobs.runId, runId), inArray(evalJobs.status, ["queued", "leased"])));
      await tx
        .update(evalRuns)
        .set({ status: "cancelled", reservedUsd: "0", finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(evalRuns.id, runId), inArray(evalRuns.status, ["queued", "running"])));
      const [run] = await tx.select().from(evalRuns).where(eq(evalRuns.id, runId));
      return run ?? null;
    });
  } catch (error) {
    throw dbError("cancel the eval run", error);
  }
}

/**
 * What the call a capped run stopped before could have cost: the reservation of the first job
 * its cap cancelled. Null when there is none or its price is unknown.
 */
export async function getNextEvalJobReserveByRun({
  db,
  runId,
}: {
  db: Db;
  runId: string;
}): Promise<string | null> {
  try {
    const [row] = await db
      .select({ reserveUsd: evalJobs.reserveUsd })
      .from(evalJobs)
      .where(and(eq(evalJobs.runId, runId), eq(evalJobs.status, "cancelled")))
      .orderBy(asc(evalJobs.id))
      .limit(1);
    return row?.reserveUsd ?? null;
  } catch (error) {
    throw dbError("read where the run stopped", error);
  }
}

export async function getEvalRunById({ db, id }: { db: Db; id: string }): Promise<EvalRun | null> {
  try {
    const [row] = await db.select().from(evalRuns).where(eq(evalRuns.id, id));
    return row ?? null;
  } catch (error) {
    throw dbError("read the eval run", error);
  }
}

export async function listEvalRunsBySet({
  db,
  setId,
}: {
  db: Db;
  setId: string;
}): Promise<EvalRunWithCreator[]> {
  try {
    const rows = await db
      .select({ run: evalRuns, createdByName: creatorName(evalRuns.createdBy) })
      .from(evalRuns)
      .where(eq(evalRuns.setId, setId))
      .orderBy(desc(evalRuns.createdAt))
      .limit(50);
    return rows.map((row) => ({ ...row.run, createdByName: row.createdByName }));
  } catch (error) {
    throw dbError("list the set's runs", error);
  }
}

/** Jobs per model and state: what the progress bars show. */
export async function countEvalJobsByRun({
  db,
  runId,
}: {
  db: Db;
  runId: string;
}): Promise<{ modelId: string; status: string; count: number }[]> {
  try {
    const rows = await db
      .select({ modelId: evalJobs.modelId, status: evalJobs.status, count: sql<number>`count(*)::int` })
      .from(evalJobs)
      .where(eq(evalJobs.runId, runId))
      .groupBy(evalJobs.modelId, evalJobs.status);
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  } catch (error) {
    throw dbError("count the run's progress", error);
  }
}

/** The numbers the summary needs, without the answers' text or the judge's record (only whether there is one). */
export type EvalResultFigures = Pick<
  EvalResult,
  | "id"
  | "modelId"
  | "status"
  | "costUsd"
  | "judgeCostUsd"
  | "ttftMs"
  | "totalMs"
  | "inputTokens"
  | "outputTokens"
  | "assertions"
> & { judged: boolean };

/** The figures of the run's results, oldest first; with `afterId`, only those written after that result. */
export async function listEvalResultFiguresByRun({
  db,
  runId,
  afterId = 0,
}: {
  db: Db;
  runId: string;
  afterId?: number;
}): Promise<EvalResultFigures[]> {
  try {
    return await db
      .select({
        id: evalResults.id,
        modelId: evalResults.modelId,
        status: evalResults.status,
        costUsd: evalResults.costUsd,
        judgeCostUsd: evalResults.judgeCostUsd,
        ttftMs: evalResults.ttftMs,
        totalMs: evalResults.totalMs,
        inputTokens: evalResults.inputTokens,
        outputTokens: evalResults.outputTokens,
        assertions: evalResults.assertions,
        judged: sql<boolean>`${evalResults.judge} is not null`,
      })
      .from(evalResults)
      .where(and(eq(evalResults.runId, runId), gt(evalResults.id, afterId)))
      .orderBy(asc(evalResults.id));
  } catch (error) {
    throw dbError("summarise the eval run", error);
  }
}

/**
 * The run's results written after result `afterId`, oldest first: what a live view has not seen yet.
 * A run's results are written under its row lock (completeEvalJobs), one batch after another, so they
 * become visible in id order and following by id misses none.
 */
export async function listEvalResultsAfter({
  db,
  runId,
  afterId,
  limit,
}: {
  db: Db;
  runId: string;
  afterId: number;
  limit: number;
}): Promise<EvalResult[]> {
  try {
    return await db
      .select()
      .from(evalResults)
      .where(and(eq(evalResults.runId, runId), gt(evalResults.id, afterId)))
      .orderBy(asc(evalResults.id))
      .limit(limit);
  } catch (error) {
    throw dbError("read the run's new results", error);
  }
}

/**
 * A page of the run's cases (in set order, after position `afterPosition`) with every model's
 * answer to each. Cases come from the run's jobs, so a later edit of the set does not change them.
 */
export async function listEvalResultPageByRun({
  db,
  runId,
  afterPosition,
  limit,
}: {
  db: Db;
  runId: string;
  afterPosition: number | null;
  limit: number;
}): Promise<{ cases: { case: EvalCase; results: EvalResult[] }[]; nextPosition: number | null }> {
  try {
    // The cases that have a job in the run, walked in set order; not a distinct over the jobs joined to
    // their cases, which compared every case's columns once per model (at 300 cases × 6 models on the
    // embedded database a page of one took 12.5 ms with it, 6.3 ms so).
    const caseRows = await db
      .select()
      .from(evalCases)
      .where(
        and(
          exists(
            db
              .select({ one: sql`1` })
              .from(evalJobs)
              .where(and(eq(evalJobs.runId, runId), eq(evalJobs.caseId, evalCases.id))),
          ),
          afterPosition === null ? undefined : gt(evalCases.position, afterPosition),
        ),
      )
      .orderBy(asc(evalCases.position))
      .limit(limit + 1);
    const page = caseRows.slice(0, limit);
    const results =
      page.length === 0
        ? []
        : await db
            .select()
            .from(evalResults)
            .where(
              and(
                eq(evalResults.runId, runId),
                inArray(
                  evalResults.caseId,
                  page.map((item) => item.id),
                ),
              ),
            );
    const byCase = new Map<string, EvalResult[]>();
    for (const result of results) byCase.set(result.caseId, [...(byCase.get(result.caseId) ?? []), result]);
    return {
      cases: page.map((item) => ({ case: item, results: byCase.get(item.id) ?? [] })),
      nextPosition: caseRows.length > limit ? (page.at(-1)?.position ?? null) : null,
    };
  } catch (error) {
    throw dbError("read the run's results", error);
  }
}

/** A run with work one provider could take now: queued jobs, or leased ones whose lease ran out. */
export interface OpenEvalRun {
  provider: string;
  runId: string;
  status: "queued" | "running";
  capped: boolean;
}

/** The work waiting, by provider and run, so a worker asks only for what it may take. */
export async function listOpenEvalWork({ db }: { db: Db }): Promise<OpenEvalRun[]> {
  try {
    return await executeRows<OpenEvalRun>(
      db,
      sql`select distinct j.provider, r.id as "runId", r.status, r.max_cost_usd is not null as capped
        from eval_jobs j join eval_runs r on r.id = j.run_id
        where j.status in ('queued', 'leased')
          and (j.status = 'queued' or j.lease_expires_at < now())
          and r.status in ('queued', 'running')
        order by 1, 2`,
    );
  } catch (error) {
    throw dbError("look for eval work", error);
  }
}

/** Channel on which any instance asks the others to stop a cancelled run's calls in flight. */
const CANCEL_CHANNEL = "eval_cancel";

export async function notifyEvalCancel({ db, runId }: { db: Db; runId: string }): Promise<void> {
  try {
    await db.execute(sql`select pg_notify(${CANCEL_CHANNEL}, ${runId})`);
  } catch (error) {
    throw dbError("send the cancel request", error);
  }
}

export async function listenForEvalCancels({
  db,
  onCancel,
}: {
  db: Db;
  onCancel: (runId: string) => void;
}): Promise<void> {
  try {
    const client = (db as unknown as { $client: Listener }).$client;
    await client.listen(CANCEL_CHANNEL, onCancel);
  } catch (error) {
    throw dbError("listen for eval cancels", error);
  }
}

/** The raw client's LISTEN: postgres.js and PGlite both take (channel, callback with the payload). */
interface Listener {
  listen(channel: string, onPayload: (payload: string) => void): Promise<unknown>;
}

/**
 * Puts every leased job back in the queue. Only for a database one process owns (embedded PGlite):
 * at its start, any lease left is a dead process's, so its calls need not wait for the lease to run out.
 */
export async function releaseAllEvalLeases({ db }: { db: Db }): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      // No job stays leased, so no run holds a reservation.
      await tx.update(evalRuns).set({ reservedUsd: "0" }).where(sql`${evalRuns.reservedUsd} <> 0`);
      const rows = await tx
        .update(evalJobs)
        .set({ status: "queued", leaseOwner: null, leaseExpiresAt: null })
        .where(eq(evalJobs.status, "leased"))
        .returning({ id: evalJobs.id });
      return rows.length;
    });
  } catch (error) {
    throw dbError("release the eval leases", error);
  }
}
