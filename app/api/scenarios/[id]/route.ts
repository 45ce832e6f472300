import { getScenario, removeScenario, replaceScenario } from "@/lib/calculator/scenarios";
import { scenarioSchema } from "@/lib/calculator/schema";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, context: Context) =>
  Response.json(await getScenario((await context.params).id)),
);

export const PUT = route(async (request, context: Context) => {
  const body = await readJson(request, scenarioSchema, { surface: "calculator" });
  return Response.json(await replaceScenario((await context.params).id, body));
});

export const DELETE = route(async (_request, context: Context) => {
  await removeScenario((await context.params).id);
  return new Response(null, { status: 204 });
});
