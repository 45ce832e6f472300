import { buildEstimate } from "@/lib/calculator/estimate";
import { estimateRequestSchema } from "@/lib/calculator/schema";
import { getCatalog } from "@/lib/catalog/read/served";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

/** The estimate against the catalog the app currently serves, with its quality scores for the bar. */
export const POST = route(async (request) => {
  const body = await readJson(request, estimateRequestSchema, {
    surface: "calculator",
    maxBytes: 256 * 1024,
  });
  const catalog = await getCatalog();
  return Response.json(buildEstimate(catalog, body, (modelId) => catalog.quality.get(modelId) ?? null));
});
