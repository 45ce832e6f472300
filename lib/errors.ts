import type { ZodError } from "zod";

/**
 * The one error type of the product. Codes have the form `type:surface`, where type fixes the HTTP
 * status and surface says which part of the product raised it. The same class is rebuilt on the
 * client from the JSON body, so UI code can branch on `code` and `status`.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream: 502,
  unavailable: 503,
  timeout: 504,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;
export type Surface =
  | "api"
  | "catalog"
  | "playground"
  | "calculator"
  | "history"
  | "settings"
  | "database"
  | "provider"
  | "evals";
export type ErrorCode = `${ErrorType}:${Surface}`;

export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;
  readonly details?: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    this.type = type;
    this.surface = surface;
    this.status = ERROR_STATUS[type] ?? 500;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.headers });
  }

  static fromBody(status: number, body: unknown): AppError {
    const parsed = readErrorBody(body);
    if (parsed) return new AppError(parsed.code, parsed.message, { details: parsed.details });
    const type = statusToType(status);
    return new AppError(`${type}:api`, `Request failed with HTTP ${status}`);
  }

  static fromZod(surface: Surface, error: ZodError, what = "request"): AppError {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.length > 0 ? issue.path.join(".") : "(body)";
      const list = fieldErrors[key] ?? [];
      list.push(issue.message);
      fieldErrors[key] = list;
    }
    const summary = Object.entries(fieldErrors)
      .slice(0, 3)
      .map(([field, messages]) => `${field}: ${messages[0]}`)
      .join("; ");
    return new AppError(`bad_request:${surface}`, `Invalid ${what}. ${summary}`, {
      details: { fieldErrors },
    });
  }
}

function readErrorBody(body: unknown): ErrorBody["error"] | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string" || !/^[a-z_]+:[a-z]+$/.test(code)) return null;
  const [type] = code.split(":");
  if (!type || !(type in ERROR_STATUS)) return null;
  return { code: code as ErrorCode, message, details };
}

function statusToType(status: number): ErrorType {
  const match = Object.entries(ERROR_STATUS).find(([, value]) => value === status);
  if (match) return match[0] as ErrorType;
  return status >= 500 ? "internal" : "bad_request";
}

/** Turns any thrown value into a Response; only genuine bugs become a 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error("Unhandled error in route handler", error);
  return new AppError(
    "internal:api",
    "Something went wrong on our side. The error has been logged.",
  ).toResponse();
}
