import { countTextTokens, MAX_TOKEN_BODY_BYTES, tokenCountRequestSchema } from "@/lib/calculator/token-count";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

export const POST = route(async (request) => {
  const body = await readJson(request, tokenCountRequestSchema, {
    surface: "calculator",
    maxBytes: MAX_TOKEN_BODY_BYTES,
  });
  return Response.json(await countTextTokens(body));
});
