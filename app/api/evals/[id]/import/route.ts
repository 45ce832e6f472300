import { parseSetId } from "@/lib/evals/grade/votes";
import { casesFromImport, IMPORT_BODY_MAX_BYTES, importBodySchema } from "@/lib/evals/import/from-request";
import { appendCasesToSet } from "@/lib/evals/sets";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

/** Parses an import (CSV, JSONL, promptfoo YAML or saved sessions) and appends its cases to the set. */
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const id = parseSetId((await context.params).id);
  const body = await readJson(request, importBodySchema, {
    surface: "evals",
    maxBytes: IMPORT_BODY_MAX_BYTES,
  });
  const cases = await casesFromImport(body);
  const set = await appendCasesToSet(id, cases);
  return Response.json({ set, cases, count: cases.length }, { headers: { ETag: `"${set.version}"` } });
});
