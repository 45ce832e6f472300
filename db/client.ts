import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

/**
 * The one database module. With DATABASE_URL it talks to a Postgres server through postgres.js;
 * without it, it opens an embedded PGlite database on disk. Both run the same drizzle migrations.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbDriver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  location: string;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK_ID = 7_240_311;

export interface OpenDbOptions {
  /** A postgres:// URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  pgliteDir?: string;
  migrate?: boolean;
}

export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : await openPglite(options.pgliteDir ?? "./.data/pglite");
  if (options.migrate !== false) await runMigrations(handle);
  return handle;
}

function openPostgres(databaseUrl: string): DbHandle {
  // onnotice silences "relation already exists, skipping" chatter from idempotent migrations.
  const client = postgres(databaseUrl, { max: 10, onnotice: () => {}, prepare: true });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    location: redactUrl(databaseUrl),
    // Several app instances may start at once; a session advisory lock makes them migrate one at a time.
    migrate: async () => {
      const lockConnection = await client.reserve();
      try {
        await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
        lockConnection.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  if (dir.startsWith("memory://")) return pgliteHandle(await startPglite(new PGlite()), "memory", () => {});
  const location = path.resolve(dir);
  try {
    mkdirSync(location, { recursive: true });
  } catch (error) {
    throw unopenableFolder(location, error);
  }
  // Taken before PGlite touches the folder, so a second process never reads half-flushed pages.
  const lock = acquirePgliteLock(location);
  try {
    return pgliteHandle(await startPglite(new PGlite(location)), location, lock.release);
  } catch (error) {
    lock.release();
    throw unopenableFolder(location, error);
  }
}

function unopenableFolder(location: string, error: unknown): AppError {
  return new AppError(
    "unavailable:database",
    `The database folder ${location} could not be opened: ${(error as Error).message ?? error}. ` +
      "Restore it from a backup, or move it aside to start with an empty database.",
    { cause: error, details: { dir: location } },
  );
}

async function startPglite(client: PGlite): Promise<PGlite> {
  await client.waitReady;
  return client;
}

function pgliteHandle(client: PGlite, location: string, releaseLock: () => void): DbHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    location,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

export async function runMigrations(handle: DbHandle): Promise<void> {
  try {
    await handle.migrate();
  } catch (error) {
    throw new AppError("unavailable:database", `Database migration failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Never let credentials reach logs or the health route. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}

// One handle per server process: PGlite must not be opened twice, and dev reloads re-evaluate modules.
const globalForDb = globalThis as unknown as { __dbHandle?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__dbHandle) {
    const config = env();
    globalForDb.__dbHandle = openDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR }).catch(
      (error) => {
        globalForDb.__dbHandle = undefined;
        throw error;
      },
    );
  }
  return globalForDb.__dbHandle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Raw SQL rows; postgres.js returns an array while PGlite returns `{ rows }`. */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The one wrapper for database faults: a 503 that says what could not be done, without the
 * driver's text. Drizzle's message quotes the query parameters (prompts, answers), so the log
 * line carries only the action and the Postgres code and severity; the full error stays as cause.
 */
export function dbError(action: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error(`Database error while trying to ${action}:`, postgresFault(error));
  return new AppError(
    "unavailable:database",
    `Could not ${action}. The database did not answer as expected; try again.`,
    { cause: error },
  );
}

/** The Postgres error code and severity from the first error in the cause chain that has them. */
function postgresFault(error: unknown): { kind: string; code?: string; severity?: string } {
  const kind = error instanceof Error ? error.name : typeof error;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, severity } = current as { code?: unknown; severity?: unknown };
    if (typeof code === "string") {
      return { kind, code, ...(typeof severity === "string" ? { severity } : {}) };
    }
    current = current.cause;
  }
  return { kind };
}
