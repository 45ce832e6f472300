import { qualitySummaryOf } from "@/lib/catalog/api";
import { getCatalog } from "@/lib/catalog/service";
import { buildEstimate } from "./estimate";
import type { EstimateRequest, EstimateResponse } from "./schema";

/** POST /api/estimate: the estimate against the catalog the app currently serves. */
export async function estimateCosts(request: EstimateRequest): Promise<EstimateResponse> {
  const catalog = await getCatalog();
  // Scores are read only when a bar asks for them; an estimate without one needs no quality data.
  const summary = request.qualityBar ? await qualitySummaryOf(catalog) : null;
  return buildEstimate(catalog, request, (modelId) => summary?.get(modelId) ?? null);
}
