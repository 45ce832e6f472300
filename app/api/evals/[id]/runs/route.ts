import { currentUserId } from "@/lib/auth/viewer";
import { startRunSchema } from "@/lib/evals/requests";
import { parseEvalId } from "@/lib/evals/run-view";
import { startEvalRun } from "@/lib/evals/runs";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request, context: Context) => {
  const id = parseEvalId((await context.params).id, "set");
  const body = await readJson(request, startRunSchema, { surface: "evals" });
  const { run, estimate } = await startEvalRun(id, body, currentUserId());
  return Response.json({ runId: run.id, estimate }, { status: 201 });
});
