import { describe, expect, it, vi } from "vitest";

vi.stubEnv("PGLITE_DIR", "memory://");
vi.stubEnv("TOKEN_COUNT_BUDGET_MS", "60000");

const { POST: tokensRoute } = await import("@/app/api/tokens/route");
const { countsInFlight } = await import("@/lib/token-pool/pool");
const { countTokens } = await import("@/lib/tokens");

function tokensRequest(body: unknown, signal?: AbortSignal): Request {
  return new Request("http://test.local/api/tokens", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

const post = async (body: unknown, signal?: AbortSignal) =>
  tokensRoute(tokensRequest(body, signal), {} as never);

// A large body is one count on a thread: parsing, characters, words and every encoding it asks for.
const untilInFlight = (counts: number) =>
  vi.waitFor(() => expect(countsInFlight()).toBe(counts), { timeout: 20_000, interval: 5 });

describe("POST /api/tokens with a huge text", () => {
  it("counts 2,000,000 characters of one unbroken run while serving another request", async () => {
    const finished: string[] = [];
    const huge = post({ text: "x".repeat(2_000_000) }).then(async (response) => {
      finished.push("huge");
      return response;
    });
    await untilInFlight(1);
    const small = await post({ text: "hello world" });
    finished.push("small");
    expect(await small.json()).toMatchObject({ counts: { o200k_base: 2, cl100k_base: 2 } });

    const response = await huge;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      characters: 2_000_000,
      words: 1,
      counts: { o200k_base: 250_000, cl100k_base: 250_000 },
      encoding: "o200k_base",
    });
    // The small count did not wait behind the huge one: the huge one runs on the counting threads.
    expect(finished).toEqual(["small", "huge"]);
  }, 60_000);

  it("stops the count when the client disconnects", async () => {
    const client = new AbortController();
    const response = post({ text: "m".repeat(2_000_000), encoding: "cl100k_base" }, client.signal);
    await untilInFlight(1);
    client.abort();
    const { status } = await response;
    expect(status).toBe(400);
    expect(countsInFlight()).toBe(0);
    // The pool starts a fresh thread for the next count after terminating the busy one.
    const text = "y".repeat(40_000);
    const next = await post({ text, encoding: "o200k_base" });
    expect(await next.json()).toMatchObject({
      counts: { o200k_base: await countTokens(text, "o200k_base") },
    });
  }, 60_000);
});
