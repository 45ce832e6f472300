import { and, asc, eq, isNull } from "drizzle-orm";
import type { VotableResult } from "@/lib/evals/grade/pairs";
import { type Db, dbError } from "../client";
import { type EvalVote, evalCases, evalResults, evalRuns, evalVotes, type NewEvalVote } from "../schema";

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

export interface VotableResultInRun extends VotableResult {
  setId: string;
  /** The case's prompt as written (a template) and its vars. */
  prompt: string;
  vars: Record<string, string> | null;
}

/** The answers of a run that can be voted on, with the run's set and each case's prompt and vars. */
export async function listVotableResultsByRun({
  db,
  runId,
}: {
  db: Db;
  runId: string;
}): Promise<VotableResultInRun[]> {
  try {
    return await db
      .select({
        id: evalResults.id,
        caseId: evalResults.caseId,
        modelId: evalResults.modelId,
        output: evalResults.output,
        setId: evalRuns.setId,
        prompt: evalCases.prompt,
        vars: evalCases.vars,
      })
      .from(evalResults)
      .innerJoin(evalRuns, eq(evalRuns.id, evalResults.runId))
      .innerJoin(evalCases, eq(evalCases.id, evalResults.caseId))
      .where(eq(evalResults.runId, runId))
      .orderBy(asc(evalResults.id));
  } catch (error) {
    throw dbError("read the run's answers", error);
  }
}
