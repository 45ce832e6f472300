import { getDb } from "@/db/client";
import { listCatalogTables, readCatalogMeta } from "@/db/queries/catalog";
import { listQualityScores } from "@/db/queries/quality";
import type { PriceObservation } from "@/db/schema";
import { utcDay } from "@/lib/dates";
import { type GuideSource, guideSources } from "../guides";
import { attachQuality } from "../quality/attached";
import { type ModelQuality, summarizeQuality } from "../quality/read";
import type { CatalogEntry, CatalogSource, OfferingPrice } from "../schema";
import {
  APPLIED_META_KEY,
  type AppliedSnapshotMeta,
  currentObservation,
  ensureBundledCatalog,
} from "../store/load";
import { toCatalogEntry } from "./entry";
import { type PreparedEntry, prepareEntries } from "./query";

/**
 * The catalog as the app serves it: read from Postgres once, then held in memory so filtering
 * the full catalog costs milliseconds. Other instances' syncs are picked up within REVALIDATE_MS.
 */
const REVALIDATE_MS = 30_000;

export interface ProviderInfo {
  id: string;
  name: string;
  website: string | null;
  pricingUrl: string | null;
  offeringCount: number;
}

export interface CatalogData {
  asOf: string;
  generatedAt: string;
  sources: CatalogSource[];
  guideSources: readonly GuideSource[];
  providers: ProviderInfo[];
  entries: CatalogEntry[];
  prepared: PreparedEntry[];
  byId: Map<string, CatalogEntry>;
  prices: Map<string, OfferingPrice | null>;
  observations: Map<string, PriceObservation[]>;
  offeringIdsByModel: Map<string, string[]>;
  knownProviders: Set<string>;
  /** Quality summaries by model id, worked out once per load: scores change only with a load or sync. */
  quality: Map<string, ModelQuality>;
}

function build(
  tables: Awaited<ReturnType<typeof listCatalogTables>>,
  meta: AppliedSnapshotMeta,
  today: string,
  quality: Map<string, ModelQuality>,
): CatalogData {
  const observations = new Map<string, PriceObservation[]>();
  for (const row of tables.observations) {
    const list = observations.get(row.offeringId) ?? [];
    list.push(row);
    observations.set(row.offeringId, list);
  }
  const providerById = new Map(tables.providers.map((provider) => [provider.id, provider]));
  const entries: CatalogEntry[] = [];
  const prices = new Map<string, OfferingPrice | null>();
  const offeringIdsByModel = new Map<string, string[]>();
  const counts = new Map<string, number>();

  for (const offering of tables.offerings) {
    if (offering.removedAt) continue;
    const rows = observations.get(offering.id) ?? [];
    const index = currentObservation(rows, today);
    const current = index === null ? undefined : rows[index];
    // currentObservation picks only the packages' rows, whose rules are an OfferingPrice (the guides' are quotes).
    const price = (current?.rules as OfferingPrice | undefined) ?? null;
    prices.set(offering.id, price);
    const facts = {
      ...offering,
      modalities: { input: offering.inputModalities, output: offering.outputModalities },
    };
    entries.push(
      toCatalogEntry(facts, providerById.get(offering.providerId), price, {
        source: current?.source ?? null,
        asOf: current?.sourceDate ?? null,
      }),
    );
    offeringIdsByModel.set(offering.modelId, [
      ...(offeringIdsByModel.get(offering.modelId) ?? []),
      offering.id,
    ]);
    counts.set(offering.providerId, (counts.get(offering.providerId) ?? 0) + 1);
  }

  const providers = tables.providers
    .filter((provider) => counts.has(provider.id))
    .map((provider) => ({
      id: provider.id,
      name: provider.name,
      website: provider.website,
      pricingUrl: provider.pricingUrl,
      offeringCount: counts.get(provider.id) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  attachQuality(entries, quality);
  return {
    asOf: meta.asOf,
    generatedAt: meta.generatedAt,
    sources: meta.sources,
    guideSources,
    providers,
    entries,
    prepared: prepareEntries(entries),
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    prices,
    observations,
    offeringIdsByModel,
    knownProviders: new Set(providers.map((provider) => provider.id)),
    quality,
  };
}

interface CacheState {
  data: Promise<CatalogData> | null;
  generatedAt: string | null;
  checkedAt: number;
  ensured: Promise<unknown> | null;
}

const globalCache = globalThis as unknown as { __catalogCache?: CacheState };
globalCache.__catalogCache ??= { data: null, generatedAt: null, checkedAt: 0, ensured: null };
const cache: CacheState = globalCache.__catalogCache;

async function load(): Promise<CatalogData> {
  const db = await getDb();
  cache.ensured ??= ensureBundledCatalog(db).catch((error) => {
    cache.ensured = null;
    throw error;
  });
  await cache.ensured;
  const [tables, meta, scores] = await Promise.all([
    listCatalogTables({ db }),
    readCatalogMeta({ db, key: APPLIED_META_KEY }) as Promise<AppliedSnapshotMeta>,
    listQualityScores({ db }),
  ]);
  cache.generatedAt = meta.generatedAt;
  return build(tables, meta, utcDay(Date.now()), summarizeQuality(scores));
}

export async function getCatalog(): Promise<CatalogData> {
  const now = Date.now();
  if (cache.data && now - cache.checkedAt > REVALIDATE_MS) {
    cache.checkedAt = now;
    const meta = (await readCatalogMeta({
      db: await getDb(),
      key: APPLIED_META_KEY,
    })) as AppliedSnapshotMeta | null;
    if (meta && meta.generatedAt !== cache.generatedAt) cache.data = null;
  }
  if (!cache.data) {
    cache.checkedAt = now;
    cache.data = load().catch((error) => {
      cache.data = null;
      throw error;
    });
  }
  return cache.data;
}
