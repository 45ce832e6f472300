import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { openDb } from "../client";
import { runResults, sessions, usageEvents } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  getSessionById,
  insertAnswersWithUsage,
  insertRun,
  insertSessionsWithFirstRuns,
  insertSessionWithFirstRun,
  listRunsWithResultsBySession,
  listSessions,
  saveRunResult,
} from "./sessions";

const measured = {
  inputTokens: 12,
  cachedInputTokens: 0,
  outputTokens: 7,
  reasoningTokens: 0,
  costUsd: "0.000006000000",
  ttftMs: 120,
  durationMs: 400,
  status: "ok" as const,
  simulated: false,
  estimated: false,
};

const answer = (runId: string, output: string) => ({
  ...measured,
  runId,
  modelId: "openai/gpt-4o-mini",
  output,
  errorCode: null,
  errorMessage: null,
});

const usage = (sessionId: string) => ({
  ...measured,
  provider: "openai",
  model: "openai/gpt-4o-mini",
  sessionId,
});

forEachTestDatabase((getHandle) => {
  it("writes a new session and its first run in one statement, as turn 0", async () => {
    const { db } = getHandle();
    const sessionId = randomUUID();
    const runId = randomUUID();
    await insertSessionWithFirstRun({
      db,
      session: { id: sessionId, title: "Compare prices", clientId: "unit" },
      run: { id: runId, prompt: "Compare prices", system: "Be brief", params: { temperature: 0.2 } },
    });
    expect((await getSessionById({ db, id: sessionId }))?.title).toBe("Compare prices");
    const [run] = await listRunsWithResultsBySession({ db, sessionId });
    expect(run).toMatchObject({ id: runId, turnIndex: 0, system: "Be brief", params: { temperature: 0.2 } });
    // A follow-up through the locking path takes the next turn.
    const next = await insertRun({ db, sessionId, prompt: "And now?", system: null, params: {} });
    expect(next.turnIndex).toBe(1);
  });

  it("replaces a model's earlier answer in a run, keeps every paid call, and marks the session used", async () => {
    const { db } = getHandle();
    const sessionId = randomUUID();
    const runId = randomUUID();
    await insertSessionWithFirstRun({
      db,
      session: { id: sessionId, title: "Retry", clientId: null },
      run: { id: runId, prompt: "Retry", system: null, params: {} },
    });
    const [before] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    const first = await saveRunResult({ db, result: answer(runId, "first try"), usage: usage(sessionId) });
    if (!first.saved) throw new Error("the first answer was not saved");
    await saveRunResult({
      db,
      result: answer(runId, "second try"),
      usage: usage(sessionId),
      replacesId: first.resultId,
    });

    const results = await db.select().from(runResults).where(eq(runResults.runId, runId));
    expect(results.map((row) => row.output)).toEqual(["second try"]);
    const events = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, sessionId));
    expect(events).toHaveLength(2);
    // The replaced answer's event stays as spend history, no longer linked to a deleted answer.
    expect(events.map((event) => event.runResultId).sort()).toEqual([null, results[0]?.id].sort());
    const [after] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
  });

  it("keeps the usage of an answer whose run was deleted, unlinked, and says the answer was not saved", async () => {
    const { db } = getHandle();
    const model = `openai/orphan-${randomUUID()}`;
    const saved = await saveRunResult({
      db,
      result: { ...answer(randomUUID(), "orphan"), modelId: model },
      usage: { ...usage(randomUUID()), model },
    });
    expect(saved).toEqual({ saved: false, reason: "failed" });
    const events = await db.select().from(usageEvents).where(eq(usageEvents.model, model));
    expect(events).toMatchObject([{ sessionId: null, runResultId: null, costUsd: measured.costUsd }]);
  });

  it("keeps one answer per model when several requests save it at once; every call's usage stays", async () => {
    const { db } = getHandle();
    const sessionId = randomUUID();
    const runId = randomUUID();
    await insertSessionWithFirstRun({
      db,
      session: { id: sessionId, title: "Race", clientId: null },
      run: { id: runId, prompt: "Race", system: null, params: {} },
    });
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        saveRunResult({ db, result: answer(runId, `writer ${n}`), usage: usage(sessionId) }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.saved)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.saved && outcome.reason === "taken")).toHaveLength(4);
    expect(await db.select().from(runResults).where(eq(runResults.runId, runId))).toHaveLength(1);
    expect(await db.select().from(usageEvents).where(eq(usageEvents.sessionId, sessionId))).toHaveLength(5);
  });

  it("writes several new sessions with their first runs, and several answers with their usage, together", async () => {
    const { db } = getHandle();
    const items = [1, 2, 3].map((n) => ({
      session: { id: randomUUID(), title: `Together ${n}`, clientId: null },
      run: { id: randomUUID(), prompt: `Prompt ${n}`, system: null, params: { n } },
    }));
    await insertSessionsWithFirstRuns({ db, items });
    for (const { session, run } of items) {
      const [stored] = await listRunsWithResultsBySession({ db, sessionId: session.id });
      expect(stored).toMatchObject({ id: run.id, turnIndex: 0, prompt: run.prompt, params: run.params });
    }
    const [one, two] = items;
    const past = new Date("2020-01-01T00:00:00Z");
    await db.update(sessions).set({ updatedAt: past }).where(eq(sessions.id, one!.session.id));
    // Two answers for the same pane in one batch: the first is kept, the second is "taken"; both paid.
    const outcomes = await insertAnswersWithUsage({
      db,
      items: [
        { result: answer(one!.run.id, "first"), usage: usage(one!.session.id) },
        { result: answer(one!.run.id, "second"), usage: usage(one!.session.id) },
        { result: answer(two!.run.id, "other run"), usage: usage(two!.session.id) },
        {
          result: { ...answer(two!.run.id, "other model"), modelId: "openai/gpt-4.1-mini" },
          usage: usage(two!.session.id),
        },
      ],
    });
    expect(outcomes.map((outcome) => outcome.saved)).toEqual([true, false, true, true]);
    expect(outcomes[1]).toEqual({ saved: false, reason: "taken" });
    const kept = await db.select().from(runResults).where(eq(runResults.runId, one!.run.id));
    expect(kept.map((row) => row.output)).toEqual(["first"]);
    expect(outcomes[0]).toEqual({ saved: true, resultId: kept[0]?.id });
    const events = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, one!.session.id));
    expect(events.map((event) => event.runResultId).sort()).toEqual([kept[0]?.id, null].sort());
    const [after] = await db.select().from(sessions).where(eq(sessions.id, one!.session.id));
    expect(after!.updatedAt.getTime()).toBeGreaterThan(past.getTime());
    // Answers saved together keep the order they were saved in (the history lists them by time).
    const [twoRun] = await listRunsWithResultsBySession({ db, sessionId: two!.session.id });
    expect(twoRun?.results.map((result) => result.output)).toEqual(["other run", "other model"]);
    // A batch with an answer whose session is gone fails whole, so that each can be written alone.
    const lost = randomUUID();
    await expect(
      insertAnswersWithUsage({
        db,
        items: [
          { result: answer(two!.run.id, "late"), usage: usage(two!.session.id) },
          { result: answer(randomUUID(), "orphan"), usage: usage(lost) },
        ],
      }),
    ).rejects.toThrow(/save the answers/);
    // Nothing of the failed batch was kept: run two still has its two answers' usage only.
    expect(
      await db.select().from(usageEvents).where(eq(usageEvents.sessionId, two!.session.id)),
    ).toHaveLength(2);
  });

  it("finds a batch already saved when it is written again item by item after its reply was lost", async () => {
    const { db } = getHandle();
    // As the playground's group commit makes them: ids made before the write, one call id per usage.
    const items = [1, 2].map((n) => ({
      session: { id: randomUUID(), title: `Replayed ${n}`, clientId: "c1" },
      run: { id: randomUUID(), prompt: `Prompt ${n}`, system: null, params: {} },
    }));
    await insertSessionsWithFirstRuns({ db, items });
    // The COMMIT went through but its answer was lost: each is written again alone, and succeeds.
    for (const item of items) await insertSessionWithFirstRun({ db, ...item });
    for (const { session } of items)
      expect(await listRunsWithResultsBySession({ db, sessionId: session.id })).toHaveLength(1);
    // A run id that is another session's is still refused, and leaves no empty session behind.
    const [one, two] = items;
    const thief = { id: randomUUID(), title: "Thief", clientId: "c2" };
    await expect(
      insertSessionWithFirstRun({ db, session: thief, run: { ...one!.run, prompt: "mine now" } }),
    ).rejects.toThrow(/save the run/);
    expect(await getSessionById({ db, id: thief.id })).toBeNull();

    const answers = [one!, two!].map(({ session, run }) => ({
      result: { ...answer(run.id, `answer of ${run.id}`), id: randomUUID() },
      usage: { ...usage(session.id), callId: randomUUID() },
    }));
    const first = await insertAnswersWithUsage({ db, items: answers });
    const [before] = await db.select().from(runResults).where(eq(runResults.id, answers[0]!.result.id));
    const again = [];
    for (const item of answers) again.push(await saveRunResult({ db, ...item }));
    // Saved, under the same ids, at the same time, and each call paid for once.
    expect(again).toEqual(first);
    expect(again).toEqual(answers.map(({ result }) => ({ saved: true, resultId: result.id })));
    const [after] = await db.select().from(runResults).where(eq(runResults.id, answers[0]!.result.id));
    expect(after?.createdAt.getTime()).toBe(before?.createdAt.getTime());
    for (const { session } of items) {
      const events = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, session.id));
      expect(events).toHaveLength(1);
      expect(events[0]?.runResultId).not.toBeNull();
    }
  });

  it("pages sessions that share one updated_at by id, with no row twice or missed", async () => {
    const db = getHandle().db;
    const title = `Paging ${randomUUID()}`;
    await db.insert(sessions).values(Array.from({ length: 5 }, () => ({ title, clientId: null })));
    const ids: string[] = [];
    let after: Parameters<typeof listSessions>[0]["after"];
    do {
      const page = await listSessions({ db, q: title, limit: 2, after });
      ids.push(...page.sessions.map((session) => session.id));
      after = page.next ?? undefined;
    } while (after);
    expect(ids).toHaveLength(5);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});

