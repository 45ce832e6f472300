import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { apiPathRefusal } from "@/lib/security/path-guard";
import { requestOrigin } from "@/lib/security/request-origin";
import { crossSiteRefusal } from "@/lib/security/same-origin";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    development: env().NODE_ENV === "development",
    https: requestOrigin(request).https,
  });
  const refusal = apiPathRefusal(request) ?? crossSiteRefusal(request);
  const response = refusal
    ? refusal.toResponse()
    : NextResponse.next({ request: { headers: withNonce(request.headers, headers) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Next reads the nonce from the request's CSP header and puts it on its own scripts. */
function withNonce(requestHeaders: Headers, headers: Record<string, string>): Headers {
  const forwarded = new Headers(requestHeaders);
  forwarded.set("content-security-policy", headers["content-security-policy"] ?? "");
  return forwarded;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
