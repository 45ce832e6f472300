import { getDbHandle } from "@/db/client";
import { type MigrationState, readMigrationState } from "@/db/queries/health";
import { type StreamingReport, streamingReport } from "./playground/streaming-report";
import { APP_VERSION } from "./version";

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  db: { driver: "pglite" | "postgres"; migrations: MigrationState };
  streaming: StreamingReport;
}

export async function getHealth(): Promise<HealthReport> {
  const handle = await getDbHandle();
  const migrations = await readMigrationState({ db: handle.db });
  return {
    status: migrations.upToDate ? "ok" : "degraded",
    version: APP_VERSION,
    db: { driver: handle.driver, migrations },
    streaming: streamingReport(),
  };
}
