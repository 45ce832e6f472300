import { MAX_TOKEN_BODY_BYTES } from "@/lib/calculator/token-body";
import { countTokensOfBody, startTokenCountBudget } from "@/lib/calculator/token-count";
import { methodNotAllowed, readJsonBytes, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

export const POST = route(async (request) => {
  // The budget runs from here, so reading the body (up to 8 MB) counts against it too.
  const budget = startTokenCountBudget();
  // The body stays bytes here: a counting thread parses and validates it (lib/calculator/token-body).
  const body = await readJsonBytes(request, { surface: "calculator", maxBytes: MAX_TOKEN_BODY_BYTES });
  // request.signal aborts when the client disconnects, which stops the count it started.
  return Response.json(await countTokensOfBody(body, { signal: request.signal, budget }));
});
