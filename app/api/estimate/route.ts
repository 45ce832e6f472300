import { estimateRequestSchema } from "@/lib/calculator/schema";
import { estimateCosts } from "@/lib/calculator/service";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

export const POST = route(async (request) => {
  const body = await readJson(request, estimateRequestSchema, {
    surface: "calculator",
    maxBytes: 256 * 1024,
  });
  return Response.json(await estimateCosts(body));
});
