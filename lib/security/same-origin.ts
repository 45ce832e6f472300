import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestOrigin } from "./request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent on behalf of another site. Browsers always
 * send Origin or Sec-Fetch-Site on such requests; clients that send neither (curl, servers) are
 * not browsers carrying someone's cookies, so they pass.
 */
export function crossSiteRefusal(request: Request): AppError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin !== null) {
    if (allowedOrigins(request).has(origin.toLowerCase())) return null;
  } else if (fetchSite === null || fetchSite === "same-origin" || fetchSite === "none") {
    return null;
  }
  return new AppError(
    "forbidden:api",
    "Requests that change data must come from this app's own pages (same origin).",
    { details: { origin, secFetchSite: fetchSite } },
  );
}

function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set([requestOrigin(request).origin]);
  const configured = env().APP_ORIGIN;
  if (configured) allowed.add(new URL(configured).origin.toLowerCase());
  return allowed;
}
