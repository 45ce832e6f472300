import { MAX_SET_BYTES, patchSetSchema } from "@/lib/evals/requests";
import { parseEvalId } from "@/lib/evals/run-view";
import { deleteSet, patchSet, readSetWithRuns } from "@/lib/evals/sets";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT } = methodNotAllowed(["GET", "PATCH", "DELETE"]);

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, context: Context) => {
  const set = await readSetWithRuns(parseEvalId((await context.params).id, "set"));
  return Response.json(set, { headers: { ETag: `"${set.version}"` } });
});

export const PATCH = route(async (request, context: Context) => {
  const id = parseEvalId((await context.params).id, "set");
  const body = await readJson(request, patchSetSchema, { surface: "evals", maxBytes: MAX_SET_BYTES });
  const ifMatch = /^\s*"(\d+)"\s*$/.exec(request.headers.get("if-match") ?? "")?.[1];
  const saved = await patchSet(id, body, ifMatch === undefined ? undefined : Number(ifMatch));
  return Response.json(saved, { headers: { ETag: `"${saved.version}"` } });
});

export const DELETE = route(async (_request, context: Context) => {
  await deleteSet(parseEvalId((await context.params).id, "set"));
  return new Response(null, { status: 204 });
});
