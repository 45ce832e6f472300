import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { VotableResult } from "@/lib/evals/grade/pairs";
import { type Db, dbError, executeRows } from "../client";
import { type EvalVote, evalVotes, type NewEvalVote } from "../schema";

/** Saves a vote; null when this voter already voted on the pair (in either side order). */
export async function insertEvalVote({ db, vote }: { db: Db; vote: NewEvalVote }): Promise<EvalVote | null> {
  try {
    const [row] = await db.insert(evalVotes).values(vote).onConflictDoNothing().returning();
    return row ?? null;
  } catch (error) {
    throw dbError("save the vote", error);
  }
}

export async function listVotesBySet({ db, setId }: { db: Db; setId: string }): Promise<EvalVote[]> {
  try {
    return await db
      .select()
      .from(evalVotes)
      .where(eq(evalVotes.setId, setId))
      .orderBy(asc(evalVotes.createdAt));
  } catch (error) {
    throw dbError("read the set's votes", error);
  }
}

/** A run's votes; with `createdBy` given (null for anonymous), only that voter's. */
export async function listVotesForRun({
  db,
  runId,
  createdBy,
}: {
  db: Db;
  runId: string;
  createdBy?: string | null;
}): Promise<EvalVote[]> {
  try {
    const voter =
      createdBy === undefined
        ? undefined
        : createdBy === null
          ? isNull(evalVotes.createdBy)
          : eq(evalVotes.createdBy, createdBy);
    return await db
      .select()
      .from(evalVotes)
      .where(and(eq(evalVotes.runId, runId), voter))
      .orderBy(asc(evalVotes.createdAt));
  } catch (error) {
    throw dbError("read the run's votes", error);
  }
}

/** Every vote of every set, for the leaderboard across sets. */
export async function listVotesAcrossSets({ db }: { db: Db }): Promise<EvalVote[]> {
  try {
    return await db.select().from(evalVotes).orderBy(asc(evalVotes.createdAt));
  } catch (error) {
    throw dbError("read the votes", error);
  }
}

interface VotableRow {
  id: string | number;
  case_id: string;
  model_id: string;
  output: string;
  set_id: string;
  prompt: string;
  vars: Record<string, string> | null;
}

export interface VotableResultInRun extends VotableResult {
  setId: string;
  /** The case's prompt as written (a template) and its vars. */
  prompt: string;
  vars: Record<string, string> | null;
}

/**
 * The answers of a run that can be voted on, with the run's set. The eval tables belong to the
 * evals schema, so this reads them by name; it is the one place votes depend on their columns.
 */
export async function listVotableResultsByRun({
  db,
  runId,
}: {
  db: Db;
  runId: string;
}): Promise<VotableResultInRun[]> {
  try {
    const rows = await executeRows<VotableRow>(
      db,
      sql`select r.id, r.case_id, r.model_id, r.output, run.set_id, c.prompt, c.vars
          from eval_results r
          join eval_runs run on run.id = r.run_id
          join eval_cases c on c.id = r.case_id
          where r.run_id = ${runId} order by r.id`,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      caseId: row.case_id,
      modelId: row.model_id,
      output: row.output,
      setId: row.set_id,
      prompt: row.prompt,
      vars: row.vars,
    }));
  } catch (error) {
    throw dbError("read the run's answers", error);
  }
}
