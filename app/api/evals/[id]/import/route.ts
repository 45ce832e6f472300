import { parseSetId } from "@/lib/evals/grade/votes";
import { casesFromImport, IMPORT_BODY_MAX_BYTES, importBodySchema } from "@/lib/evals/import/from-request";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

/**
 * Parses and validates an import for the set and returns its cases. Appending them to the set
 * (appendCasesToSet in db/queries/evals) is wired where the set's queries live.
 */
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  parseSetId((await context.params).id);
  const body = await readJson(request, importBodySchema, {
    surface: "evals",
    maxBytes: IMPORT_BODY_MAX_BYTES,
  });
  const cases = await casesFromImport(body);
  return Response.json({ cases, count: cases.length });
});
