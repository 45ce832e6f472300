import { getScenario, removeScenario, replaceScenario, scenarioEtag } from "@/lib/calculator/scenarios";
import { scenarioSchema } from "@/lib/calculator/schema";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, context: Context) => {
  const scenario = await getScenario((await context.params).id);
  return Response.json(scenario, { headers: { ETag: scenarioEtag(scenario) } });
});

export const PUT = route(async (request, context: Context) => {
  const body = await readJson(request, scenarioSchema, { surface: "calculator" });
  const ifMatch = request.headers.get("if-match");
  const saved = await replaceScenario((await context.params).id, body, { ifMatch });
  return Response.json(saved, { headers: { ETag: scenarioEtag(saved) } });
});

export const DELETE = route(async (_request, context: Context) => {
  await removeScenario((await context.params).id);
  return new Response(null, { status: 204 });
});
