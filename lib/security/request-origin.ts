import { env } from "@/lib/env";

/**
 * The origin this request was addressed to. Behind TRUST_PROXY proxies the Host and scheme the
 * browser used arrive in X-Forwarded-*; without a trusted proxy those headers are anyone's to write.
 */
export function requestOrigin(request: Request): { origin: string; https: boolean } {
  const url = new URL(request.url);
  const trusted = env().TRUST_PROXY > 0;
  const forwardedHost = trusted ? lastValue(request.headers.get("x-forwarded-host")) : undefined;
  const forwardedProto = trusted ? lastValue(request.headers.get("x-forwarded-proto")) : undefined;
  const host = forwardedHost ?? request.headers.get("host") ?? url.host;
  // Next builds request.url from X-Forwarded-Proto whoever sent it, so untrusted, its scheme is not evidence.
  const untrustedScheme = !trusted && request.headers.has("x-forwarded-proto");
  const protocol = forwardedProto
    ? `${forwardedProto.toLowerCase()}:`
    : untrustedScheme
      ? "http:"
      : url.protocol;
  return { origin: `${protocol}//${host}`.toLowerCase(), https: protocol === "https:" };
}

/** The nearest proxy appends last, so the last entry is the one a trusted proxy wrote. */
function lastValue(header: string | null): string | undefined {
  const value = header?.split(",").at(-1)?.trim();
  return value ? value : undefined;
}
