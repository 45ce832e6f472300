import type { z } from "zod";
import { authenticate, runAsViewer } from "./auth/viewer";
import { AppError, errorToResponse, type Surface } from "./errors";

/** Default cap on JSON request bodies; routes with larger legitimate inputs pass their own. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response> | Response;

/**
 * Wraps a route handler so every thrown AppError becomes its JSON body and status. When sign-in is
 * configured it also refuses callers without a session or API token (401) and makes the caller known
 * to the code the handler runs (currentViewer); `open` routes such as the health check skip that.
 */
export function route<Ctx>(handler: Handler<Ctx>, options: { open?: boolean } = {}): Handler<Ctx> {
  return async (request, context) => {
    try {
      const viewer = options.open ? null : await authenticate(request);
      return await runAsViewer(viewer, () => handler(request, context));
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

/**
 * Reads and validates a JSON body. Size is checked on the bytes actually received, not only the
 * Content-Length header, so a lying client still gets a 413 rather than exhausting memory.
 */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { surface: Surface; maxBytes?: number },
): Promise<z.infer<T>> {
  return parseJsonBytes(await readJsonBytes(request, options), schema, options.surface);
}

/**
 * The raw bytes of a JSON body, unparsed, in an ArrayBuffer of their own so they can be handed to a
 * worker thread without a copy. The media type and a declared Content-Length are checked before
 * anything is read.
 */
export async function readJsonBytes(
  request: Request,
  options: { surface: Surface; maxBytes?: number },
): Promise<Uint8Array<ArrayBuffer>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new AppError(
      `unsupported_media_type:${options.surface}`,
      "Send the body as JSON with the header Content-Type: application/json.",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(options.surface, maxBytes);
  return readBytesCapped(request, maxBytes, options.surface);
}

/** Decodes UTF-8 JSON and validates it; runs on the request thread or on a worker thread alike. */
export function parseJsonBytes<T extends z.ZodType>(
  bytes: Uint8Array,
  schema: T,
  surface: Surface,
): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new AppError(`bad_request:${surface}`, `The body is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.fromZod(surface, parsed.error, "request body");
  return parsed.data;
}

/**
 * Only the exact JSON type, with an optional UTF-8 charset. A substring test would accept
 * "text/plain;application/json", which a cross-site form or no-cors fetch may send without preflight.
 */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...params] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((param) => param === "" || /^charset="?utf-8"?$/.test(param));
}

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Handlers for the methods a route does not support, so they get a JSON 405 naming the allowed
 * ones instead of Next's empty-bodied default. Route files re-export the ones they lack.
 */
export function methodNotAllowed(allowed: HttpMethod[]): Record<HttpMethod, (request: Request) => Response> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const handler = (request: Request) =>
    new AppError(
      "method_not_allowed:api",
      `${request.method} is not supported here. Use ${allowed.join(" or ")}.`,
      {
        details: { allowed },
        headers: { allow },
      },
    ).toResponse();
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}

async function readBytesCapped(
  request: Request,
  maxBytes: number,
  surface: Surface,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(surface, maxBytes);
    }
    chunks.push(value);
  }
  // One copy into a buffer of exactly the body's size (Buffer.concat may share a pooled one).
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(surface: Surface, maxBytes: number): AppError {
  return new AppError(
    `payload_too_large:${surface}`,
    `The body is larger than the ${Math.round(maxBytes / 1024)} KB this endpoint accepts. Send less text.`,
    { details: { maxBytes } },
  );
}

/** Validates query parameters; repeated keys become arrays so filters like provider=a&provider=b work. */
export function readQuery<T extends z.ZodType>(url: string | URL, schema: T, surface: Surface): z.infer<T> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AppError.fromZod(surface, parsed.error, "query parameter");
  return parsed.data;
}
