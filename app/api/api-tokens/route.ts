import { createApiToken, createTokenSchema, listApiTokens } from "@/lib/auth/api-tokens";
import { requireAdmin } from "@/lib/auth/viewer";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);

/** The team's live API tokens (admins only); never their secrets. */
export const GET = route(async () => {
  requireAdmin();
  return Response.json({ tokens: await listApiTokens() });
});

/** A new token for the calling admin; the answer holds the secret, which is never shown again. */
export const POST = route(async (request) => {
  const owner = requireAdmin();
  const { name } = await readJson(request, createTokenSchema, { surface: "settings" });
  const created = await createApiToken(owner, name);
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
