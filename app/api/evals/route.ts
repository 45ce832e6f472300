import { getDb } from "@/db/client";
import { insertEvalSet, listEvalSets } from "@/db/queries/evals";
import { currentUserId } from "@/lib/auth/viewer";
import { createSetSchema, MAX_SET_BYTES } from "@/lib/evals/requests";
import { checkCaseCount, toCaseFields } from "@/lib/evals/sets";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);

export const GET = route(async () => Response.json({ sets: await listEvalSets({ db: await getDb() }) }));

export const POST = route(async (request) => {
  const body = await readJson(request, createSetSchema, { surface: "evals", maxBytes: MAX_SET_BYTES });
  checkCaseCount(body.cases.length);
  const set = await insertEvalSet({
    db: await getDb(),
    set: { name: body.name, description: body.description ?? null, createdBy: currentUserId() },
    cases: body.cases.map(toCaseFields),
  });
  return Response.json(set, { status: 201, headers: { ETag: `"${set.version}"` } });
});
