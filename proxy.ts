import { type NextRequest, NextResponse } from "next/server";
import { authEnabled } from "@/lib/auth/settings";
import { env } from "@/lib/env";
import { createNonce, PATH_HEADER, securityHeaders } from "@/lib/security/headers";
import { apiPathRefusal } from "@/lib/security/path-guard";
import { requestOrigin } from "@/lib/security/request-origin";
import { crossSiteRefusal } from "@/lib/security/same-origin";
import { signInGate } from "@/lib/security/sign-in-gate";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    development: env().NODE_ENV === "development",
    https: requestOrigin(request).https,
  });
  const refusal = apiPathRefusal(request) ?? crossSiteRefusal(request);
  const gate = refusal || !authEnabled() ? null : signInGate(request);
  const response = refusal
    ? refusal.toResponse()
    : (gate ?? NextResponse.next({ request: { headers: withNonce(request, headers) } }));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Next reads the nonce from the request's CSP header and puts it on its own scripts. The path goes
 * along too, so the layout can send a visitor whose session is no longer valid back to sign in.
 */
function withNonce(request: NextRequest, headers: Record<string, string>): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"] ?? "");
  forwarded.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return forwarded;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
