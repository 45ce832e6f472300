import { z } from "zod";
import { SESSIONS_PAGE_MAX, searchSessions, sessionCursorSchema } from "@/lib/history/sessions";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

const querySchema = z.object({
  q: z.string().max(200, "q can be at most 200 characters").optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(SESSIONS_PAGE_MAX, `limit can be at most ${SESSIONS_PAGE_MAX}`)
    .optional(),
  cursor: sessionCursorSchema.optional(),
});

export const GET = route(async (request) => {
  const { q, limit, cursor } = readQuery(request.url, querySchema, "history");
  return Response.json(await searchSessions({ q, limit, after: cursor }));
});
