import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Provider, updatePrices, waitForUpdate } from "@pydantic/genai-prices";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listCatalogTables } from "@/db/queries/catalog";
import { buildSnapshot } from "@/lib/catalog/ingest/build-snapshot";
import { loadGenaiPricesData } from "@/lib/catalog/ingest/sources/genai-prices";
import type { ModelsDevData } from "@/lib/catalog/ingest/sources/models-dev";
import type { SourceId } from "@/lib/catalog/schema";
import { applySnapshot, planCatalogWrite, readExistingCatalog } from "@/lib/catalog/store/load";
import { utcDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";

/**
 * `catalog:sync`: fetches the live models.dev and genai-prices catalogs, builds a snapshot through
 * the same buildSnapshot path as the bundled one, and applies it (append-only history). Any source
 * failure aborts before the database is touched, so an offline sync never half-applies.
 */

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

export interface SyncOptions {
  db: Db;
  fetch?: typeof fetch;
  /** http(s) URL, file: URL or local path of models.dev `api.json`. */
  modelsDevUrl: string;
  /** http(s) URL, file: URL or local path of genai-prices `data.json` (the format the package bundles). */
  genaiPricesUrl: string;
  /** The day whose prices count as current (YYYY-MM-DD, UTC); defaults to today. */
  today?: string;
  timeoutMs?: number;
  /** Computes the diff without writing anything. */
  dryRun?: boolean;
}

export interface SyncedSource {
  id: SourceId;
  location: string;
  /** Live data has no package version; a content hash tells two fetches apart. */
  version: string;
  bytes: number;
  lastModified: string | null;
  asOf: string;
}

export interface SyncReport {
  applied: boolean;
  dryRun: boolean;
  asOf: string;
  generatedAt: string;
  offerings: number;
  newOfferings: string[];
  removedOfferings: string[];
  changedPrices: string[];
  /** On a dry run: the observations a real run would append. */
  observationsAdded: number;
  sources: SyncedSource[];
}

export type SourceFailureKind = "network" | "timeout" | "http" | "json" | "shape" | "file";

export interface SourceFailure {
  /** A price source id, or a quality leaderboard id. */
  source: string;
  location: string;
  kind: SourceFailureKind;
  reason: string;
}

/** True for the error syncCatalog throws when a source could not be read; the db is then unchanged. */
export function isSourceUnavailable(error: unknown): error is AppError & { details: SourceFailure[] } {
  return error instanceof AppError && error.code === "unavailable:catalog" && Array.isArray(error.details);
}

/** Source reads return their failure instead of throwing, so both sources can be reported at once. */
export type SourceRead<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

const modelsDevSchema = z
  .record(
    z.string(),
    z.looseObject({
      id: z.string(),
      name: z.string(),
      models: z.record(z.string(), z.looseObject({ id: z.string(), name: z.string().optional() })),
    }),
  )
  // An empty catalog would mark every offering removed; that is an outage, not news.
  .refine((data) => Object.values(data).some((provider) => Object.keys(provider.models).length > 0), {
    message: "no models listed",
  });

const genaiPricesSchema = z
  .array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      models: z.array(
        z.looseObject({
          id: z.string(),
          match: z.record(z.string(), z.unknown()),
          prices: z.union([
            z.record(z.string(), z.unknown()),
            z.array(z.looseObject({ prices: z.record(z.string(), z.unknown()) })),
          ]),
        }),
      ),
    }),
  )
  .refine((providers) => providers.some((provider) => provider.models.length > 0), {
    message: "no models listed",
  });

function shapeReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unexpected shape";
  const path = issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("");
  return `unexpected shape at ${path.replace(/^\./, "") || "(root)"}: ${issue.message}`;
}

function networkReason(error: unknown, timeoutMs: number): { kind: SourceFailureKind; reason: string } {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError") return { kind: "timeout", reason: `timed out after ${timeoutMs} ms` };
  // undici reports "fetch failed" and keeps the socket error as the cause.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === "ECONNREFUSED") return { kind: "network", reason: "connection refused" };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return { kind: "network", reason: "DNS lookup failed: host not found" };
  if (code === "ECONNRESET") return { kind: "network", reason: "connection reset" };
  const message = cause?.message ?? (error as Error).message ?? String(error);
  return { kind: "network", reason: code ? `${message} (${code})` : message };
}

interface RawSource {
  json: unknown;
  bytes: number;
  version: string;
  lastModified: string | null;
}

export interface RawText {
  text: string;
  bytes: number;
  version: string;
  lastModified: string | null;
}

