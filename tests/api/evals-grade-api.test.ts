import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// The real route handlers on a throwaway in-memory database.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const importRoute = await import("@/app/api/evals/[id]/import/route");
const leaderboardRoute = await import("@/app/api/evals/[id]/leaderboard/route");
const votesRoute = await import("@/app/api/evals/runs/[runId]/votes/route");
const runRoute = await import("@/app/api/evals/runs/[runId]/route");
const { getDb } = await import("@/db/client");
const { insertEvalVote } = await import("@/db/queries/eval-votes");
const { getEvalSetById, insertEvalSet } = await import("@/db/queries/evals");
const { insertSessionWithFirstRun } = await import("@/db/queries/sessions");
const { seedAnsweredRun } = await import("@/tests/support/eval-run");

const BASE = "http://test.local";
// The set every import appends to.
const SET_ID = (await insertEvalSet({ db: await getDb(), set: { name: "Imports" }, cases: [] })).id;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field by the assertions.
type Json = Record<string, any>;

async function call(response: Response | Promise<Response>) {
  const resolved = await response;
  return { status: resolved.status, body: (await resolved.json()) as Json };
}

const post = (url: string, body: unknown) =>
  new Request(`${BASE}${url}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

const importCases = (body: unknown, id = SET_ID) =>
  call(importRoute.POST(post(`/api/evals/${id}/import`, body), { params: Promise.resolve({ id }) }));
const leaderboard = (id: string, query = "") =>
  call(
    leaderboardRoute.GET(new Request(`${BASE}/api/evals/${id}/leaderboard${query}`), {
      params: Promise.resolve({ id }),
    }),
  );

describe("POST /api/evals/{id}/import", () => {
  it("returns the parsed cases of a CSV", async () => {
    const { status, body } = await importCases({
      format: "csv",
      text: "prompt,expected\nWhat is 2 + 2?,4\n",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ cases: [{ prompt: "What is 2 + 2?", expected: "4" }], count: 1 });
  });

  it("appends the imported cases after the set's own, as a new version", async () => {
    const db = await getDb();
    const set = await insertEvalSet({
      db,
      set: { name: "Append" },
      cases: [{ prompt: "Existing {{x}}", vars: { x: "one" }, expected: "1" }],
    });
    const { status, body } = await importCases(
      { format: "jsonl", text: '{"prompt":"Added a"}\n{"prompt":"Added b","expected":"b"}' },
      set.id,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ count: 2, set: { id: set.id, version: set.version + 1 } });
    const stored = await getEvalSetById({ db, id: set.id });
    expect(stored?.cases.map((item) => [item.position, item.prompt, item.vars, item.expected])).toEqual([
      [0, "Existing {{x}}", { x: "one" }, "1"],
      [1, "Added a", null, null],
      [2, "Added b", null, "b"],
    ]);
  });

  it("answers an import into a set that does not exist with a 404, saving nothing", async () => {
    const missing = randomUUID();
    const { status, body } = await importCases({ format: "jsonl", text: '{"prompt":"a"}' }, missing);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found:evals");
    expect(await getEvalSetById({ db: await getDb(), id: missing })).toBeNull();
  });

  it("answers a bad promptfoo file with a 400 naming the line", async () => {
    const text =
      "prompts: ['Hi {{name}}']\ntests:\n  - vars: {name: Ada}\n    assert:\n      - type: python\n";
    const { status, body } = await importCases({ format: "promptfoo", text });
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:evals");
    expect(body.error.message).toMatch(/^YAML line 3, assertion 1/);
  });

  it("imports the prompts of saved playground sessions", async () => {
    const db = await getDb();
    const sessionId = randomUUID();
    await insertSessionWithFirstRun({
      db,
      session: { id: sessionId, title: "Pricing", clientId: null },
      run: { id: randomUUID(), prompt: "Which model is cheapest?", system: "Be brief", params: {} },
    });
    const { status, body } = await importCases({ format: "sessions", sessionIds: [sessionId] });
    expect(status).toBe(200);
    expect(body.cases).toEqual([{ prompt: "Which model is cheapest?", system: "Be brief" }]);
    const stored = await getEvalSetById({ db, id: SET_ID });
    expect(stored?.cases.at(-1)).toMatchObject({ prompt: "Which model is cheapest?", system: "Be brief" });
  });

  it("answers an unknown format, a missing text and an unknown session with clear 4xx", async () => {
    expect((await importCases({ format: "xlsx", text: "x" })).status).toBe(400);
    const badSet = importRoute.POST(
      post("/api/evals/x/import", { format: "jsonl", text: '{"prompt":"a"}' }),
      {
        params: Promise.resolve({ id: "x" }),
      },
    );
    expect((await call(badSet)).body.error.message).toBe('"x" is not an eval set id.');
    expect((await importCases({ format: "jsonl" })).body.error.message).toMatch(/text/);
    expect((await importCases({ format: "sessions", sessionIds: [randomUUID()] })).status).toBe(404);
  });

  it("refuses more than 2,000 cases with a 413", async () => {
    const text = Array.from({ length: 2001 }, (_, index) => JSON.stringify({ prompt: `q${index}` })).join(
      "\n",
    );
    const { status, body } = await importCases({ format: "jsonl", text });
    expect(status).toBe(413);
    expect(body.error.code).toBe("payload_too_large:evals");
  });
});

describe("GET /api/evals/{id}/leaderboard", () => {
  it("rates the set's models from its votes, and every set's with scope=all", async () => {
    const db = await getDb();
    const cases = Array.from({ length: 6 }, (_, index) => ({ prompt: `Question ${index}` }));
    const rated = await seedAnsweredRun({ db, cases, models: ["m/a", "m/b"] });
    const setId = rated.set.id;
    for (let index = 0; index < 6; index++) {
      const winner = index < 4 ? "left" : index === 4 ? "right" : "both_bad";
      await insertEvalVote({
        db,
        vote: {
          runId: rated.run.id,
          setId,
          caseId: rated.caseIds[index] ?? "",
          leftResultId: rated.resultIds[`${index} m/a`] ?? 0,
          rightResultId: rated.resultIds[`${index} m/b`] ?? 0,
          leftModelId: "m/a",
          rightModelId: "m/b",
          winner,
        },
      });
    }
    const other = await seedAnsweredRun({ db, cases: cases.slice(0, 1), models: ["m/c", "m/b"] });
    await insertEvalVote({
      db,
      vote: {
        runId: other.run.id,
        setId: other.set.id,
        caseId: other.caseIds[0] ?? "",
        leftResultId: other.resultIds["0 m/c"] ?? 0,
        rightResultId: other.resultIds["0 m/b"] ?? 0,
        leftModelId: "m/c",
        rightModelId: "m/b",
        winner: "left",
      },
    });

    const { status, body } = await leaderboard(setId);
    expect(status).toBe(200);
    expect(body).toMatchObject({ scope: "set", setId, totalVotes: 6, ratedVotes: 5 });
    expect(body.asOf).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(
      body.ratings.map((rating: Json) => [rating.modelId, rating.wins, rating.losses, rating.bothBad]),
    ).toEqual([
      ["m/a", 4, 1, 1],
      ["m/b", 1, 4, 1],
    ]);
    const [best] = body.ratings;
    expect(best.ciLow).toBeLessThanOrEqual(best.rating);
    expect(best.ciHigh).toBeGreaterThanOrEqual(best.rating);

    const all = await leaderboard(setId, "?scope=all");
    expect(all.body.scope).toBe("all");
    expect(all.body.ratings.map((rating: Json) => rating.modelId).sort()).toEqual(["m/a", "m/b", "m/c"]);
  });

  it("answers a bad set id or scope with a 400", async () => {
    expect((await leaderboard("nope")).status).toBe(400);
    expect((await leaderboard(SET_ID, "?scope=team")).status).toBe(400);
  });

  it("has no ratings for a set without votes", async () => {
    expect((await leaderboard(randomUUID())).body).toMatchObject({ ratings: [], totalVotes: 0, asOf: null });
  });
});

/** A finished run of two cases on m/a and m/b; result ids are named "<case> <model>". */
async function seedRun() {
  const names = ["refund", "hello"];
  const seeded = await seedAnsweredRun({
    db: await getDb(),
    setName: "Support",
    cases: [
      { prompt: "Refund window for {{product}}?", vars: { product: "shoes" } },
      { prompt: "Say hello" },
    ],
    models: ["m/a", "m/b"],
    answer: (caseIndex) => `An answer about ${names[caseIndex]}`,
  });
  const ids: Record<string, number> = {};
  for (const [key, id] of Object.entries(seeded.resultIds)) {
    const [caseIndex, model] = key.split(" ");
    ids[`${names[Number(caseIndex)]} ${model}`] = id;
  }
  return { setId: seeded.set.id, runId: seeded.run.id, ids };
}

describe("POST /api/evals/runs/{runId}/votes", () => {
  const vote = (runId: string, body: unknown) =>
    call(
      votesRoute.POST(post(`/api/evals/runs/${runId}/votes`, body), { params: Promise.resolve({ runId }) }),
    );
  const nextPair = (runId: string) =>
    call(
      votesRoute.GET(new Request(`${BASE}/api/evals/runs/${runId}/votes`), {
        params: Promise.resolve({ runId }),
      }),
    );

  it("serves blind pairs, saves votes with the stored models, and refuses a second vote on a pair", async () => {
    const { setId, runId, ids } = await seedRun();
    const first = await nextPair(runId);
    expect(first.status).toBe(200);
    expect(first.body.votes).toBe(0);
    expect(first.body.next.remaining).toBe(2);
    // The case's vars are filled in, and nothing names a model before the vote.
    expect(first.body.next.prompt).toBe("Refund window for shoes?");
    expect(JSON.stringify(first.body.next)).not.toContain('"m/');

    const { left, right } = first.body.next;
    const saved = await vote(runId, { leftResultId: left.id, rightResultId: right.id, winner: "left" });
    expect(saved.status).toBe(201);
    const shownFirst = left.id === ids["refund m/a"] ? "m/a" : "m/b";
    expect(saved.body).toMatchObject({ leftModelId: shownFirst, vote: { setId, runId, winner: "left" } });

    const again = await vote(runId, { leftResultId: right.id, rightResultId: left.id, winner: "right" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict:evals");

    // The run's summary rates its models from the votes on its answers, as the set's leaderboard does.
    const run = await call(
      runRoute.GET(new Request(`${BASE}/api/evals/runs/${runId}`), { params: Promise.resolve({ runId }) }),
    );
    const board = await leaderboard(setId);
    const rated = Object.fromEntries(run.body.summary.map((item: Json) => [item.model, item.voteRating]));
    const shownSecond = shownFirst === "m/a" ? "m/b" : "m/a";
    expect(rated[shownFirst].rating).toBeGreaterThan(rated[shownSecond].rating);
    expect(rated[shownFirst]).toMatchObject({ wins: 1, losses: 0, ties: 0, bothBad: 0 });
    for (const { modelId, ...rating } of board.body.ratings) expect(rated[modelId]).toEqual(rating);

    const second = await nextPair(runId);
    expect(second.body).toMatchObject({ votes: 1, next: { remaining: 1, prompt: "Say hello" } });
    expect(new Set([second.body.next.left.id, second.body.next.right.id])).toEqual(
      new Set([ids["hello m/a"], ids["hello m/b"]]),
    );
  });

  it("refuses answers from two cases, two of one model, or outside the run", async () => {
    const { runId, ids } = await seedRun();
    const pairOf = (left: string, right: string, otherIds = ids) => ({
      leftResultId: ids[left],
      rightResultId: otherIds[right],
      winner: "tie",
    });
    expect((await vote(runId, pairOf("refund m/a", "hello m/b"))).status).toBe(400);
    expect((await vote(runId, pairOf("refund m/a", "hello m/a"))).status).toBe(400);
    const otherRun = await seedRun();
    expect((await vote(runId, pairOf("refund m/a", "refund m/b", otherRun.ids))).status).toBe(404);
  });

  it("answers a bad body or run id with a 400 before touching the database", async () => {
    const bad = await vote(randomUUID(), { leftResultId: 1, rightResultId: 2, winner: "draw" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/winner must be one of left, right, tie, both_bad/);
    expect((await vote("not-a-run", { leftResultId: 1, rightResultId: 2, winner: "tie" })).status).toBe(400);
  });
});
