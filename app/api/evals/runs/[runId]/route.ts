import { resultsQuerySchema } from "@/lib/evals/requests";
import { readRunView } from "@/lib/evals/run-view";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

type Context = { params: Promise<{ runId: string }> };

export const GET = route(async (request, context: Context) => {
  const page = readQuery(request.url, resultsQuerySchema, "evals");
  return Response.json(await readRunView((await context.params).runId, page));
});
