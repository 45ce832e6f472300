import { z } from "zod";
import { getSessionDetail, sessionToMarkdown } from "@/lib/history/sessions";
import { methodNotAllowed, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

const querySchema = z.object({
  format: z.enum(["md", "json"], { message: "format must be md or json" }).default("md"),
});

export const GET = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const { format } = readQuery(request.url, querySchema, "history");
  const session = await getSessionDetail((await context.params).id);
  const name = `session-${session.id.slice(0, 8)}`;
  if (format === "json") {
    return new Response(`${JSON.stringify(session, null, 2)}\n`, {
      headers: {
        "content-type": "application/json",
        "content-disposition": `attachment; filename="${name}.json"`,
      },
    });
  }
  return new Response(sessionToMarkdown(session), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.md"`,
    },
  });
});
