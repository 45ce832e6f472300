import {
  countTextTokens,
  MAX_TOKEN_BODY_BYTES,
  startTokenCountBudget,
  tokenCountRequestSchema,
} from "@/lib/calculator/token-count";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

export const POST = route(async (request) => {
  // The budget covers reading and parsing a body of up to 8 MB too, which is part of the wait.
  const budget = startTokenCountBudget();
  const body = await readJson(request, tokenCountRequestSchema, {
    surface: "calculator",
    maxBytes: MAX_TOKEN_BODY_BYTES,
  });
  // request.signal aborts when the client disconnects, which stops the count it started.
  return Response.json(await countTextTokens(body, { signal: request.signal, budget }));
});
