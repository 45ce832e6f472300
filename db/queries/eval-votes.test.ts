import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { pickNextPair } from "@/lib/evals/grade/pairs";
import { computeRatings } from "@/lib/evals/ratings";
import { seedAnsweredRun } from "@/tests/support/eval-run";
import type { Db } from "../client";
import { authUsers, type NewEvalVote } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  insertEvalVote,
  listVotableResultsByRun,
  listVotesAcrossSets,
  listVotesBySet,
  listVotesForRun,
} from "./eval-votes";

const [MINI, HAIKU, FLASH] = ["openai/gpt-4o-mini", "anthropic/claude-haiku", "google/gemini-flash"];
const CASES = [
  { prompt: "Capital of {{country}}?", vars: { country: "France" } },
  { prompt: "Say hello", vars: null },
];

type Seeded = Awaited<ReturnType<typeof seedAnsweredRun>>;

const seed = (db: Db, fields: Partial<Parameters<typeof seedAnsweredRun>[0]> = {}) =>
  seedAnsweredRun({ db, cases: CASES, models: [MINI, HAIKU], ...fields });

/** A vote on case `caseIndex` of a seeded run, MINI's answer on the left and HAIKU's on the right. */
function vote(seeded: Seeded, caseIndex = 0, fields: Partial<NewEvalVote> = {}): NewEvalVote {
  return {
    runId: seeded.run.id,
    setId: seeded.set.id,
    caseId: seeded.caseIds[caseIndex] ?? "",
    leftResultId: seeded.resultIds[`${caseIndex} ${MINI}`] ?? 0,
    rightResultId: seeded.resultIds[`${caseIndex} ${HAIKU}`] ?? 0,
    leftModelId: MINI,
    rightModelId: HAIKU,
    winner: "left",
    ...fields,
  };
}

forEachTestDatabase((getHandle) => {
  it("saves a vote and lists it by set and by run", async () => {
    const { db } = getHandle();
    const seeded = await seed(db);
    const rerun = await seed(db, { existingSet: seeded.set });
    const elsewhere = await seed(db);
    const saved = await insertEvalVote({ db, vote: vote(seeded) });
    expect(saved).toMatchObject({
      runId: seeded.run.id,
      setId: seeded.set.id,
      winner: "left",
      createdBy: null,
      leftResultId: seeded.resultIds[`0 ${MINI}`],
    });
    await insertEvalVote({ db, vote: vote(rerun, 1, { winner: "tie" }) });
    await insertEvalVote({ db, vote: vote(elsewhere, 0, { winner: "both_bad" }) });

    expect((await listVotesBySet({ db, setId: seeded.set.id })).map((row) => row.winner)).toEqual([
      "left",
      "tie",
    ]);
    expect((await listVotesForRun({ db, runId: seeded.run.id })).map((row) => row.id)).toEqual([saved?.id]);
    expect((await listVotesAcrossSets({ db })).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps one vote per pair and voter, whichever side each answer was on", async () => {
    const { db } = getHandle();
    const seeded = await seed(db);
    const runId = seeded.run.id;
    expect(await insertEvalVote({ db, vote: vote(seeded) })).not.toBeNull();
    const swapped = vote(seeded, 0, {
      leftResultId: seeded.resultIds[`0 ${HAIKU}`],
      rightResultId: seeded.resultIds[`0 ${MINI}`],
      leftModelId: HAIKU,
      rightModelId: MINI,
      winner: "right",
    });
    expect(await insertEvalVote({ db, vote: swapped })).toBeNull();
    // Another (signed-in) voter may vote on the same pair.
    const voterId = `ada-${randomUUID()}`;
    await db.insert(authUsers).values({ id: voterId, name: "Ada", email: `${voterId}@example.com` });
    expect(await insertEvalVote({ db, vote: { ...swapped, createdBy: voterId } })).not.toBeNull();
    expect(await listVotesForRun({ db, runId, createdBy: null })).toHaveLength(1);
    expect(await listVotesForRun({ db, runId, createdBy: voterId })).toHaveLength(1);
    expect(await listVotesForRun({ db, runId })).toHaveLength(2);
  });

  it("refuses an unknown winner, an answer against itself and an answer that does not exist", async () => {
    const { db } = getHandle();
    const seeded = await seed(db);
    const badWinner = vote(seeded, 0, { winner: "draw" as NewEvalVote["winner"] });
    await expect(insertEvalVote({ db, vote: badWinner })).rejects.toMatchObject({ status: 503 });
    const itself = vote(seeded, 0, { rightResultId: seeded.resultIds[`0 ${MINI}`] });
    await expect(insertEvalVote({ db, vote: itself })).rejects.toMatchObject({ status: 503 });
    const unknown = vote(seeded, 0, { rightResultId: 9_999_999 });
    await expect(insertEvalVote({ db, vote: unknown })).rejects.toMatchObject({ status: 503 });
    expect(await listVotesForRun({ db, runId: seeded.run.id })).toEqual([]);
  });

  it("lists a run's answers with its set, each case's prompt and vars", async () => {
    const { db } = getHandle();
    const seeded = await seed(db);
    const rows = await listVotableResultsByRun({ db, runId: seeded.run.id });
    expect(rows.map((row) => row.id)).toEqual(Object.values(seeded.resultIds).sort((a, b) => a - b));
    expect(rows.find((row) => row.id === seeded.resultIds[`0 ${HAIKU}`])).toEqual({
      id: seeded.resultIds[`0 ${HAIKU}`],
      caseId: seeded.caseIds[0],
      modelId: HAIKU,
      output: `Answer 0 from ${HAIKU}`,
      setId: seeded.set.id,
      prompt: "Capital of {{country}}?",
      vars: { country: "France" },
    });
    expect(await listVotableResultsByRun({ db, runId: randomUUID() })).toEqual([]);
  });

  it("stored votes drive the next pair and the ratings", async () => {
    const { db } = getHandle();
    const seeded = await seed(db, { cases: CASES.slice(0, 1), models: [MINI, HAIKU, FLASH] });
    await insertEvalVote({ db, vote: vote(seeded) });
    const results = await listVotableResultsByRun({ db, runId: seeded.run.id });
    const voted = await listVotesForRun({ db, runId: seeded.run.id, createdBy: null });
    const next = pickNextPair({ results, voted, seed: seeded.run.id });
    expect(next?.remaining).toBe(2);
    expect([next?.left.id, next?.right.id]).toContain(seeded.resultIds[`0 ${FLASH}`]);
    const ratings = computeRatings(await listVotesBySet({ db, setId: seeded.set.id }), {
      bootstrapRounds: 0,
    });
    expect(ratings[0]?.modelId).toBe(MINI);
  });
});
