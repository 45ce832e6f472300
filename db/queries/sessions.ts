import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { type Db, dbError } from "../client";
import {
  type NewRunResult,
  type NewUsageEvent,
  type Run,
  type RunResult,
  runResults,
  runs,
  type Session,
  sessions,
  usageEvents,
} from "../schema";
import { creatorName } from "./creator";

export async function insertSession({
  db,
  id,
  title,
  clientId,
  createdBy = null,
}: {
  db: Db;
  id?: string;
  title: string;
  clientId: string | null;
  createdBy?: string | null;
}): Promise<Session> {
  try {
    const [row] = await db.insert(sessions).values({ id, title, clientId, createdBy }).returning();
    if (!row) throw new Error("no row returned");
    return row;
  } catch (error) {
    throw dbError("create the session", error);
  }
}

export async function getSessionById({ db, id }: { db: Db; id: string }): Promise<Session | null> {
  try {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
    return row ?? null;
  } catch (error) {
    throw dbError("read the session", error);
  }
}

export interface SessionSummary extends Session {
  /** The creator's name; null in single-user mode. */
  createdByName: string | null;
  turns: number;
  models: string[];
  costUsd: string | null;
}

/** Where a page of sessions ended: updated_at in whole microseconds (a JS Date would drop them) and id. */
export interface SessionPosition {
  updatedMicros: string;
  id: string;
}

/**
 * Newest first (updated_at, then id, both descending, so equal times keep one order); `q` matches
 * the title or any prompt of the session. `after` continues from the last row of a previous page.
 */
