import { authEnabled } from "@/lib/auth/settings";
import { env } from "@/lib/env";
import { createNonce, securityHeaders } from "./headers";
import { apiPathRefusal } from "./path-guard";
import { requestOrigin } from "./request-origin";
import { crossSiteRefusal } from "./same-origin";
import { signInGate } from "./sign-in-gate";

/**
 * What every request meets before its route: the security headers its answer carries (with a fresh
 * CSP nonce), and a refusal when the path or method is one no route answers, a browser sent it for
 * another site, or a shared deployment's caller brought no credentials. The proxy applies it to
 * the requests Next routes, and the Node server's request hook to the streams it serves itself
 * (lib/server-hook.ts), so both meet the same rules.
 */
export function frontDoor(request: Request): { headers: Record<string, string>; refusal: Response | null } {
  const headers = securityHeaders({
    nonce: createNonce(),
    development: env().NODE_ENV === "development",
    https: requestOrigin(request).https,
  });
  const refused = apiPathRefusal(request) ?? crossSiteRefusal(request);
  const refusal = refused ? refused.toResponse() : authEnabled() ? signInGate(request) : null;
  return { headers, refusal };
}
