import { AppError } from "@/lib/errors";
import { getOfferingDetail } from "./detail";
import { toApiModel, toCsv } from "./export";
import { getModelQualityDetail, getQualityView } from "./quality/views/summary";
import { applyCatalogQuery, parseCatalogQuery, searchParamsToRaw } from "./query";
import { getCatalog } from "./service";

/** GET /api/models: the same filters and sort as the catalog table, as JSON or CSV. */
export async function listModels(url: URL): Promise<Response> {
  const catalog = await getCatalog();
  const query = parseCatalogQuery(searchParamsToRaw(url.searchParams), catalog.knownProviders);
  const view = await getQualityView(catalog);
  const rows = applyCatalogQuery(view.prepared, query);
  if (query.format === "csv") {
    return new Response(toCsv(rows, query.ratio), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="models-${catalog.asOf}.csv"`,
      },
    });
  }
  return Response.json({
    asOf: catalog.asOf,
    sources: catalog.sources,
    ratio: `${query.ratio[0]}:${query.ratio[1]}`,
    count: rows.length,
    models: rows.map((row) => ({
      ...toApiModel(row.entry, query.ratio),
      quality: view.summary.get(row.entry.modelId) ?? null,
    })),
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
  // The index and ranks compare against every scored model, so they come from the whole summary.
  const quality = await getModelQualityDetail(await getCatalog(), detail.entry.modelId);
  return Response.json({
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
  });
}
