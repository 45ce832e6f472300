import { env } from "@/lib/env";
import { openDb } from "./client";
import { readMigrationState } from "./queries/health";

const config = env();
const handle = await openDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
const state = await readMigrationState({ db: handle.db });
console.log(
  `Migrated ${handle.driver} database at ${handle.location}: ${state.applied}/${state.available} migrations applied (latest: ${state.latest ?? "none"}).`,
);
await handle.close();
