import { z } from "zod";
import { methodNotAllowed, readJson, route } from "@/lib/http";
import { stopPanes } from "@/lib/playground/limits";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

const stopSchema = z.object({
  runId: z.uuid("runId must be the id from the stream's session event"),
  model: z.string().min(1).max(200).optional(),
});

/**
 * Stops one pane (or all panes) of a running comparison on whichever instance runs it; the upstream
 * request is aborted. `stopped: 0` means no instance was running it, and the client says so.
 */
export const POST = route(async (request) => {
  const { runId, model } = await readJson(request, stopSchema, { surface: "playground" });
  return Response.json({ stopped: await stopPanes(runId, model) });
});
