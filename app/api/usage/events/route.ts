import { eventsQuerySchema, usageEvents, usageEventsToCsv } from "@/lib/history/usage";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

/** The usage table: newest first, filterable, as JSON or CSV. */
export const GET = route(async (request) => {
  const query = readQuery(request.url, eventsQuerySchema, "history");
  const events = await usageEvents(query);
  if (query.format === "csv") {
    return new Response(usageEventsToCsv(events), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="usage.csv"',
      },
    });
  }
  return Response.json({ events });
});
