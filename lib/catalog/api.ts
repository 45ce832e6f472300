import { getDb } from "@/db/client";
import { listQualityScores, listQualityScoresByModel } from "@/db/queries/quality";
import { AppError } from "@/lib/errors";
import { getOfferingDetail } from "./detail";
import { toApiModel, toCsv } from "./export";
import {
  applyQualityQuery,
  type ModelQuality,
  qualityQuerySchema,
  summarizeQuality,
  toApiScore,
} from "./quality/read";
import { applyCatalogQuery, parseCatalogQuery, searchParamsToRaw } from "./query";
import { type CatalogData, getCatalog } from "./service";

/** `sort=quality` and `minQuality` are read here; the rest goes to the catalog's own query. */
function splitQualityParams(raw: ReturnType<typeof searchParamsToRaw>) {
  const { minQuality, sort, dir, ...others } = raw;
  const sortByQuality = sort === "quality";
  const rest = sortByQuality
    ? others
    : { ...others, ...(sort === undefined ? {} : { sort }), ...(dir === undefined ? {} : { dir }) };
  const parsed = qualityQuerySchema.safeParse({ minQuality });
  if (!parsed.success) throw AppError.fromZod("catalog", parsed.error, "query parameter");
  const direction: "asc" | "desc" = dir === "asc" ? "asc" : "desc";
  return { rest, minQuality: parsed.data.minQuality, sortByQuality, dir: direction };
}

/**
 * Quality summaries of every scored model, worked out once per loaded catalog rather than on every
 * request: scores change only when the catalog is loaded or synced, which gives a new catalog object.
 */
const qualitySummaries = new WeakMap<CatalogData, Promise<Map<string, ModelQuality>>>();

function qualitySummaryOf(catalog: CatalogData): Promise<Map<string, ModelQuality>> {
  let summary = qualitySummaries.get(catalog);
  if (!summary) {
    summary = getDb()
      .then((db) => listQualityScores({ db }))
      .then(summarizeQuality);
    summary.catch(() => qualitySummaries.delete(catalog));
    qualitySummaries.set(catalog, summary);
  }
  return summary;
}

/**
 * Listings already written, per loaded catalog and query. The unfiltered JSON listing is about 2 MB and
 * took ~50 ms of the request thread to build and serialize on every call; a catalog object never
 * changes (a load or sync makes a new one), so the same query gives the same bytes until then.
 */
const listings = new WeakMap<CatalogData, Map<string, Promise<Listing>>>();
const LISTINGS_KEPT = 8;

interface Listing {
  body: string;
  headers: Record<string, string>;
}

/** GET /api/models: the same filters and sort as the catalog table, as JSON or CSV. */
export async function listModels(url: URL): Promise<Response> {
  const catalog = await getCatalog();
  const quality = splitQualityParams(searchParamsToRaw(url.searchParams));
  const query = parseCatalogQuery(quality.rest, catalog.knownProviders);
  const key = JSON.stringify([query, quality.minQuality, quality.sortByQuality, quality.dir]);
  let kept = listings.get(catalog);
  if (!kept) {
    kept = new Map();
    listings.set(catalog, kept);
  }
  let listing = kept.get(key);
  if (listing) kept.delete(key);
  else {
    listing = writeListing(catalog, query, quality);
    listing.catch(() => kept.delete(key));
  }
  // Most recently used last; the oldest goes first when the map is full.
  kept.set(key, listing);
  if (kept.size > LISTINGS_KEPT) kept.delete(kept.keys().next().value as string);
  const { body, headers } = await listing;
  return new Response(body, { headers });
}

async function writeListing(
  catalog: CatalogData,
  query: ReturnType<typeof parseCatalogQuery>,
  quality: ReturnType<typeof splitQualityParams>,
): Promise<Listing> {
  const summary = await qualitySummaryOf(catalog);
  const qualityOf = (row: { entry: { modelId: string } }): ModelQuality | null =>
    summary.get(row.entry.modelId) ?? null;
  const rows = applyQualityQuery(applyCatalogQuery(catalog.prepared, query), qualityOf, {
    minQuality: quality.minQuality,
    sort: quality.sortByQuality,
    dir: quality.dir,
  });
  if (query.format === "csv") {
    return {
      body: toCsv(
        rows.map((row) => row.entry),
        query.ratio,
      ),
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="models-${catalog.asOf}.csv"`,
      },
    };
  }
  return {
    body: JSON.stringify({
      asOf: catalog.asOf,
      sources: catalog.sources,
      ratio: `${query.ratio[0]}:${query.ratio[1]}`,
      count: rows.length,
      models: rows.map((row) => ({ ...toApiModel(row.entry, query.ratio), quality: qualityOf(row) })),
    }),
    headers: { "content-type": "application/json" },
  };
}

/** GET /api/models/{provider}/{model…}: one offering with its offerings, prices, history and notes. */
export async function getModel(segments: string[]): Promise<Response> {
  // Next has already decoded each segment once; decoding again would turn %2541 into "A" and throw on %25.
  const id = segments.join("/");
  if (!id || id.length > 300)
    throw new AppError("bad_request:catalog", "Give a model id such as openai/gpt-4o.");
  const detail = await getOfferingDetail(id);
  const ratio: [number, number] = [3, 1];
  const db = await getDb();
  const history = await listQualityScoresByModel({ db, modelId: detail.entry.modelId });
  return Response.json({
    ...toApiModel(detail.entry, ratio),
    // The index ranks against every scored model, so it is summarised over all scores.
    quality: (await qualitySummaryOf(await getCatalog())).get(detail.entry.modelId) ?? null,
    qualityHistory: history.map((row) => ({ ...toApiScore(row), observedAt: row.observedAt })),
    price: detail.price,
    offerings: detail.offerings.map((entry) => toApiModel(entry, ratio)),
    priceHistory: detail.history,
    priceConflicts: detail.conflicts,
    editorial: detail.editorial,
    guideConflicts: detail.guideConflicts,
  });
}
