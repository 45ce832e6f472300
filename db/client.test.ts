import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { dbError, executeRows, openDb, redactUrl } from "./client";
import { readMigrationState } from "./queries/health";
import { scenarios, usageEvents } from "./schema";
import { forEachTestDatabase } from "./test-databases";

describe("redactUrl", () => {
  it("hides the password but keeps host and database", () => {
    const redacted = redactUrl("postgres://app:s3cret@db.internal:5432/llm");
    expect(redacted).not.toContain("s3cret");
    expect(redacted).toContain("db.internal:5432/llm");
  });
});

forEachTestDatabase((getHandle) => {
  it("applies every committed migration", async () => {
    const state = await readMigrationState({ db: getHandle().db });
    expect(state.pending).toEqual([]);
    expect(state.applied).toBe(state.available);
    expect(state.available).toBeGreaterThan(0);
  });

  it("keeps money to a trillionth of a dollar, and sums it exactly", async () => {
    const { db } = getHandle();
    const model = `money-${Math.random()}`;
    // A float column would store 0.1 + 0.2 as 0.30000000000000004, and a scale under 12 would drop the
    // trillionth that a one-token call on a cheap model costs.
    const costs = ["0.1", "0.2", "0.000000000001", "999999999999.999999999999"];
    await db
      .insert(usageEvents)
      .values(costs.map((costUsd) => ({ provider: "test", model, status: "ok", costUsd })));
    const rows = await db
      .select({ costUsd: usageEvents.costUsd })
      .from(usageEvents)
      .where(eq(usageEvents.model, model));
    expect(rows.map((row) => row.costUsd).sort()).toEqual(
      ["0.000000000001", "0.100000000000", "0.200000000000", "999999999999.999999999999"].sort(),
    );
    const [sum] = await executeRows<{ total: string }>(
      db,
      sql`select sum(cost_usd)::text as total from usage_events where model = ${model} and cost_usd < 1`,
    );
    expect(sum?.total).toBe("0.300000000001");
  });

  it("logs a failed query by its Postgres code, never by its parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failure = await getHandle()
        .db.insert(scenarios)
        .values({ name: "secret prompt\u0000text", state: {} })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failure).not.toBeNull();
      expect(String((failure as Error).message)).toContain("secret prompt");
      const error = dbError("save the scenario", failure);
      expect(error.status).toBe(503);
      const logged = JSON.stringify(log.mock.calls);
      expect(logged).not.toContain("secret prompt");
      expect(logged).toContain("save the scenario");
      expect(logged).toMatch(/"code":"[0-9A-Z]{5}"/);
    } finally {
      log.mockRestore();
    }
  });
});

describe("PGlite on disk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pglite-persist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates its folder and keeps data across restarts", async () => {
    const nested = path.join(dir, "nested", "data");
    const first = await openDb({ pgliteDir: nested });
    await first.db.insert(scenarios).values({ name: "kept", state: {} });
    await first.close();

    const second = await openDb({ pgliteDir: nested });
    const rows = await second.db.select().from(scenarios).where(eq(scenarios.name, "kept"));
    expect(rows).toHaveLength(1);
    const state = await readMigrationState({ db: second.db });
    expect(state.upToDate).toBe(true);
    await second.close();
  });
});

if (process.env.DATABASE_URL) {
  describe("Postgres migrations from several instances at once", () => {
    it("serialise behind the advisory lock and all succeed", async () => {
      const url = process.env.DATABASE_URL!;
      const handles = await Promise.all([1, 2, 3].map(() => openDb({ databaseUrl: url })));
      const states = await Promise.all(handles.map((handle) => readMigrationState({ db: handle.db })));
      expect(states.every((state) => state.upToDate)).toBe(true);
      await Promise.all(handles.map((handle) => handle.close()));
    });
  });
}
