import { afterEach, describe, expect, it, vi } from "vitest";
import { isJsonMediaType } from "@/lib/http";
import { contentSecurityPolicy, securityHeaders } from "./headers";
import { apiPathRefusal } from "./path-guard";
import { crossSiteRefusal } from "./same-origin";

const post = (headers: Record<string, string>, url = "http://app.local:3000/api/sessions") =>
  new Request(url, { method: "POST", headers: { host: new URL(url).host, ...headers } });

async function freshModules(vars: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("./same-origin");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("crossSiteRefusal", () => {
  it("lets same-origin browsers and header-less clients change data", () => {
    expect(crossSiteRefusal(post({ origin: "http://app.local:3000" }))).toBeNull();
    expect(crossSiteRefusal(post({ "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(post({}))).toBeNull();
  });

  it("refuses another origin, a null origin and cross-site fetch metadata with 403", () => {
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of crossSite) {
      const refusal = crossSiteRefusal(post(headers));
      expect(refusal?.status, JSON.stringify(headers)).toBe(403);
      expect(refusal?.code).toBe("forbidden:api");
    }
  });

  it("never refuses reads", () => {
    const read = new Request("http://app.local:3000/api/sessions", {
      headers: { origin: "https://evil.example" },
    });
    expect(crossSiteRefusal(read)).toBeNull();
  });

  it("believes X-Forwarded-Host only behind a trusted proxy", async () => {
    const proxied = post({
      origin: "https://models.example.com",
      "x-forwarded-host": "models.example.com",
      "x-forwarded-proto": "https",
    });
    expect((await freshModules({ TRUST_PROXY: "0" })).crossSiteRefusal(proxied)?.status).toBe(403);
    expect((await freshModules({ TRUST_PROXY: "1" })).crossSiteRefusal(proxied)).toBeNull();
  });

  it("accepts the configured public origin", async () => {
    const { crossSiteRefusal: refusal } = await freshModules({ APP_ORIGIN: "https://models.example.com" });
    expect(refusal(post({ origin: "https://models.example.com" }))).toBeNull();
    expect(refusal(post({ origin: "https://other.example.com" }))?.status).toBe(403);
  });
});

describe("isJsonMediaType", () => {
  it("takes only application/json with an optional UTF-8 charset", () => {
    expect(isJsonMediaType("application/json")).toBe(true);
    expect(isJsonMediaType("Application/JSON; charset=UTF-8")).toBe(true);
    for (const type of [
      "text/plain;application/json",
      "application/jsonx",
      "application/json; charset=latin1",
      null,
    ]) {
      expect(isJsonMediaType(type), String(type)).toBe(false);
    }
  });
});

describe("apiPathRefusal", () => {
  it("answers broken %-escapes with 400 and unknown methods with 405", () => {
    expect(apiPathRefusal(new Request("http://a.local/api/sessions/%E0%A4%A"))?.status).toBe(400);
    expect(apiPathRefusal(new Request("http://a.local/api/models/openai/%"))?.status).toBe(400);
    expect(apiPathRefusal(new Request("http://a.local/api/health", { method: "PROPFIND" }))?.status).toBe(
      405,
    );
    expect(apiPathRefusal(new Request("http://a.local/api/models/openai/gpt-4o%2Fmini"))).toBeNull();
    expect(apiPathRefusal(new Request("http://a.local/history/%E0"))).toBeNull();
  });
});

describe("securityHeaders", () => {
  it("allows scripts only with the nonce, eval only in development, HSTS only over TLS", () => {
    const production = securityHeaders({ nonce: "abc", development: false, https: false });
    expect(production["content-security-policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(production["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(production["content-security-policy"]).not.toContain("unsafe-eval");
    expect(production["x-frame-options"]).toBe("DENY");
    expect(production["strict-transport-security"]).toBeUndefined();
    expect(contentSecurityPolicy({ nonce: "abc", development: true })).toContain("'unsafe-eval'");
    expect(
      securityHeaders({ nonce: "abc", development: false, https: true })["strict-transport-security"],
    ).toMatch(/max-age=\d+/);
  });
});
