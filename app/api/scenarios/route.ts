import { listSavedScenarios, saveScenario } from "@/lib/calculator/scenarios";
import { scenarioSchema } from "@/lib/calculator/schema";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);

export const GET = route(async () => Response.json({ scenarios: await listSavedScenarios() }));

export const POST = route(async (request) => {
  const body = await readJson(request, scenarioSchema, { surface: "calculator" });
  return Response.json(await saveScenario(body), { status: 201 });
});
