import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { pickNextPair } from "@/lib/evals/grade/pairs";
import { computeRatings } from "@/lib/evals/ratings";
import type { NewEvalVote } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import { insertEvalVote, listVotesAcrossSets, listVotesBySet, listVotesForRun } from "./eval-votes";

const caseId = randomUUID();

function vote(runId: string, setId: string, fields: Partial<NewEvalVote> = {}): NewEvalVote {
  return {
    runId,
    setId,
    caseId,
    leftResultId: 1,
    rightResultId: 2,
    leftModelId: "openai/gpt-4o-mini",
    rightModelId: "anthropic/claude-haiku",
    winner: "left",
    ...fields,
  };
}

forEachTestDatabase((getHandle) => {
  it("saves a vote and lists it by set and by run", async () => {
    const { db } = getHandle();
    const [setId, runId, otherRun] = [randomUUID(), randomUUID(), randomUUID()];
    const saved = await insertEvalVote({ db, vote: vote(runId, setId) });
    expect(saved).toMatchObject({ runId, setId, winner: "left", createdBy: null, leftResultId: 1 });
    await insertEvalVote({
      db,
      vote: vote(otherRun, setId, { leftResultId: 7, rightResultId: 8, winner: "tie" }),
    });
    await insertEvalVote({ db, vote: vote(randomUUID(), randomUUID(), { winner: "both_bad" }) });

    expect((await listVotesBySet({ db, setId })).map((row) => row.winner)).toEqual(["left", "tie"]);
    expect((await listVotesForRun({ db, runId })).map((row) => row.id)).toEqual([saved?.id]);
    expect((await listVotesAcrossSets({ db })).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps one vote per pair and voter, whichever side each answer was on", async () => {
    const { db } = getHandle();
    const [setId, runId] = [randomUUID(), randomUUID()];
    expect(await insertEvalVote({ db, vote: vote(runId, setId) })).not.toBeNull();
    const swapped = vote(runId, setId, {
      leftResultId: 2,
      rightResultId: 1,
      leftModelId: "anthropic/claude-haiku",
      rightModelId: "openai/gpt-4o-mini",
      winner: "right",
    });
    expect(await insertEvalVote({ db, vote: swapped })).toBeNull();
    // Another voter may vote on the same pair.
    expect(await insertEvalVote({ db, vote: { ...swapped, createdBy: "ada" } })).not.toBeNull();
    expect(await listVotesForRun({ db, runId, createdBy: null })).toHaveLength(1);
    expect(await listVotesForRun({ db, runId, createdBy: "ada" })).toHaveLength(1);
    expect(await listVotesForRun({ db, runId })).toHaveLength(2);
  });

  it("refuses an unknown winner and a vote of an answer against itself", async () => {
    const { db } = getHandle();
    const [setId, runId] = [randomUUID(), randomUUID()];
    const badWinner = vote(runId, setId, { winner: "draw" as NewEvalVote["winner"] });
    await expect(insertEvalVote({ db, vote: badWinner })).rejects.toMatchObject({ status: 503 });
    await expect(
      insertEvalVote({ db, vote: vote(runId, setId, { rightResultId: 1 }) }),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(await listVotesForRun({ db, runId })).toEqual([]);
  });

  it("stored votes drive the next pair and the ratings", async () => {
    const { db } = getHandle();
    const [setId, runId] = [randomUUID(), randomUUID()];
    const results = [
      { id: 1, caseId, modelId: "openai/gpt-4o-mini", output: "Paris" },
      { id: 2, caseId, modelId: "anthropic/claude-haiku", output: "It is Paris." },
      { id: 3, caseId, modelId: "google/gemini-flash", output: "Lyon" },
    ];
    await insertEvalVote({ db, vote: vote(runId, setId) });
    const voted = await listVotesForRun({ db, runId, createdBy: null });
    const next = pickNextPair({ results, voted, seed: runId });
    expect(next?.remaining).toBe(2);
    expect([next?.left.id, next?.right.id]).toContain(3);
    const ratings = computeRatings(await listVotesBySet({ db, setId }), { bootstrapRounds: 0 });
    expect(ratings[0]?.modelId).toBe("openai/gpt-4o-mini");
  });
});
