import { describe, expect, it, vi } from "vitest";

vi.stubEnv("PGLITE_DIR", "memory://");
vi.stubEnv("TOKEN_COUNT_BUDGET_MS", "5");

const { POST: tokensRoute } = await import("@/app/api/tokens/route");
const { countsInFlight } = await import("@/lib/token-pool/pool");

const post = (body: unknown) =>
  tokensRoute(
    new Request("http://test.local/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {} as never,
  );

describe("POST /api/tokens past its time budget", () => {
  it("answers 422 with a message that says what happened, and stops counting", async () => {
    const response = await post({ text: "x".repeat(1_000_000) });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("unprocessable:calculator");
    expect(error.message).toContain("took longer than the server allows (5 ms)");
    expect(error.details).toEqual({ budgetMs: 5 });
    expect(countsInFlight()).toBe(0);
  });

  it("still counts a small text, which never leaves the request thread", async () => {
    const response = await post({ text: "hello world" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ counts: { o200k_base: 2 } });
  });
});
