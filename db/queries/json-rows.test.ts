import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { evalResults, usageEvents } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import { getEvalSetById, insertEvalRunWithJobs, insertEvalSet } from "./evals";
import { insertRowsAsJson } from "./json-rows";

forEachTestDatabase((getHandle) => {
  it("writes what drizzle's insert would: defaults for missing keys, exact decimals, json values, in order", async () => {
    const { db } = getHandle();
    const callIds = [randomUUID(), randomUUID(), randomUUID()];
    const returned = await insertRowsAsJson<{ callId: string }>(
      db,
      usageEvents,
      [
        // Two rows with the same keys, and one that leaves the token counts and the source to their defaults.
        {
          provider: "p",
          model: "p/a",
          status: "ok",
          inputTokens: 7,
          outputTokens: 3,
          costUsd: "0.000000123456",
          callId: callIds[0],
          source: "eval",
        },
        {
          provider: "p",
          model: "p/b",
          status: "ok",
          inputTokens: 1,
          outputTokens: 2,
          costUsd: null,
          callId: callIds[1],
          source: "eval",
        },
        {
          provider: "p",
          model: "p/c",
          status: "error",
          callId: callIds[2],
          occurredAt: new Date("2026-12-01T10:00:00.000Z"),
        },
      ],
      { tail: sql`on conflict (call_id) do nothing`, returning: { callId: usageEvents.callId } },
    );
    expect(returned.map((row) => row.callId).sort()).toEqual([...callIds].sort());
    const stored = await db
      .select()
      .from(usageEvents)
      .where(
        sql`${usageEvents.callId} in (${sql.join(
          callIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
      .orderBy(asc(usageEvents.model));
    expect(
      stored.map((row) => [row.model, row.inputTokens, row.outputTokens, row.costUsd, row.source]),
    ).toEqual([
      ["p/a", 7, 3, "0.000000123456", "eval"],
      ["p/b", 1, 2, null, "eval"],
      ["p/c", 0, 0, null, "playground"],
    ]);
    expect(stored[2]?.occurredAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(Date.now() - (stored[0]?.occurredAt.getTime() ?? 0)).toBeLessThan(60_000);

    // The same call again is skipped by the conflict clause, and nothing comes back for it.
    const again = await insertRowsAsJson<{ callId: string }>(
      db,
      usageEvents,
      [{ provider: "p", model: "p/a", status: "ok", callId: callIds[0] }],
      { tail: sql`on conflict (call_id) do nothing`, returning: { callId: usageEvents.callId } },
    );
    expect(again).toEqual([]);
  });

  it("keeps the first of two rows for one key, stores json as json, and makes text storable", async () => {
    const { db } = getHandle();
    const set = await insertEvalSet({ db, set: { name: "json rows" }, cases: [{ prompt: "Case" }] });
    const stored = await getEvalSetById({ db, id: set.id });
    const caseId = stored?.cases[0]?.id as string;
    const run = await insertEvalRunWithJobs({
      db,
      run: { setId: set.id, setVersion: 1, models: ["p/a"], maxOutputTokens: 64 },
      caseIds: [caseId],
      providers: { "p/a": "p" },
    });
    const base = { runId: run.id, caseId, modelId: "p/a", status: "ok" };
    const inserted = await insertRowsAsJson<{ output: string }>(
      db,
      evalResults,
      [
        {
          ...base,
          output: "first \u0000answer \ud800",
          assertions: [{ type: "contains", pass: true, reason: 'quote " and \\ kept' }],
          judge: { verdict: "pass", score: 0.5 },
        },
        { ...base, output: "second answer" },
      ],
      { tail: sql`on conflict do nothing`, returning: { output: evalResults.output } },
    );
    expect(inserted).toEqual([{ output: "first answer \ufffd" }]);
    const [row] = await db.select().from(evalResults).where(eq(evalResults.runId, run.id));
    expect(row?.assertions).toEqual([{ type: "contains", pass: true, reason: 'quote " and \\ kept' }]);
    expect(row?.judge).toEqual({ verdict: "pass", score: 0.5 });
    expect(row?.simulated).toBe(false);
  });

  it("keeps the rows' order when their keys differ, so the earlier of two rows for one key is kept", async () => {
    const { db } = getHandle();
    const set = await insertEvalSet({ db, set: { name: "json rows order" }, cases: [{ prompt: "Case" }] });
    const caseId = (await getEvalSetById({ db, id: set.id }))?.cases[0]?.id as string;
    const run = await insertEvalRunWithJobs({
      db,
      run: { setId: set.id, setVersion: 1, models: ["p/a", "p/b"], maxOutputTokens: 64 },
      caseIds: [caseId],
      providers: { "p/a": "p", "p/b": "p" },
    });
    const full = { runId: run.id, caseId, status: "ok", ttftMs: 12, assertions: [] };
    const inserted = await insertRowsAsJson<{ modelId: string; status: string }>(
      db,
      evalResults,
      [
        { ...full, modelId: "p/b", output: "b" },
        // The same case and model twice in one batch: a short error row, then a full answer.
        { runId: run.id, caseId, modelId: "p/a", status: "error", errorMessage: "gave up" },
        { ...full, modelId: "p/a", output: "a" },
      ],
      {
        tail: sql`on conflict do nothing`,
        returning: { modelId: evalResults.modelId, status: evalResults.status },
      },
    );
    expect(inserted).toEqual([
      { modelId: "p/b", status: "ok" },
      { modelId: "p/a", status: "error" },
    ]);
    const stored = await db
      .select({ modelId: evalResults.modelId, status: evalResults.status, output: evalResults.output })
      .from(evalResults)
      .where(eq(evalResults.runId, run.id))
      .orderBy(asc(evalResults.id));
    expect(stored).toEqual([
      { modelId: "p/b", status: "ok", output: "b" },
      { modelId: "p/a", status: "error", output: "" },
    ]);
    // A number JSON cannot hold fails the write rather than being stored as null.
    await expect(
      insertRowsAsJson(db, usageEvents, [{ provider: "p", model: "p/a", status: "ok", ttftMs: Number.NaN }]),
    ).rejects.toThrow("Cannot store the number NaN");
  });
});
