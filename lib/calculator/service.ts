import { getCatalog } from "@/lib/catalog/read/served";
import { buildEstimate } from "./estimate";
import type { EstimateRequest, EstimateResponse } from "./schema";

/** POST /api/estimate: the estimate against the catalog the app currently serves. */
export async function estimateCosts(request: EstimateRequest): Promise<EstimateResponse> {
  const catalog = await getCatalog();
  return buildEstimate(catalog, request, (modelId) => catalog.quality.get(modelId) ?? null);
}
