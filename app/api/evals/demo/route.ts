import { ensureDemoEvalSet } from "@/lib/evals/demo-set";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

/** "Try the demo set": writes it on first use and answers with its id. */
export const POST = route(async () => {
  const set = await ensureDemoEvalSet();
  return Response.json({ id: set.id, name: set.name });
});
