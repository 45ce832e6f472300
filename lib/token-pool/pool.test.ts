import { describe, expect, it, vi } from "vitest";

vi.stubEnv("PGLITE_DIR", "memory://");

const { AppError } = await import("@/lib/errors");
const { countsInFlight, measureTextOffThread, runOffThread } = await import("./pool");
const { countTokens } = await import("@/lib/tokens");

const never = () => new AbortController().signal;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("the counting threads", () => {
  it("count a token-count body handed over without a copy", async () => {
    const text = "Grüße, 世界! ".repeat(5_000);
    const body = bytesOf({ text, encoding: "cl100k_base" });
    const counted = runOffThread({ kind: "token-body", body }, { signal: never(), transfer: [body.buffer] });
    // Transferred, not copied: the request thread no longer holds the bytes.
    expect(body.byteLength).toBe(0);
    expect(await counted).toEqual({
      characters: [...text].length,
      words: 10_000,
      counts: { cl100k_base: await countTokens(text, "cl100k_base") },
      encoding: "cl100k_base",
    });
  }, 30_000);

  it("send back a bad body as the same 4xx AppError the request thread would raise", async () => {
    const broken = new TextEncoder().encode(`{"text":"${"x".repeat(30_000)}`);
    const badJson = await rejectionOf(
      runOffThread({ kind: "token-body", body: broken }, { signal: never() }),
    );
    expect(badJson).toBeInstanceOf(AppError);
    expect(badJson).toMatchObject({ status: 400, code: "bad_request:calculator" });
    expect((badJson as Error).message).toMatch(/^The body is not valid JSON: /);

    const wrongField = bytesOf({ text: "x".repeat(30_000), encoding: "p50k_base" });
    const invalid = await rejectionOf(
      runOffThread({ kind: "token-body", body: wrongField }, { signal: never() }),
    );
    expect(invalid).toMatchObject({
      status: 400,
      details: { fieldErrors: { encoding: [expect.any(String)] } },
    });

    const tooLong = bytesOf({ text: "y".repeat(2_000_001) });
    const refused = await rejectionOf(
      runOffThread({ kind: "token-body", body: tooLong }, { signal: never() }),
    );
    expect(refused).toMatchObject({ status: 413, details: { maxCharacters: 2_000_000 } });
    expect(countsInFlight()).toBe(0);
  }, 30_000);

  it("measure a large text off the thread with the same figures as inline", async () => {
    const text = "estimate the usage of this prompt ".repeat(3_000);
    expect(await measureTextOffThread({ text, measure: "o200k_base", signal: never() })).toBe(
      await countTokens(text, "o200k_base"),
    );
    expect(await measureTextOffThread({ text, measure: "words", signal: never() })).toBe(18_000);
  }, 30_000);
});