describe("an answer saved alone whose reply is lost after it committed", () => {
  it("is written once more and found saved, its call recorded once; a write that fails twice is reported failed", async () => {
    // The embedded driver, whose client the test can cut between the commit and the reply.
    const { db, close } = await openDb({ pgliteDir: "memory://" });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } })
        .$client;
      const query = client.query.bind(client);
      let cut = 0;
      client.query = async (...args: unknown[]) => {
        const reply = await query(...args);
        if (cut > 0 && /insert into "usage_events"/.test(String(args[0]))) {
          cut -= 1;
          throw Object.assign(new Error("Failed query"), { cause: new Error("connection lost") });
        }
        return reply;
      };
      const session = { id: randomUUID(), title: "Lost reply", clientId: "c1" };
      const run = { id: randomUUID(), prompt: "Prompt", system: null, params: {} };
      await insertSessionWithFirstRun({ db, session, run });
      const item = {
        result: { ...answer(run.id, "the answer"), id: randomUUID() },
        usage: { ...usage(session.id), callId: randomUUID() },
      };

      cut = 1;
      expect(await saveRunResult({ db, ...item })).toEqual({ saved: true, resultId: item.result.id });
      expect(cut).toBe(0);
      const events = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, session.id));
      expect(events.map((event) => event.runResultId)).toEqual([item.result.id]);

      // Cut twice: it is reported failed, and nothing is recorded twice.
      const other = {
        result: {
          ...answer(run.id, "another model"),
          modelId: "anthropic/claude-3-5-haiku",
          id: randomUUID(),
        },
        usage: { ...usage(session.id), callId: randomUUID() },
      };
      cut = 2;
      expect(await saveRunResult({ db, ...other })).toEqual({ saved: false, reason: "failed" });
      const after = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, session.id));
      expect(after).toHaveLength(2);
    } finally {
      errors.mockRestore();
      await close();
    }
  });
});
