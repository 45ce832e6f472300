import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { type DbHandle, openDb } from "./client";

/**
 * Runs a db test suite against an in-memory PGlite always, and also against the Postgres server
 * named by DATABASE_URL when it is set (as CI does), so both drivers stay covered. Each suite gets
 * its own scratch database on that server, so test files running in parallel cannot see each other.
 */
export function forEachTestDatabase(suite: (getHandle: () => DbHandle) => void): void {
  const targets: { label: string; databaseUrl?: string }[] = [{ label: "pglite" }];
  if (process.env.DATABASE_URL) targets.push({ label: "postgres", databaseUrl: process.env.DATABASE_URL });

  for (const target of targets) {
    describe(`database: ${target.label}`, () => {
      let handle: DbHandle | undefined;
      let dropScratch: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        let databaseUrl = target.databaseUrl;
        if (databaseUrl) {
          const scratch = await createScratchDatabase(databaseUrl);
          databaseUrl = scratch.url;
          dropScratch = scratch.drop;
        }
        handle = await openDb({ databaseUrl, pgliteDir: "memory://" });
      }, 120_000);
      afterAll(async () => {
        await handle?.close();
        await dropScratch?.();
      });
      suite(() => {
        if (!handle) throw new Error("database not open");
        return handle;
      });
    });
  }
}

async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || "test"}_t${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}
