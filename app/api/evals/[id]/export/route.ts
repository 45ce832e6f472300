import { parseEvalId } from "@/lib/evals/run-view";
import { exportSetJsonl } from "@/lib/evals/sets";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

/** GET /api/evals/{id}/export: the set's cases, one JSON object per line. */
export const GET = route(async (_request, context: { params: Promise<{ id: string }> }) => {
  const { fileName, jsonl } = await exportSetJsonl(parseEvalId((await context.params).id, "set"));
  return new Response(jsonl, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
});
