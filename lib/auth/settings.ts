import { env } from "@/lib/env";

/** The sign-in configuration of a shared deployment; null in the embedded single-user mode. */
export interface AuthSettings {
  issuer: string;
  issuerName: string;
  clientId: string;
  clientSecret: string;
  secret: string;
  appOrigin: string;
  allowedEmailDomains: string[];
  adminEmails: string[];
}

export function authSettings(): AuthSettings | null {
  const config = env();
  if (!config.AUTH_OIDC_ISSUER) return null;
  // lib/env.ts refuses to start with the issuer set and any of these missing.
  const issuer = config.AUTH_OIDC_ISSUER.replace(/\/+$/, "");
  return {
    issuer,
    issuerName: config.AUTH_OIDC_NAME ?? new URL(issuer).hostname,
    clientId: config.AUTH_OIDC_CLIENT_ID ?? "",
    clientSecret: config.AUTH_OIDC_CLIENT_SECRET ?? "",
    secret: config.AUTH_SECRET ?? "",
    appOrigin: new URL(config.APP_ORIGIN ?? issuer).origin,
    allowedEmailDomains: config.AUTH_ALLOWED_EMAIL_DOMAINS,
    adminEmails: config.AUTH_ADMIN_EMAILS,
  };
}

export function authEnabled(): boolean {
  return Boolean(env().AUTH_OIDC_ISSUER);
}

/** Pages and API routes anyone may open, signed in or not. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    pathname === "/api/health" ||
    pathname === "/api/auth" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/icon.svg"
  );
}
