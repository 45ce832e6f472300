import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database with no keys", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe("./.data/pglite");
    expect(env.raw.OPENAI_API_KEY).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", OPENAI_BASE_URL: "  " });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.raw.OPENAI_BASE_URL?.trim()).toBe("");
  });

  it("leaves the counting threads to the machine unless a whole number from 1 to 16 is set", () => {
    expect(parseEnv({}).TOKEN_COUNT_THREADS).toBeUndefined();
    expect(parseEnv({ TOKEN_COUNT_THREADS: " " }).TOKEN_COUNT_THREADS).toBeUndefined();
    expect(parseEnv({ TOKEN_COUNT_THREADS: "3" }).TOKEN_COUNT_THREADS).toBe(3);
    expect(() => parseEnv({ TOKEN_COUNT_THREADS: "0" })).toThrow(/TOKEN_COUNT_THREADS/);
    expect(() => parseEnv({ TOKEN_COUNT_THREADS: "two" })).toThrow(/TOKEN_COUNT_THREADS/);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(EnvError);
    try {
      parseEnv({ DATABASE_URL: "mysql://x", ANTHROPIC_BASE_URL: "not a url" });
    } catch (error) {
      const names = (error as EnvError).issues.map((issue) => issue.variable).sort();
      expect(names).toEqual(["ANTHROPIC_BASE_URL", "DATABASE_URL"]);
      expect((error as Error).message).toContain("DATABASE_URL");
    }
  });

  it("accepts a Postgres URL and provider overrides", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u@127.0.0.1:5432/db",
      OPENAI_BASE_URL: "http://127.0.0.1:4010/v1",
      OPENAI_API_KEY: "sk-test",
    });
    expect(env.DATABASE_URL).toBe("postgresql://u@127.0.0.1:5432/db");
    expect(env.raw.OPENAI_BASE_URL).toBe("http://127.0.0.1:4010/v1");
    expect(env.raw.OPENAI_API_KEY).toBe("sk-test");
  });

  it("parses OpenAI-compatible endpoints once and names a bad one", () => {
    const env = parseEnv({
      OPENAI_COMPATIBLE_ENDPOINTS: "vllm|http://gpu:8000/v1|VLLM_KEY, lmstudio|http://127.0.0.1:1234/v1|",
    });
    expect(env.OPENAI_COMPATIBLE_ENDPOINTS).toEqual([
      { name: "vllm", baseUrl: "http://gpu:8000/v1", keyVariable: "VLLM_KEY" },
      { name: "lmstudio", baseUrl: "http://127.0.0.1:1234/v1", keyVariable: null },
    ]);
    expect(() => parseEnv({ OPENAI_COMPATIBLE_ENDPOINTS: "Bad Name|not a url|" })).toThrow(
      /OPENAI_COMPATIBLE_ENDPOINTS/,
    );
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told how many there are", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});

describe("sign-in settings", () => {
  const complete = {
    AUTH_OIDC_ISSUER: "https://accounts.google.com",
    AUTH_OIDC_CLIENT_ID: "client-id",
    AUTH_OIDC_CLIENT_SECRET: "client-secret",
    AUTH_SECRET: "a".repeat(32),
    APP_ORIGIN: "https://models.example.com",
  };

  it("needs nothing in the single-user mode", () => {
    const env = parseEnv({});
    expect(env.AUTH_OIDC_ISSUER).toBeUndefined();
    expect(env.AUTH_ALLOWED_EMAIL_DOMAINS).toEqual([]);
    expect(env.AUTH_ADMIN_EMAILS).toEqual([]);
  });

  it("with an issuer, names every missing companion variable", () => {
    try {
      parseEnv({ AUTH_OIDC_ISSUER: "https://accounts.google.com" });
      expect.unreachable("an issuer alone must be refused");
    } catch (error) {
      const names = (error as EnvError).issues.map((issue) => issue.variable).sort();
      expect(names).toEqual(["APP_ORIGIN", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET", "AUTH_SECRET"]);
    }
    expect(() => parseEnv({ ...complete, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ ...complete, AUTH_OIDC_ISSUER: "accounts.google.com" })).toThrow(
      /AUTH_OIDC_ISSUER/,
    );
  });

  it("reads domain and admin lists trimmed and lower-cased", () => {
    const env = parseEnv({
      ...complete,
      AUTH_ALLOWED_EMAIL_DOMAINS: " Example.com, example.org ,",
      AUTH_ADMIN_EMAILS: "Ada@Example.com",
    });
    expect(env.AUTH_ALLOWED_EMAIL_DOMAINS).toEqual(["example.com", "example.org"]);
    expect(env.AUTH_ADMIN_EMAILS).toEqual(["ada@example.com"]);
  });
});
