import { getSessionCookie } from "better-auth/cookies";
import { NextResponse } from "next/server";
import { isPublicPath } from "@/lib/auth/settings";
import { unauthorizedError } from "@/lib/auth/unauthorized";

/**
 * The first check of a shared deployment, made before routing: a page request without a session
 * cookie goes to the sign-in page, an API request with neither a cookie nor a bearer token gets the
 * JSON 401. It only looks for credentials; the route wrapper and the layout verify them.
 */
export function signInGate(request: Request): NextResponse | null {
  const url = new URL(request.url);
  if (isPublicPath(url.pathname)) return null;
  if (getSessionCookie(request)) return null;
  const isApi = url.pathname === "/api" || url.pathname.startsWith("/api/");
  if (isApi) {
    if (request.headers.has("authorization")) return null;
    const error = unauthorizedError();
    return NextResponse.json(error.toBody(), { status: error.status });
  }
  const signIn = new URL("/sign-in", url);
  const next = `${url.pathname}${url.search}`;
  if (next !== "/") signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn, 307);
}