export async function listSessions({
  db,
  q,
  limit = 100,
  after,
}: {
  db: Db;
  q?: string;
  limit?: number;
  after?: SessionPosition;
}): Promise<{ sessions: SessionSummary[]; next: SessionPosition | null }> {
  try {
    const pattern = q ? `%${q.replace(/[%_\\]/g, (match) => `\\${match}`)}%` : null;
    // Raw subqueries name their tables explicitly: drizzle writes bare column names inside sql``.
    const matching = pattern
      ? or(
          ilike(sessions.title, pattern),
          sql`exists (select 1 from runs r where r.session_id = sessions.id and r.prompt ilike ${pattern})`,
        )
      : undefined;
    const afterPosition = after
      ? sql`(${sessions.updatedAt}, ${sessions.id}) < (timestamptz 'epoch' + ${after.updatedMicros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
      : undefined;
    const rows = await db
      .select({
        session: sessions,
        updatedMicros: sql<string>`(extract(epoch from ${sessions.updatedAt}) * 1000000)::bigint::text`,
        createdByName: creatorName(sessions.createdBy),
        turns: sql<number>`(select count(*)::int from runs r where r.session_id = sessions.id)`,
        models: sql<
          string[] | null
        >`(select array_agg(distinct rr.model_id) from run_results rr join runs r on r.id = rr.run_id where r.session_id = sessions.id)`,
        costUsd: sql<
          string | null
        >`(select sum(rr.cost_usd)::text from run_results rr join runs r on r.id = rr.run_id where r.session_id = sessions.id)`,
      })
      .from(sessions)
      .where(and(matching, afterPosition))
      .orderBy(desc(sessions.updatedAt), desc(sessions.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      sessions: page.map((row) => ({
        ...row.session,
        createdByName: row.createdByName,
        turns: Number(row.turns),
        models: row.models ?? [],
        costUsd: row.costUsd,
      })),
      next:
        rows.length > limit && last
          ? { updatedMicros: String(last.updatedMicros), id: last.session.id }
          : null,
    };
  } catch (error) {
    throw dbError("list sessions", error);
  }
}

export async function updateSessionTitle({
  db,
  id,
  title,
}: {
  db: Db;
  id: string;
  title: string;
}): Promise<Session | null> {
  try {
    const [row] = await db
      .update(sessions)
      .set({ title, updatedAt: sql`now()` })
      .where(eq(sessions.id, id))
      .returning();
    return row ?? null;
  } catch (error) {
    throw dbError("rename the session", error);
  }
}

/** Deletes a session and its runs; usage events stay (they are spend history) with the session unlinked. */
export async function deleteSessionById({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    const deleted = await db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id });
    return deleted.length > 0;
  } catch (error) {
    throw dbError("delete the session", error);
  }
}

export async function insertRun({
  db,
  id,
  sessionId,
  prompt,
  system,
  params,
}: {
  db: Db;
  id?: string;
  sessionId: string;
  prompt: string;
  system: string | null;
  params: Record<string, unknown>;
}): Promise<Run> {
  try {
    return await db.transaction(async (tx) => {
      // Locking the session row makes two follow-ups sent at once take distinct turn numbers.
      await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).for("update");
      const [{ value: turns } = { value: 0 }] = await tx
        .select({ value: count() })
        .from(runs)
        .where(eq(runs.sessionId, sessionId));
      const [row] = await tx
        .insert(runs)
        .values({ id, sessionId, turnIndex: Number(turns), prompt, system, params })
        .returning();
      if (!row) throw new Error("no row returned");
      return row;
    });
  } catch (error) {
    throw dbError("save the run", error);
  }
}

export async function getRunById({ db, id }: { db: Db; id: string }): Promise<Run | null> {
  try {
    const [row] = await db.select().from(runs).where(eq(runs.id, id));
    return row ?? null;
  } catch (error) {
    throw dbError("read the run", error);
  }
}

export interface RunWithResults extends Run {
  results: RunResult[];
}

export async function listRunsWithResultsBySession({
  db,
  sessionId,
}: {
  db: Db;
  sessionId: string;
}): Promise<RunWithResults[]> {
  try {
    const runRows = await db
      .select()
      .from(runs)
      .where(eq(runs.sessionId, sessionId))
      .orderBy(asc(runs.turnIndex));
    if (runRows.length === 0) return [];
    const resultRows = await db
      .select()
      .from(runResults)
      .where(
        inArray(
          runResults.runId,
          runRows.map((run) => run.id),
        ),
      )
      .orderBy(asc(runResults.createdAt));
    return runRows.map((run) => ({
      ...run,
      results: resultRows.filter((result) => result.runId === run.id),
    }));
  } catch (error) {
    throw dbError("read the session's runs", error);
  }
}

/**
 * A new session and its first run, written in one statement: the playground saves these while
 * answers stream, and one round trip instead of two keeps that work small.
 */
export async function insertSessionWithFirstRun({
  db,
  session,
  run,
}: {
  db: Db;
  session: { id: string; title: string; clientId: string | null; createdBy?: string | null };
  run: { id: string; prompt: string; system: string | null; params: Record<string, unknown> };
}): Promise<void> {
  try {
    const created = db
      .$with("created_session")
      .as(db.insert(sessions).values(session).returning({ id: sessions.id }));
    await db
      .with(created)
      .insert(runs)
      .values({ ...run, sessionId: sql`(select id from ${created})`, turnIndex: 0 });
  } catch (error) {
    // One statement, so nothing of it was kept. It fails on a taken id: written before by this same
    // write, whose reply was lost (the session's id is new, made by the server, so finding the run
    // under it proves it: saved), or a run id that is another session's (a failure).
    const stored = await db
      .select({ sessionId: runs.sessionId })
      .from(runs)
      .where(eq(runs.id, run.id))
      .catch(() => []);
    if (stored[0]?.sessionId === session.id) return;
    throw dbError("save the run", error);
  }
}

export interface NewSessionWithFirstRun {
  session: { id: string; title: string; clientId: string | null; createdBy?: string | null };
  run: { id: string; prompt: string; system: string | null; params: Record<string, unknown> };
}

/**
 * Several new sessions, each with its first run, in one transaction of two statements: the
 * playground's group commit (lib/playground/save.ts) gathers the ones that start together.
 */
export async function insertSessionsWithFirstRuns({
  db,
  items,
}: {
  db: Db;
  items: NewSessionWithFirstRun[];
}): Promise<void> {
  if (items.length === 0) return;
  if (items.length === 1 && items[0]) return insertSessionWithFirstRun({ db, ...items[0] });
  try {
    await db.transaction(async (tx) => {
      await tx.insert(sessions).values(items.map((item) => item.session));
      await tx
        .insert(runs)
        .values(items.map(({ session, run }) => ({ ...run, sessionId: session.id, turnIndex: 0 })));
    });
  } catch (error) {
    throw dbError("save the runs", error);
  }
}

/** A new answer with the usage of its call, as the playground saves most of them. */
export interface NewAnswerWithUsage {
  result: NewRunResult;
  usage: Omit<NewUsageEvent, "runResultId">;
}

/**
 * New answers and their usage events, several at once, in one transaction of three statements (the
 * answers, the usage, the sessions touched). An answer whose model already has one in its run is
 * "taken", as in saveRunResult, and its usage is recorded all the same. Any failure fails them all,
 * so that the caller can write each alone with saveRunResult, which knows what to keep.
 */
export async function insertAnswersWithUsage({
  db,
  items,
}: {
  db: Db;
  items: NewAnswerWithUsage[];
}): Promise<SavedAnswer[]> {
  if (items.length === 0) return [];
  if (items.length === 1 && items[0]) return [await saveRunResult({ db, ...items[0] })];
  // Ids made here tell which of two answers for the same pane in one batch was kept: the first.
  // A microsecond apart rather than the transaction's one now(): answers saved together keep the order
  // they ended in, which is the order the history lists them in.
  const withIds = items.map((item, index) => ({
    ...item,
    result: {
      ...item.result,
      id: item.result.id ?? randomUUID(),
      createdAt: sql`now() + ${index} * interval '1 microsecond'`,
    },
  }));
  try {
    return await db.transaction(async (tx) => {
      const kept = await tx
        .insert(runResults)
        .values(withIds.map((item) => item.result))
        .onConflictDoNothing({ target: [runResults.runId, runResults.modelId] })
        .returning({ id: runResults.id });
      const keptIds = new Set(kept.map((row) => row.id));
      await tx
        .insert(usageEvents)
        .values(
          withIds.map(({ result, usage }) => ({
            ...usage,
            runResultId: keptIds.has(result.id) ? result.id : null,
          })),
        )
        .onConflictDoNothing({ target: usageEvents.callId });
      const touched = [
        ...new Set(withIds.flatMap((item) => (item.usage.sessionId ? [item.usage.sessionId] : []))),
      ];
      if (touched.length > 0)
        await tx.update(sessions).set({ updatedAt: sql`now()` }).where(inArray(sessions.id, touched));
      return withIds.map(
        ({ result }): SavedAnswer =>
          keptIds.has(result.id) ? { saved: true, resultId: result.id } : { saved: false, reason: "taken" },
      );
    });
  } catch (error) {
    throw dbError("save the answers", error);
  }
}

interface AnswerToSave {
  db: Db;
  result: NewRunResult;
  replacesId: string | null;
}

/**
 * Inserts an answer, or takes the place of the one it replaces (under a new id); else nothing. An
 * answer already stored under its own id (the same write made again after its reply was lost) is
 * found as saved, and keeps its time.
 */
function insertAnswer({ db, result, replacesId }: AnswerToSave) {
  const { id: _id, ...fields } = result;
  return db
    .insert(runResults)
    .values(result)
    .onConflictDoUpdate({
      target: [runResults.runId, runResults.modelId],
      set: {
        ...fields,
        id: sql`excluded.id`,
        createdAt: sql`case when ${runResults.id} = excluded.id then ${runResults.createdAt} else now() end`,
      },
      setWhere: or(eq(runResults.id, replacesId ?? sql`null`), eq(runResults.id, sql`excluded.id`)),
    })
    .returning({ id: runResults.id });
}

async function saveAnswerWithoutUsage(answer: AnswerToSave): Promise<SavedAnswer> {
  try {
    const [row] = await onceMoreIfFailed(answer.result, () => insertAnswer(answer));
    return row ? { saved: true, resultId: row.id } : { saved: false, reason: "taken" };
  } catch (error) {
    logSaveFailure(error);
    return { saved: false, reason: "failed" };
  }
}

/**
 * Makes a one-statement save of an answer, and once more if it fails: a statement that committed but
 * whose reply was lost (a dropped connection) then finds the answer saved under its id, and it is
 * reported saved rather than failed. Only an answer whose id was made before the write can be found
 * so; any other gets one try.
 */
async function onceMoreIfFailed<T>(result: NewRunResult, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!result.id) throw error;
    logSaveFailure(error, "; writing it once more");
    return await write();
  }
}

/** The driver's own message, not the failed query's: its parameters hold the model's answer. */
function logSaveFailure(error: unknown, then = ""): void {
  const reason = (error as { cause?: Error })?.cause?.message ?? "unknown error";
  console.error(`Could not save an answer (${reason})${then}.`);
}

export type SavedAnswer =
  | { saved: true; resultId: string }
  /** `taken`: another request saved this model's answer in the run first; `failed`: the write failed. */
  | { saved: false; reason: "taken" | "failed" };

/**
 * Saves one model's answer and its usage event together. A retry names the answer it replaces
 * (`replacesId`, read when it started); any other answer already saved for the model in the run
 * wins, so of several requests saving the same pane at once only the first is kept. The usage
 * event is written in every case, because the call was made and paid for; when the answer cannot
 * be saved at all (its run was deleted meanwhile, or the write failed) the event is saved alone.
 */
export async function saveRunResult({
  db,
  result,
  usage,
  replacesId = null,
}: {
  db: Db;
  result: NewRunResult;
  /** Null for a call that never reached the provider: it is no usage. */
  usage: Omit<NewUsageEvent, "runResultId"> | null;
  replacesId?: string | null;
}): Promise<SavedAnswer> {
  if (!usage) return saveAnswerWithoutUsage({ db, result, replacesId });
  try {
    // One statement, so it is atomic without a transaction's extra round trips: save the answer (in
    // place of the one it replaces, which takes the new id), record the call, touch the session.
    const saved = db.$with("saved_result").as(insertAnswer({ db, result, replacesId }));
    const touched = db.$with("touched_session").as(
      db
        .update(sessions)
        .set({ updatedAt: sql`now()` })
        .where(eq(sessions.id, usage.sessionId ?? sql`null`))
        .returning({ id: sessions.id }),
    );
    // Written again after a lost reply, the call's event is found by its id and not recorded twice.
    const [row] = await onceMoreIfFailed(result, () =>
      db
        .with(saved, touched)
        .insert(usageEvents)
        .values({ ...usage, runResultId: sql`(select id from ${saved})` })
        .onConflictDoUpdate({ target: usageEvents.callId, set: { runResultId: sql`excluded.run_result_id` } })
        .returning({ runResultId: usageEvents.runResultId }),
    );
    return row?.runResultId ? { saved: true, resultId: row.runResultId } : { saved: false, reason: "taken" };
  } catch (error) {
    logSaveFailure(error);
    await insertUsageEventAlone({ db, usage, cause: error });
    return { saved: false, reason: "failed" };
  }
}

/** The usage of an answer that could not be saved; its session is linked only if it still exists. */
async function insertUsageEventAlone({
  db,
  usage,
  cause,
}: {
  db: Db;
  usage: Omit<NewUsageEvent, "runResultId">;
  cause: unknown;
}): Promise<void> {
  try {
    const sessionId = usage.sessionId
      ? sql`(select id from ${sessions} where ${sessions.id} = ${usage.sessionId})`
      : null;
    await db
      .insert(usageEvents)
      .values({ ...usage, sessionId })
      .onConflictDoNothing({ target: usageEvents.callId });
  } catch (error) {
    throw dbError("save the answer's usage", new AggregateError([cause, error]));
  }
}
