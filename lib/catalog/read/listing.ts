import "server-only";
import { AppError } from "@/lib/errors";
import { getModelQualityDetail, getQualityView } from "../quality/views/summary";
import { getOfferingDetail } from "./detail";
import { toApiModel, toCsv } from "./export";
import { applyCatalogQuery, type CatalogQuery, parseCatalogQuery, searchParamsToRaw } from "./query";
import type { CatalogData } from "./served";

/**
 * Listings already written, per loaded catalog and query. The unfiltered JSON listing is about 2 MB and
 * took ~50 ms of the request thread to build and serialize on every call; a catalog object never
 * changes (a load or sync makes a new one), so the same query gives the same bytes until then.
 */
const listings = new WeakMap<CatalogData, Map<string, Promise<Listing>>>();
const LISTINGS_KEPT = 8;

/** A listing as written: its text, its format, and the catalog date it is as of. */
export interface Listing {
  format: "json" | "csv";
  body: string;
  asOf: string;
}

/** The listing behind GET /api/models: the same filters and sort as the catalog table, as JSON or CSV. */
export function listModels(catalog: CatalogData, searchParams: URLSearchParams): Promise<Listing> {
  const query = parseCatalogQuery(searchParamsToRaw(searchParams), catalog.knownProviders);
  const key = JSON.stringify(query);
  let kept = listings.get(catalog);
  if (!kept) {
    kept = new Map();
    listings.set(catalog, kept);
  }
  let listing = kept.get(key);
  if (listing) kept.delete(key);
  else {
    listing = writeListing(catalog, query);
    listing.catch(() => kept.delete(key));
  }
  // Most recently used last; the oldest goes first when the map is full.
  kept.set(key, listing);
  if (kept.size > LISTINGS_KEPT) kept.delete(kept.keys().next().value as string);
  return listing;
}

async function writeListing(
  catalog: CatalogData,
  query: CatalogQuery & { format: "json" | "csv" },
): Promise<Listing> {
  const view = await getQualityView(catalog);
  const rows = applyCatalogQuery(view.prepared, query);
  if (query.format === "csv") return { format: "csv", body: toCsv(rows, query.ratio), asOf: catalog.asOf };
  return {
    format: "json",
    asOf: catalog.asOf,
    body: JSON.stringify({
      asOf: catalog.asOf,
      sources: catalog.sources,
      ratio: `${query.ratio[0]}:${query.ratio[1]}`,
      count: rows.length,
      models: rows.map((row) => ({
        ...toApiModel(row.entry, query.ratio),
        quality: view.summary.get(row.entry.modelId) ?? null,
      })),
    }),
  };
}

/** The offering id of GET /api/models/{provider}/{model…}, checked before the catalog is read. */
export function modelIdOf(segments: string[]): string {
  // Next has already decoded each segment once; decoding again would turn %2541 into "A" and throw on %25.
  const id = segments.join("/");
  if (!id || id.length > 300)
    throw new AppError("bad_request:catalog", "Give a model id such as openai/gpt-4o.");
  return id;
}

/** What GET /api/models/{provider}/{model…} answers: one offering with its offerings, prices, history and notes. */
export async function describeModel(catalog: CatalogData, id: string) {
  const detail = await getOfferingDetail(id, catalog);
  const ratio: [number, number] = [3, 1];
  // The index and ranks compare against every scored model, so they come from the whole summary.
  const quality = await getModelQualityDetail(catalog, detail.entry.modelId);
  return {
    ...toApiModel(detail.entry, ratio),
    quality: quality.quality,
    qualityRanks: quality.standings,
    qualityDisagreements: quality.disagreements.map((item) => item.text),
    qualityHistory: quality.history,
    price: detail.price,
    offerings: detail.offerings.map((entry) => toApiModel(entry, ratio)),
    priceHistory: detail.history,
    priceConflicts: detail.conflicts,
    editorial: detail.editorial,
    guideConflicts: detail.guideConflicts,
  };
}