/** Reads an http(s) URL, file: URL or local path; failures come back as values, never thrown. */
export async function readSourceText(
  source: string,
  location: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<SourceRead<RawText>> {
  const fail = (kind: SourceFailureKind, reason: string) =>
    ({ ok: false, failure: { source, location, kind, reason } }) as const;
  let text: string;
  let lastModified: string | null = null;
  if (/^https?:\/\//i.test(location)) {
    let response: Response;
    try {
      // The signal also bounds reading the body, so a stalled transfer times out too.
      response = await fetchImpl(location, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/json, text/yaml, */*" },
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return fail("http", `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
      }
      lastModified = response.headers.get("last-modified") ?? response.headers.get("etag");
      text = await response.text();
    } catch (error) {
      const { kind, reason } = networkReason(error, timeoutMs);
      return fail(kind, reason);
    }
  } else {
    const path = location.startsWith("file:") ? fileURLToPath(location) : location;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      return fail("file", `cannot read ${path}: ${(error as Error).message}`);
    }
  }
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return {
    ok: true,
    value: { text, bytes: Buffer.byteLength(text), version: `sha256:${hash}`, lastModified },
  };
}

async function readSource(
  source: SourceId,
  location: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<SourceRead<RawSource>> {
  const read = await readSourceText(source, location, fetchImpl, timeoutMs);
  if (!read.ok) return read;
  const { text, ...rest } = read.value;
  try {
    return { ok: true, value: { json: JSON.parse(text), ...rest } };
  } catch (error) {
    return {
      ok: false,
      failure: { source, location, kind: "json", reason: `invalid JSON: ${(error as Error).message}` },
    };
  }
}

/**
 * The published data.json writes date constraints without the `type` tag that the bundled copy
 * carries; the package adds it when data is loaded through `updatePrices`. Going through the same
 * call keeps one normalizer. The package's active data is restored before returning, synchronously,
 * so calcPrice elsewhere in the process never sees the fetched data.
 */
async function toGenaiProviders(raw: unknown): Promise<Provider[]> {
  const active = await loadGenaiPricesData();
  let normalized: Promise<Provider[] | null> | undefined;
  updatePrices(({ setProviderData }) => {
    try {
      setProviderData(raw as Provider[]);
      normalized = waitForUpdate();
    } finally {
      setProviderData(active);
    }
  });
  const providers = await normalized;
  if (!providers) throw new Error("@pydantic/genai-prices accepted no provider data");
  return providers;
}

async function readModelsDev(
  options: SyncOptions,
  timeoutMs: number,
): Promise<SourceRead<RawSource & { data: ModelsDevData }>> {
  const location = options.modelsDevUrl;
  const read = await readSource("models.dev", location, options.fetch ?? fetch, timeoutMs);
  if (!read.ok) return read;
  const parsed = modelsDevSchema.safeParse(read.value.json);
  if (!parsed.success) {
    const reason = shapeReason(parsed.error);
    return { ok: false, failure: { source: "models.dev", location, kind: "shape", reason } };
  }
  return { ok: true, value: { ...read.value, data: read.value.json as ModelsDevData } };
}

async function readGenaiPrices(
  options: SyncOptions,
  timeoutMs: number,
): Promise<SourceRead<RawSource & { data: Provider[] }>> {
  const location = options.genaiPricesUrl;
  const read = await readSource("genai-prices", location, options.fetch ?? fetch, timeoutMs);
  if (!read.ok) return read;
  const shape = (reason: string) =>
    ({ ok: false, failure: { source: "genai-prices", location, kind: "shape", reason } }) as const;
  const parsed = genaiPricesSchema.safeParse(read.value.json);
  if (!parsed.success) return shape(shapeReason(parsed.error));
  try {
    return { ok: true, value: { ...read.value, data: await toGenaiProviders(read.value.json) } };
  } catch (error) {
    // The package rejects constraints it cannot read; that is bad data, not a bug of ours.
    return shape((error as Error).message);
  }
}

async function readSources(options: SyncOptions, timeoutMs: number) {
  const [modelsDev, genai] = await Promise.all([
    readModelsDev(options, timeoutMs),
    readGenaiPrices(options, timeoutMs),
  ]);
  if (modelsDev.ok && genai.ok) return { modelsDev: modelsDev.value, genai: genai.value };
  const failures = [modelsDev, genai].flatMap((read) => (read.ok ? [] : [read.failure]));
  throw new AppError("unavailable:catalog", describeSourceFailures(failures), { details: failures });
}

export async function syncCatalog(options: SyncOptions): Promise<SyncReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const today = options.today ?? utcDay(Date.now());
  const generatedAt = new Date().toISOString();
  const { modelsDev, genai } = await readSources(options, timeoutMs);

  let snapshot: ReturnType<typeof buildSnapshot>;
  try {
    snapshot = buildSnapshot({
      genaiProviders: genai.data,
      modelsDev: modelsDev.data,
      asOf: today,
      generatedAt,
      versions: { genaiPrices: genai.version, modelsDev: modelsDev.version },
    });
  } catch (error) {
    throw new AppError(
      "upstream:catalog",
      `The fetched catalogs could not be combined: ${(error as Error).message}. The catalog was not changed.`,
      { cause: error },
    );
  }

  const sources: SyncedSource[] = [
    { id: "models.dev", location: options.modelsDevUrl, ...pickSourceInfo(modelsDev), asOf: today },
    { id: "genai-prices", location: options.genaiPricesUrl, ...pickSourceInfo(genai), asOf: today },
  ];
  const base = { asOf: today, generatedAt, offerings: snapshot.offerings.length, sources };

  if (options.dryRun) {
    const existing = await readExistingCatalog(options.db, today);
    const plan = planCatalogWrite(snapshot, existing, "sync");
    const { observations } = await listCatalogTables({ db: options.db });
    const key = (row: { offeringId: string; source: string; fingerprint: string }) =>
      `${row.offeringId}|${row.source}|${row.fingerprint}`;
    const stored = new Set(observations.map(key));
    const planned = new Set(plan.observations.map(key).filter((rowKey) => !stored.has(rowKey)));
    return {
      ...base,
      applied: false,
      dryRun: true,
      // Mirrors applySnapshot: on an empty database every offering is "new", which says nothing.
      newOfferings: existing.offeringIds.size === 0 ? [] : plan.newOfferings,
      removedOfferings: plan.removedOfferingIds,
      changedPrices: plan.changedPrices,
      observationsAdded: planned.size,
    };
  }

  const result = await applySnapshot(options.db, snapshot, "sync", today);
  return {
    ...base,
    applied: result.applied,
    dryRun: false,
    newOfferings: result.newOfferings,
    removedOfferings: result.removedOfferings,
    changedPrices: result.changedPrices,
    observationsAdded: result.observationsAdded,
  };
}

function pickSourceInfo(raw: RawSource): Pick<SyncedSource, "version" | "bytes" | "lastModified"> {
  return { version: raw.version, bytes: raw.bytes, lastModified: raw.lastModified };
}

const plural = (count: number, word: string, suffix = "s") => `${count} ${word}${count === 1 ? "" : suffix}`;

/** The human summary the CLI prints; ids are capped so a first sync does not flood the terminal. */
export function describeSyncReport(report: SyncReport, maxIds = 10): string {
  const head =
    `${report.dryRun ? "Dry run, nothing written" : "Catalog synced"}: ${plural(report.offerings, "offering")}, ` +
    `${report.newOfferings.length} new, ${report.removedOfferings.length} removed, ` +
    `${plural(report.changedPrices.length, "price change")} ` +
    `(${plural(report.observationsAdded, report.dryRun ? "observation" : "new observation")}` +
    `${report.dryRun ? " would be added" : ""}), as of ${report.asOf}.`;
  const lines = [head];
  const list = (label: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    const shown = ids.slice(0, maxIds).join(", ");
    lines.push(`  ${label}: ${shown}${ids.length > maxIds ? ` … and ${ids.length - maxIds} more` : ""}`);
  };
  list("price changes", report.changedPrices);
  list("new", report.newOfferings);
  list("removed", report.removedOfferings);
  for (const source of report.sources) {
    const modified = source.lastModified ? `, ${source.lastModified}` : "";
    lines.push(
      `  source ${source.id}: ${source.location} (${source.version}, ${Math.round(source.bytes / 1024)} KiB${modified})`,
    );
  }
  return lines.join("\n");
}

/** "Offline: …" when a source could not be reached at all; "Source unavailable: …" for bad data. */
export function describeSourceFailures(failures: readonly SourceFailure[]): string {
  const offline = failures.every((failure) => failure.kind === "network" || failure.kind === "timeout");
  const parts = failures.map((failure) => `${failure.source} (${failure.reason})`).join(" and ");
  return offline
    ? `Offline: could not reach ${parts}. The catalog was not changed.`
    : `Source unavailable: ${parts}. The catalog was not changed.`;
}
