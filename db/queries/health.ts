import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { type Db, executeRows, MIGRATIONS_FOLDER } from "../client";

export interface MigrationState {
  applied: number;
  available: number;
  pending: string[];
  latest: string | null;
  upToDate: boolean;
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function readJournal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
}

/** Compares the committed migration journal with what drizzle recorded in the database. */
export async function readMigrationState({ db }: { db: Db }): Promise<MigrationState> {
  const journal = readJournal();
  let appliedAt: number[];
  try {
    const rows = await executeRows<{ created_at: string | number }>(
      db,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
    );
    appliedAt = rows.map((row) => Number(row.created_at));
  } catch (error) {
    throw new AppError("unavailable:database", "Could not read the migration table.", { cause: error });
  }
  const applied = new Set(appliedAt);
  const pending = journal.entries.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
  const latestApplied = journal.entries.filter((entry) => applied.has(entry.when)).at(-1);
  return {
    applied: appliedAt.length,
    available: journal.entries.length,
    pending,
    latest: latestApplied?.tag ?? null,
    upToDate: pending.length === 0,
  };
}
