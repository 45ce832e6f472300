import { afterAll, beforeAll, describe } from "vitest";
import { type DbHandle, openDb } from "./client";

/**
 * Runs a db test suite against an in-memory PGlite always, and also against the Postgres server
 * named by DATABASE_URL when it is set (as CI does), so both drivers stay covered.
 */
export function forEachTestDatabase(suite: (getHandle: () => DbHandle) => void): void {
  const targets: { label: string; databaseUrl?: string }[] = [{ label: "pglite" }];
  if (process.env.DATABASE_URL) targets.push({ label: "postgres", databaseUrl: process.env.DATABASE_URL });

  for (const target of targets) {
    describe(`database: ${target.label}`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await openDb({ databaseUrl: target.databaseUrl, pgliteDir: "memory://" });
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("database not open");
        return handle;
      });
    });
  }
}
