import { revokeApiToken } from "@/lib/auth/api-tokens";
import { requireAdmin } from "@/lib/auth/viewer";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);

export const DELETE = route(async (_request, context: { params: Promise<{ id: string }> }) => {
  requireAdmin();
  await revokeApiToken((await context.params).id);
  return new Response(null, { status: 204 });
});
