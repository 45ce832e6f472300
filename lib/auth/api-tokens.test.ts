import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken } from "./api-tokens";

describe("API token secrets", () => {
  it("are 256 random bits behind a recognisable prefix, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateApiToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^mlt_[A-Za-z0-9_-]{43}$/);
  });

  it("are stored as a SHA-256 that does not contain the secret", () => {
    const token = generateApiToken();
    const hash = hashApiToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hash);
    expect(hashApiToken(`${token}x`)).not.toBe(hash);
    expect(hash).not.toContain(token.slice(4, 12));
  });
});
