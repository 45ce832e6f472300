import { qualitySummaryOf } from "@/lib/catalog/api";
import { getCatalog } from "@/lib/catalog/service";
import { buildEstimate } from "./estimate";
import type { EstimateRequest, EstimateResponse } from "./schema";

/** POST /api/estimate: the estimate against the catalog the app currently serves. */
export async function estimateCosts(request: EstimateRequest): Promise<EstimateResponse> {
  const catalog = await getCatalog();
  const summary = qualitySummaryOf(catalog);
  return buildEstimate(catalog, request, (modelId) => summary.get(modelId) ?? null);
}
