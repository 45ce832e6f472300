import { startRunSchema } from "@/lib/evals/requests";
import { parseEvalId } from "@/lib/evals/run-view";
import { estimateEvalRun } from "@/lib/evals/runs";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

type Context = { params: Promise<{ id: string }> };

/** What a run with these settings would cost at most, without starting it. */
export const POST = route(async (request, context: Context) => {
  const id = parseEvalId((await context.params).id, "set");
  const body = await readJson(request, startRunSchema, { surface: "evals" });
  return Response.json({ estimate: await estimateEvalRun(id, body) });
});
