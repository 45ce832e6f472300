import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";

/**
 * TRACE, which the fetch standard forbids (so does TRACK, but Node's HTTP parser already answers it with
 * a 400). Next turns every request into a fetch `Request` before the proxy or any route runs; for TRACE
 * that throws, which it answers with a plain-text 500. So it is refused here, on the Node server
 * itself, with the usual JSON 405.
 */
const FORBIDDEN_METHODS = new Set(["TRACE"]);

type Emit = Server["emit"];
const guarded = globalThis as unknown as { __forbiddenMethodsGuard?: boolean };

export function refuseForbiddenMethods(): void {
  if (guarded.__forbiddenMethodsGuard) return;
  guarded.__forbiddenMethodsGuard = true;
  const emit: Emit = Server.prototype.emit;
  // Next creates its HTTP server itself and offers no hook before its own request handling, so the
  // server's "request" event is intercepted for these methods only; every other request passes as is.
  Server.prototype.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (FORBIDDEN_METHODS.has((request.method ?? "").toUpperCase())) {
        const error = new AppError(
          "method_not_allowed:api",
          `The server does not answer ${request.method} requests.`,
        );
        response.writeHead(error.status, {
          "content-type": "application/json",
          "x-content-type-options": "nosniff",
          allow: "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE",
        });
        response.end(JSON.stringify(error.toBody()));
        request.resume();
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as Emit;
}
