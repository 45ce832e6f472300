import { getDb } from "@/db/client";
import { listQualityScoresByModel } from "@/db/queries/quality";
import { AppError } from "@/lib/errors";
import { getOfferingDetail } from "./detail";
import { toApiModel, toCsv } from "./export";
import { applyQualityQuery, type ModelQuality, qualityQuerySchema, toApiScore } from "./quality/read";
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

/** Quality summaries of every scored model, as the loaded catalog holds them. */
export function qualitySummaryOf(catalog: CatalogData): Map<string, ModelQuality> {
  return catalog.quality;
}

/** GET /api/models: the same filters and sort as the catalog table, as JSON or CSV. */
export async function listModels(url: URL): Promise<Response> {
  const catalog = await getCatalog();
  const quality = splitQualityParams(searchParamsToRaw(url.searchParams));
  const query = parseCatalogQuery(quality.rest, catalog.knownProviders);
  const summary = qualitySummaryOf(catalog);
  const qualityOf = (row: { entry: { modelId: string } }): ModelQuality | null =>
    summary.get(row.entry.modelId) ?? null;
  const rows = applyQualityQuery(applyCatalogQuery(catalog.prepared, query), qualityOf, {
    minQuality: quality.minQuality,
    sort: quality.sortByQuality,
    dir: quality.dir,
  });
  if (query.format === "csv") {
    return new Response(
      toCsv(
        rows.map((row) => row.entry),
        query.ratio,
      ),
      {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="models-${catalog.asOf}.csv"`,
        },
      },
    );
  }
  return Response.json({
    asOf: catalog.asOf,
    sources: catalog.sources,
    ratio: `${query.ratio[0]}:${query.ratio[1]}`,
    count: rows.length,
    models: rows.map((row) => ({ ...toApiModel(row.entry, query.ratio), quality: qualityOf(row) })),
  });
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
