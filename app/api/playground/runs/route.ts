import { currentUserId } from "@/lib/auth/viewer";
import { methodNotAllowed, readJson, route } from "@/lib/http";
import { clientIdOf } from "@/lib/playground/limits";
import { startPlaygroundRun } from "@/lib/playground/run";
import { MAX_BODY_BYTES, playgroundRunRequestSchema } from "@/lib/playground/schema";
import { serveDirectly } from "@/lib/server-hook";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);

export const POST = route(async (request) => {
  const body = await readJson(request, playgroundRunRequestSchema, {
    surface: "playground",
    maxBytes: MAX_BODY_BYTES,
  });
  const stream = await startPlaygroundRun(body, {
    clientId: clientIdOf(request),
    signal: request.signal,
    createdBy: currentUserId(),
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

// A run streams for seconds, and Next's own work per request and per chunk was about half of what a
// run cost the server's HTTP thread, so runs are served on the Node server past it (lib/server-hook.ts).
serveDirectly("POST", "/api/playground/runs", POST);
