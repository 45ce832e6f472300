import { parseEvalId } from "@/lib/evals/run-view";
import { cancelRun } from "@/lib/evals/runs";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

type Context = { params: Promise<{ runId: string }> };

export const POST = route(async (_request, context: Context) => {
  const run = await cancelRun(parseEvalId((await context.params).runId, "run"));
  return Response.json({ runId: run.id, status: run.status });
});
