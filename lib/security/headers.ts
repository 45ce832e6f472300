/**
 * Response headers that every page and API answer carries. The CSP allows scripts only from this
 * origin or with the per-request nonce; 'strict-dynamic' lets Next's nonce'd loader add its chunks.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** React's dev tooling evaluates code to rebuild server stacks; production never needs eval. */
  development: boolean;
  /** HSTS is only meaningful (and only honoured) when the page was served over TLS. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development }: Omit<SecurityHeaderOptions, "https">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React style props and the chart library write style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (options.https) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** A fresh unguessable value per request, as CSP nonces must be. */
export function createNonce(): string {
  return btoa(crypto.randomUUID());
}

/** Set by the proxy on the request (never trusted from the client: it is overwritten) for the layout. */
export const PATH_HEADER = "x-modelledger-path";
