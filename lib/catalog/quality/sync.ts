import type { Db } from "@/db/client";
import { listCatalogTables } from "@/db/queries/catalog";
import { DEFAULT_SYNC_TIMEOUT_MS, describeSourceFailures, readSourceText } from "@/lib/catalog/ingest/sync";
import { utcDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { buildQualityFile, type QualityInputs } from "./build";
import { applyQualityFile, planQualityRows } from "./store";

/** Where each leaderboard file is read from: http(s) URL, file: URL or local path. */
export type QualityLocations = Record<keyof QualityInputs, string>;

export interface QualitySyncOptions {
  db: Db;
  locations: QualityLocations;
  fetch?: typeof fetch;
  today?: string;
  timeoutMs?: number;
  dryRun?: boolean;
}

export interface QualitySyncReport {
  dryRun: boolean;
  scores: number;
  added: number | null;
  unmatched: string[];
}

/** A source's date: its Last-Modified header when it sends one, else the day it was read. */
function sourceDate(lastModified: string | null, today: string): string {
  const parsed = lastModified ? Date.parse(lastModified) : Number.NaN;
  return Number.isNaN(parsed) ? today : utcDay(parsed);
}

/**
 * Re-reads the leaderboards and appends what changed. Any unreadable source aborts before the
 * database is touched, so an offline sync leaves the scores as they were.
 */
export async function syncQuality(options: QualitySyncOptions): Promise<QualitySyncReport> {
  const today = options.today ?? utcDay(Date.now());
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const keys = Object.keys(options.locations) as (keyof QualityInputs)[];
  const reads = await Promise.all(
    keys.map((key) => readSourceText(key, options.locations[key], options.fetch ?? fetch, timeoutMs)),
  );
  const failures = reads.flatMap((read) => (read.ok ? [] : [read.failure]));
  if (failures.length > 0)
    throw new AppError("unavailable:catalog", describeSourceFailures(failures), { details: failures });
  const inputs = Object.fromEntries(
    keys.map((key, index) => {
      const read = reads[index];
      if (!read?.ok) throw new Error("unreachable: failures were handled above");
      return [key, { text: read.value.text, sourceDate: sourceDate(read.value.lastModified, today) }];
    }),
  ) as unknown as QualityInputs;
  let file: ReturnType<typeof buildQualityFile>;
  try {
    file = buildQualityFile(inputs);
  } catch (error) {
    throw new AppError(
      "unavailable:catalog",
      `Source unavailable: a leaderboard file has an unexpected shape (${(error as Error).message.slice(0, 300)}). The catalog was not changed.`,
      { cause: error },
    );
  }
  if (options.dryRun) {
    const tables = await listCatalogTables({ db: options.db });
    const plan = planQualityRows(file.scores, new Set(tables.offerings.map((o) => o.modelId)));
    return { dryRun: true, scores: plan.rows.length, added: null, unmatched: plan.unmatched };
  }
  const result = await applyQualityFile(options.db, file);
  return { dryRun: false, ...result };
}

export function describeQualitySync(report: QualitySyncReport): string {
  const added = report.added === null ? "dry run, nothing written" : `${report.added} new`;
  return [
    `Quality scores synced: ${report.scores} matched (${added}); ${report.unmatched.length} names match no catalog model:`,
    ...report.unmatched.map((name) => `  ${name}`),
  ].join("\n");
}
