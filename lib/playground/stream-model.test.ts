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
});
