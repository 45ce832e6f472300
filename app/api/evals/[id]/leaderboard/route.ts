import { z } from "zod";
import { readLeaderboard } from "@/lib/evals/grade/votes";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

const querySchema = z.object({
  scope: z.enum(["set", "all"], { error: "scope must be set or all" }).default("set"),
});

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (request, context: Context) => {
  const { scope } = readQuery(request.url, querySchema, "evals");
  return Response.json(await readLeaderboard({ setId: (await context.params).id, scope }));
});
