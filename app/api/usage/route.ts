import { usageQuerySchema, usageReport } from "@/lib/history/usage";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

/** GET /api/usage?from&to&groupBy=day|model|provider[&split=model|provider][&includeSimulated=1] */
export const GET = route(async (request) =>
  Response.json(await usageReport(readQuery(request.url, usageQuerySchema, "history"))),
);
