import { AppError } from "@/lib/errors";

/** The methods some API route answers; anything else is refused before routing. */
const API_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Faults the router would otherwise turn into plain-text 500s: a path whose %-escapes do not
 * decode to UTF-8, and methods such as TRACE that no handler exists for.
 */
export function apiPathRefusal(request: Request): AppError | null {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith("/api/") && pathname !== "/api") return null;
  if (!API_METHODS.has(request.method.toUpperCase())) {
    return new AppError("method_not_allowed:api", `The API does not answer ${request.method} requests.`, {
      headers: { allow: [...API_METHODS].join(", ") },
    });
  }
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return new AppError(
        "bad_request:api",
        "The address has a broken %-escape. Encode ids with encodeURIComponent.",
        { details: { segment } },
      );
    }
  }
  return null;
}
