import { type NextRequest, NextResponse } from "next/server";
import { frontDoor } from "@/lib/security/front-door";
import { PATH_HEADER } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const { headers, refusal } = frontDoor(request);
  const response = refusal ?? NextResponse.next({ request: { headers: withNonce(request, headers) } });
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
