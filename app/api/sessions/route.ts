import { z } from "zod";
import { searchSessions } from "@/lib/history/sessions";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

const querySchema = z.object({ q: z.string().max(200, "q can be at most 200 characters").optional() });

export const GET = route(async (request) => {
  const { q } = readQuery(request.url, querySchema, "history");
  return Response.json({ sessions: await searchSessions(q) });
});
