import { z } from "zod";
import { getDb } from "@/db/client";
import {
  insertEvalVote,
  listVotableResultsByRun,
  listVotesAcrossSets,
  listVotesBySet,
  listVotesForRun,
} from "@/db/queries/eval-votes";
import type { EvalVote } from "@/db/schema";
import { currentUserId } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { computeRatings, type ModelRating, VOTE_WINNERS } from "../ratings";
import { pickNextPair } from "./pairs";
import { renderTemplate } from "./template";

export const voteBodySchema = z.object({
  leftResultId: z.number({ error: "leftResultId must be an answer id" }).int().positive(),
  rightResultId: z.number({ error: "rightResultId must be an answer id" }).int().positive(),
  winner: z.enum(VOTE_WINNERS, { error: `winner must be one of ${VOTE_WINNERS.join(", ")}` }),
});
export type VoteBody = z.infer<typeof voteBodySchema>;

const idSchema = z.uuid();

export const parseSetId = (id: string) => parseId(id, "set");

function parseId(id: string, what: "run" | "set"): string {
  if (!idSchema.safeParse(id).success)
    throw new AppError("bad_request:evals", `"${id}" is not an eval ${what} id.`);
  return id;
}

/**
 * Records a blind vote. The answers must belong to the run and to the same case; model ids come
 * from the stored answers, never from the client. A second vote on the same pair is a 409.
 */
export async function castVote({
  runId: rawRunId,
  body,
  createdBy = null,
}: {
  runId: string;
  body: VoteBody;
  createdBy?: string | null;
}): Promise<{ vote: EvalVote; leftModelId: string; rightModelId: string }> {
  const runId = parseId(rawRunId, "run");
  const db = await getDb();
  const results = await listVotableResultsByRun({ db, runId });
  const left = results.find((result) => result.id === body.leftResultId);
  const right = results.find((result) => result.id === body.rightResultId);
  if (!left || !right) {
    throw new AppError("not_found:evals", "One of the two answers is not in this run. Reload the vote page.");
  }
  if (left.caseId !== right.caseId || left.modelId === right.modelId) {
    throw new AppError("bad_request:evals", "A vote compares two models' answers to the same case.");
  }
  const vote = await insertEvalVote({
    db,
    vote: {
      runId,
      setId: left.setId,
      caseId: left.caseId,
      leftResultId: left.id,
      rightResultId: right.id,
      leftModelId: left.modelId,
      rightModelId: right.modelId,
      winner: body.winner,
      createdBy,
    },
  });
  if (!vote) throw new AppError("conflict:evals", "You already voted on this pair; your first vote stands.");
  return { vote, leftModelId: left.modelId, rightModelId: right.modelId };
}

/** A pair as the vote screen gets it: answers without their models, which a vote reveals. */
export interface BlindPair {
  caseId: string;
  /** The case's prompt with its vars filled in (as written when a var is missing). */
  prompt: string;
  left: { id: number; output: string };
  right: { id: number; output: string };
  remaining: number;
}

/** How many votes the run has and the pair to vote on next (null when every pair has a vote). */
export async function readRunVotes(rawRunId: string): Promise<{ votes: number; next: BlindPair | null }> {
  const runId = parseId(rawRunId, "run");
  const db = await getDb();
  const [results, votes] = await Promise.all([
    listVotableResultsByRun({ db, runId }),
    listVotesForRun({ db, runId, createdBy: currentUserId() }),
  ]);
  const next = pickNextPair({ results, voted: votes, seed: runId });
  if (!next) return { votes: votes.length, next: null };
  const answer = results.find((result) => result.caseId === next.caseId);
  return {
    votes: votes.length,
    next: {
      caseId: next.caseId,
      prompt: answer ? shownPrompt(answer.prompt, answer.vars) : "",
      left: { id: next.left.id, output: next.left.output },
      right: { id: next.right.id, output: next.right.output },
      remaining: next.remaining,
    },
  };
}

function shownPrompt(template: string, vars: Record<string, string> | null): string {
  try {
    return renderTemplate(template, vars ?? undefined);
  } catch {
    return template;
  }
}

export interface Leaderboard {
  scope: "set" | "all";
  setId: string | null;
  ratings: ModelRating[];
  totalVotes: number;
  /** Votes that count in the ratings: every vote but "both bad". */
  ratedVotes: number;
  /** When the newest vote was cast: the ratings are as of then. Null without votes. */
  asOf: string | null;
  method: string;
}

const METHOD =
  "Bradley–Terry fit of blind pairwise votes (ties count half a win each; both-bad votes are not rated), one virtual tie against a 1000 reference per model, 95% intervals from 200 seeded bootstrap resamples.";

export async function readLeaderboard({
  setId: rawSetId,
  scope,
}: {
  setId: string;
  scope: "set" | "all";
}): Promise<Leaderboard> {
  const setId = scope === "all" ? null : parseId(rawSetId, "set");
  const db = await getDb();
  const votes = setId ? await listVotesBySet({ db, setId }) : await listVotesAcrossSets({ db });
  const newest = votes.at(-1)?.createdAt ?? null;
  return {
    scope,
    setId,
    ratings: computeRatings(votes),
    totalVotes: votes.length,
    ratedVotes: votes.filter((vote) => vote.winner !== "both_bad").length,
    asOf: newest ? newest.toISOString() : null,
    method: METHOD,
  };
}
