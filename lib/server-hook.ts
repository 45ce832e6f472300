import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { redactSecrets } from "@/lib/playground/faults";
import { frontDoor } from "@/lib/security/front-door";
import { createNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Next creates its HTTP server itself and offers no hook before its own request handling, so two
 * kinds of request are taken off the server's "request" event before Next sees them; every other
 * request passes as it came.
 *
 * - Methods the fetch standard forbids (TRACE; Node's HTTP parser already answers TRACK with a 400).
 *   Next turns every request into a fetch `Request` before the proxy or any route runs; for TRACE that
 *   throws, which it answers with a plain-text 500. They get the usual JSON 405 here instead.
 * - The routes registered with `serveDirectly`: long streams of which Next's own work per request and
 *   per chunk was about half the cost (the playground's run). Their route handler runs as it is, after the same
 *   front door as the proxy's (security headers, the API path and same-origin rules, the sign-in
 *   gate), and its answer is written to the socket chunk by chunk, with the socket's backpressure, and
 *   cancelled when the client goes away, as Next does. A route registers when its module is run,
 *   which Next does at the route's first request (measured on a production server: that one still
 *   goes through Next); every later request takes this path. Not in development, where Next reloads
 *   an edited route only when a request reaches it, so there it keeps them all.
 */

/** A route handler as Next calls it (a route without dynamic segments: no params). */
export type DirectHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

const FORBIDDEN_METHODS = new Set(["TRACE"]);

type Emit = Server["emit"];
// On globalThis: the hook is installed from the server's start-up and the routes register from
// their own bundles, each with its own copy of this module.
const shared = globalThis as unknown as {
  __serverHook?: { direct: Map<string, DirectHandler>; installed: boolean };
};

function hookState(): { direct: Map<string, DirectHandler>; installed: boolean } {
  shared.__serverHook ??= { direct: new Map(), installed: false };
  return shared.__serverHook;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Serves `method path` (exact path; a query string is passed on) past Next's request handling. */
export function serveDirectly(method: "POST", path: string, handler: DirectHandler): void {
  if (env().NODE_ENV === "development") return;
  hookState().direct.set(routeKey(method, path), handler);
}

/** Installs the hook once per process, at server start. */
export function installServerHook(): void {
  const state = hookState();
  if (state.installed) return;
  state.installed = true;
  const { direct } = state;
  const emit: Emit = Server.prototype.emit;
  Server.prototype.emit = function hookedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const method = (request.method ?? "").toUpperCase();
      if (FORBIDDEN_METHODS.has(method)) {
        refuseForbiddenMethod(request, response);
        return true;
      }
      const url = request.url ?? "/";
      const query = url.indexOf("?");
      const handler =
        direct.size > 0 ? direct.get(routeKey(method, query < 0 ? url : url.slice(0, query))) : undefined;
      if (handler) {
        const toNext = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
        void serveDirect(handler, request, response, toNext);
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as Emit;
}

function refuseForbiddenMethod(request: IncomingMessage, response: ServerResponse): void {
  const error = new AppError(
    "method_not_allowed:api",
    `The server does not answer ${request.method} requests.`,
    { headers: { allow: "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE" } },
  );
  answerError(request, response, error);
  request.resume();
}

/** An error answered on the Node server itself: its JSON body and headers, with the security headers. */
function answerError(request: IncomingMessage, response: ServerResponse, error: AppError): void {
  response.writeHead(error.status, {
    ...securityHeaders({ nonce: createNonce(), development: false, https: isTls(request) }),
    ...error.headers,
    "content-type": "application/json",
  });
  response.end(JSON.stringify(error.toBody()));
}

const isTls = (request: IncomingMessage) => (request.socket as TLSSocket).encrypted === true;

/**
 * The fetch `Request` Next would have built: Node's view of the headers (a repeated Host or
 * Authorization keeps its first value), the X-Forwarded-* headers Next fills in where the client sent
 * none (the caller's address, which the run limit counts by behind a trusted proxy), its URL from the
 * Host header and that scheme, and its body streamed. The URL is made first: it is the part that can fail.
 */
function toFetchRequest(
  request: IncomingMessage,
  signal: AbortSignal,
): { fetchRequest: Request; dropBody: () => void } {
  const socket = request.socket as TLSSocket;
  const given = request.headers;
  const givenProto = given["x-forwarded-proto"];
  const https = typeof givenProto === "string" ? givenProto === "https" : isTls(request);
  const scheme = https ? "https" : "http";
  const url = new URL(request.url ?? "/", `${scheme}://${given.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(given)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const fillIn = (name: string, value: string | undefined) => {
    if (value !== undefined && !headers.has(name)) headers.set(name, value);
  };
  fillIn("x-forwarded-host", given.host);
  fillIn("x-forwarded-port", socket.localPort === undefined ? undefined : String(socket.localPort));
  fillIn("x-forwarded-proto", scheme);
  fillIn("x-forwarded-for", socket.remoteAddress);
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD")
    return { fetchRequest: new Request(url, { method, headers, signal }), dropBody: () => {} };
  const body = bodyStream(request);
  const init = { method, headers, signal, body: body.stream, duplex: "half" } as RequestInit;
  return { fetchRequest: new Request(url, init), dropBody: body.drop };
}

/**
 * The request's body as a web stream, read as the handler asks for it. Cancelling it (a handler that
 * stops at its size limit) does not destroy the request, as Readable.toWeb's would, leaving the
 * connection unable to carry the client's next request: the rest is read and dropped, as Node does
 * with a body nobody reads; `drop` does the same once the answer is written for a body the handler
 * never finished (a refused request's).
 */
function bodyStream(request: IncomingMessage): { stream: ReadableStream<Uint8Array>; drop: () => void } {
  let onData: (chunk: Buffer) => void = () => {};
  let onEnd: () => void = () => {};
  let onError: (error: Error) => void = () => {};
  const detach = () => {
    request.off("data", onData);
    request.off("end", onEnd);
    request.off("error", onError);
  };
  const drop = () => {
    detach();
    request.resume();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      };
      onEnd = () => {
        detach();
        controller.close();
      };
      onError = (error) => {
        detach();
        controller.error(error);
      };
      request.on("data", onData);
      request.once("end", onEnd);
      request.once("error", onError);
    },
    pull() {
      request.resume();
    },
    cancel: drop,
  });
  return { stream, drop };
}

async function serveDirect(
  handler: DirectHandler,
  request: IncomingMessage,
  response: ServerResponse,
  toNext: () => boolean,
): Promise<void> {
  const gone = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) gone.abort(new DOMException("The client went away", "AbortError"));
  });
  let fetchRequest: Request;
  let dropBody: () => void;
  try {
    ({ fetchRequest, dropBody } = toFetchRequest(request, gone.signal));
  } catch {
    // A request this cannot express (a Host that is no host) is Next's to answer, as before.
    toNext();
    return;
  }
  try {
    const { headers, refusal } = frontDoor(fetchRequest);
    const answer = refusal ?? (await handler(fetchRequest, { params: Promise.resolve({}) }));
    await writeAnswer(answer, headers, response, gone.signal);
    dropBody();
  } catch (error) {
    // The route wrapper turns every error of a handler into its JSON answer; this is a fault in the
    // hook itself or in writing the answer.
    const message = redactSecrets((error as Error)?.message ?? String(error));
    console.error(`Could not answer ${request.method} ${request.url}: ${message}`);
    if (!response.headersSent) {
      const fault = new AppError(
        "internal:api",
        "The server could not answer this request; the error was logged.",
      );
      answerError(request, response, fault);
      dropBody();
    } else response.destroy();
  }
}

async function writeAnswer(
  answer: Response,
  security: Record<string, string>,
  response: ServerResponse,
  gone: AbortSignal,
): Promise<void> {
  response.statusCode = answer.status;
  for (const [name, value] of answer.headers) if (name !== "set-cookie") response.setHeader(name, value);
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  for (const [name, value] of Object.entries(security)) response.setHeader(name, value);
  if (!answer.body) {
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  const cancel = () => void reader.cancel(gone.reason).catch(() => {});
  if (gone.aborted) cancel();
  else gone.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (gone.aborted) return;
      if (!response.write(value)) await drained(response);
    }
    if (!gone.aborted) response.end();
  } finally {
    gone.removeEventListener("abort", cancel);
  }
}

/** Resolves when the socket takes more, or when it is gone (then nothing more is written). */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
