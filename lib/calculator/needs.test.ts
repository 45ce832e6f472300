import { describe, expect, it } from "vitest";
import { unmetNeed } from "./needs";

const model = (overrides: Partial<Parameters<typeof unmetNeed>[0]> = {}) => ({
  contextWindow: 128_000,
  modalities: { input: ["text", "image"], output: ["text"] },
  toolCall: true,
  ...overrides,
});

describe("unmetNeed", () => {
  it("leaves out a 128K model for a 200K-token workload", () => {
    // 200,000 input + 500 output = 200,500 tokens > 128,000.
    expect(unmetNeed(model(), undefined, { inputTokens: 200_000, outputTokens: 500 })).toBe(
      "context window 128,000 < 200,500 tokens needed",
    );
    expect(
      unmetNeed(model({ contextWindow: 200_500 }), undefined, { inputTokens: 200_000, outputTokens: 500 }),
    ).toBe(null);
  });

  it("applies minContextTokens even when the request itself is small", () => {
    expect(unmetNeed(model(), { minContextTokens: 200_000 }, { inputTokens: 100, outputTokens: 100 })).toBe(
      "context window 128,000 < 200,000 tokens needed",
    );
  });

  it("does not let an unknown capability pass", () => {
    const small = { inputTokens: 100, outputTokens: 100 };
    expect(unmetNeed(model({ contextWindow: null }), undefined, small)).toBe("context window unknown");
    expect(
      unmetNeed(model({ modalities: { input: null, output: null } }), { inputModalities: ["image"] }, small),
    ).toBe("input modalities unknown");
    expect(unmetNeed(model({ toolCall: null }), { tools: true }, small)).toBe("tool calling unknown");
  });

  it("checks modalities and tools", () => {
    const small = { inputTokens: 100, outputTokens: 100 };
    expect(unmetNeed(model(), { inputModalities: ["image", "audio", "pdf"] }, small)).toBe(
      "no audio, pdf input",
    );
    expect(unmetNeed(model({ toolCall: false }), { tools: true }, small)).toBe("no tool calling");
    expect(unmetNeed(model({ toolCall: false }), { tools: false, inputModalities: ["text"] }, small)).toBe(
      null,
    );
  });
});

describe("notATextModel", () => {
  it("leaves out image, embedding and speech models but keeps chat models and unknown outputs", async () => {
    const { notATextModel } = await import("./estimate");
    expect(
      notATextModel({
        id: "cloudflare/@cf/black-forest-labs/flux-1-schnell",
        name: "flux",
        modalities: { input: ["text"], output: ["image"] },
      }),
    ).toMatch(/does not write text/);
    expect(
      notATextModel({
        id: "inference/qwen/qwen3-embedding-4b",
        name: "Qwen 3 Embedding 4B",
        modalities: { input: null, output: null },
      }),
    ).toMatch(/not a chat model/);
    expect(
      notATextModel({
        id: "openai/gpt-4o-mini",
        name: "GPT-4o mini",
        modalities: { input: ["text"], output: ["text"] },
      }),
    ).toBeNull();
    expect(
      notATextModel({
        id: "groq/llama-3.3-70b-versatile",
        name: "Llama 3.3 70B",
        modalities: { input: null, output: null },
      }),
    ).toBeNull();
  });
});
