import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { describe, expect, it } from "vitest";
import { streamModel } from "./stream-model";

const settings = { messages: [{ role: "user" as const, content: "hi" }] };
const usage = {
  inputTokens: { total: 11, noCache: 11, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 3, text: 3, reasoning: 0 },
};

function modelStreaming(chunks: LanguageModelV3StreamPart[]) {
  return new MockLanguageModelV3({
    doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs: 0 }) }),
  });
}

describe("streamModel", () => {
  it("keeps the text and the provider's usage when a malformed chunk comes after usable output", async () => {
    const model = modelStreaming([
      { type: "text-start", id: "1" },
      { type: "text-delta", id: "1", delta: "Hello " },
      { type: "text-delta", id: "1", delta: "there" },
      { type: "error", error: Object.assign(new Error("bad chunk"), { name: "AI_JSONParseError" }) },
      { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
    ]);
    const outcome = await streamModel(model, settings, new AbortController().signal, { onDelta: () => {} });
    expect(outcome).toMatchObject({
      status: "error",
      output: "Hello there",
      usage: { inputTokens: 11, outputTokens: 3 },
      reachedProvider: true,
    });
    expect(outcome.fault?.code).toBe("malformed_stream");
  });

  it("says a call stopped before it was sent never reached the provider", async () => {
    const stop = new AbortController();
    stop.abort();
    let calls = 0;
    const model = new MockLanguageModelV3({
      doStream: async () => {
        calls += 1;
        throw new Error("must not be called");
      },
    });
    const outcome = await streamModel(model, settings, stop.signal, { onDelta: () => {} });
    expect(outcome).toMatchObject({ status: "stopped", reachedProvider: false });
    expect(calls).toBe(0);
  });

  /** Sends `deltas` text deltas `everyMs` apart, then nothing, until the call is aborted. */
  function modelThatStalls(deltas: number, everyMs: number) {
    return new MockLanguageModelV3({
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          async start(controller) {
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason), {
              once: true,
            });
            controller.enqueue({ type: "text-start", id: "1" });
            for (let index = 0; index < deltas; index++) {
              await new Promise((resolve) => setTimeout(resolve, everyMs));
              if (abortSignal?.aborted) return;
              controller.enqueue({ type: "text-delta", id: "1", delta: `t${index} ` });
            }
          },
        }),
      }),
    });
  }

  it("times out a stream that goes quiet, counting from its last token, not from its start", async () => {
    const startedAt = performance.now();
    // Six tokens 40 ms apart outlast the 100 ms idle limit several times over; only the silence after counts.
    const outcome = await streamModel(
      modelThatStalls(6, 40),
      settings,
      new AbortController().signal,
      { onDelta: () => {} },
      { firstTokenMs: 1_000, idleMs: 100 },
    );
    const elapsed = performance.now() - startedAt;
    expect(outcome).toMatchObject({ status: "error", output: "t0 t1 t2 t3 t4 t5 " });
    expect(outcome.fault).toMatchObject({ code: "timeout", retryable: false });
    expect(outcome.fault?.message).toMatch(/^No next chunk within/);
    // A few ms of slack for timer and clock granularity; counted from the start it would be ~100 ms.
    expect(elapsed).toBeGreaterThanOrEqual(6 * 40 + 100 - 5);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("times out a stream whose first token never comes, and retries nothing after it", async () => {
    let calls = 0;
    const model = modelThatStalls(0, 0);
    const doStream = model.doStream.bind(model);
    model.doStream = (options) => {
      calls += 1;
      return doStream(options);
    };
    const startedAt = performance.now();
    const outcome = await streamModel(
      model,
      settings,
      new AbortController().signal,
      { onDelta: () => {} },
      { firstTokenMs: 80, idleMs: 10 },
    );
    const elapsed = performance.now() - startedAt;
    expect(outcome.fault?.message).toMatch(/^No first token within/);
    // The first-token limit, not the (shorter) idle one, decided when it ended.
    expect(elapsed).toBeGreaterThanOrEqual(80 - 5);
    expect(elapsed).toBeLessThan(1_000);
    expect(outcome).toMatchObject({ status: "error", output: "", ttftMs: null });
    expect(calls).toBe(1);
  });
});
