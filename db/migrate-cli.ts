import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type DbHandle, openDb } from "./client";
import { readMigrationState } from "./queries/health";

const config = env();
let handle: DbHandle;
try {
  handle = await openDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
} catch (error) {
  // A locked or unreadable folder is the person's to fix, so print the advice, not a stack trace.
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const state = await readMigrationState({ db: handle.db });
console.log(
  `Migrated ${handle.driver} database at ${handle.location}: ${state.applied}/${state.available} migrations applied (latest: ${state.latest ?? "none"}).`,
);
await handle.close();
