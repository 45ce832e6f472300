import { APICallError } from "@ai-sdk/provider";
import { envValue, PROVIDER_ENV } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listCompatibleEndpoints } from "@/lib/providers/config";

/**
 * Turns whatever a provider call threw into a pane-level fault with a code and a message a person
 * can act on. Faults stay in their pane; they never fail the whole comparison.
 */
export type FaultCode =
  | "missing_key"
  | "unauthorized"
  | "model_not_found"
  | "rate_limited"
  | "upstream_error"
  | "timeout"
  | "malformed_stream"
  | "connection_lost"
  | "bad_request"
  | "stopped"
  | "unknown";

export interface Fault {
  code: FaultCode;
  message: string;
  status: number | null;
  retryable: boolean;
  retryAfterMs: number | null;
}

export class StreamTimeoutError extends Error {
  constructor(
    readonly afterMs: number,
    readonly phase: "first token" | "next chunk",
  ) {
    super(`No ${phase} within ${Math.round(afterMs / 1000)} s`);
    this.name = "StreamTimeoutError";
  }
}

/** Never let a key reach a message, a log line or the browser, even if a provider echoes it back. */
export function redactSecrets(text: string): string {
  let result = text;
  const keyVariables = [
    ...Object.values(PROVIDER_ENV).map(({ keyVar }) => keyVar),
    ...listCompatibleEndpoints().flatMap((endpoint) => (endpoint.keyVariable ? [endpoint.keyVariable] : [])),
  ];
  for (const keyVar of keyVariables) {
    const key = envValue(keyVar);
    if (key && key.length >= 6) result = result.split(key).join("[redacted]");
  }
  return result.replace(/\b(sk|gsk|xai|pk|key)-[A-Za-z0-9_-]{12,}\b/g, "[redacted]");
}

export function parseRetryAfterMs(value: string | undefined | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function findApiCallError(error: unknown): APICallError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (APICallError.isInstance(current)) return current;
    // RetryError and others keep the real failure as lastError or cause.
    current =
      (current as { lastError?: unknown; cause?: unknown }).lastError ??
      (current as { cause?: unknown }).cause;
  }
  return null;
}

function upstreamMessage(error: APICallError): string {
  const body = error.responseBody ?? "";
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    const message =
      typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (message) return message;
  } catch {
    // not JSON; fall back to the SDK's message
  }
  return error.message;
}

export function classifyFault(error: unknown): Fault {
  if (error instanceof AppError) {
    const code: FaultCode = error.type === "unauthorized" ? "missing_key" : "bad_request";
    return {
      code,
      message: redactSecrets(error.message),
      status: error.status,
      retryable: false,
      retryAfterMs: null,
    };
  }
  if (error instanceof StreamTimeoutError) {
    return {
      code: "timeout",
      message: `${error.message}; the request was cancelled.`,
      status: null,
      retryable: false,
      retryAfterMs: null,
    };
  }
  const apiError = findApiCallError(error);
  // A 2xx APICallError means the response started fine and broke while being read.
  if (apiError?.statusCode && apiError.statusCode < 400) return streamFault(apiError.cause ?? apiError);
  if (apiError?.statusCode) {
    const status = apiError.statusCode;
    const detail = redactSecrets(upstreamMessage(apiError)).slice(0, 300);
    const retryAfterMs = parseRetryAfterMs(apiError.responseHeaders?.["retry-after"]);
    if (status === 401 || status === 403) {
      return {
        code: "unauthorized",
        message: `The provider rejected the API key (${status}): ${detail}`,
        status,
        retryable: false,
        retryAfterMs,
      };
    }
    if (status === 404)
      return {
        code: "model_not_found",
        message: `The provider does not know this model (404): ${detail}`,
        status,
        retryable: false,
        retryAfterMs,
      };
    if (status === 429)
      return {
        code: "rate_limited",
        message: `Rate limited by the provider (429): ${detail}`,
        status,
        retryable: true,
        retryAfterMs,
      };
    if (status >= 500)
      return {
        code: "upstream_error",
        message: `The provider failed (${status}): ${detail}`,
        status,
        retryable: true,
        retryAfterMs,
      };
    return {
      code: "bad_request",
      message: `The provider refused the request (${status}): ${detail}`,
      status,
      retryable: false,
      retryAfterMs,
    };
  }
  return streamFault(error);
}

function streamFault(error: unknown): Fault {
  const name = (error as { name?: string })?.name ?? "";
  const message = redactSecrets(String((error as { message?: string })?.message ?? error));
  if (
    name === "AI_TypeValidationError" ||
    name === "AI_JSONParseError" ||
    /JSON|parse|validation/i.test(name)
  ) {
    return {
      code: "malformed_stream",
      message: "The provider sent a malformed stream chunk; the answer stops here.",
      status: null,
      retryable: false,
      retryAfterMs: null,
    };
  }
  if (
    /terminated|ECONNRESET|socket|other side closed|fetch failed|network|ECONNREFUSED/i.test(
      `${message} ${String((error as { cause?: unknown })?.cause ?? "")}`,
    )
  ) {
    const refused = /ECONNREFUSED|fetch failed/i.test(
      `${message} ${String((error as { cause?: { code?: string } })?.cause?.code ?? "")}`,
    );
    return refused
      ? {
          code: "connection_lost",
          message: "Could not connect to the provider.",
          status: null,
          retryable: true,
          retryAfterMs: null,
        }
      : {
          code: "connection_lost",
          message: "The connection to the provider was cut mid-stream.",
          status: null,
          retryable: false,
          retryAfterMs: null,
        };
  }
  return {
    code: "unknown",
    message: message.slice(0, 300) || "Unknown error",
    status: null,
    retryable: false,
    retryAfterMs: null,
  };
}

/** Exponential backoff with full jitter, honouring Retry-After when the provider sends it. */
export function backoffMs(attempt: number, fault: Fault, random = Math.random): number {
  const capMs = 8_000;
  const exponential = Math.min(capMs, 250 * 2 ** attempt);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.min(20_000, Math.max(jittered, fault.retryAfterMs ?? 0));
}
