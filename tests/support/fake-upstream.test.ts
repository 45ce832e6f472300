import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createGroq } from "@ai-sdk/groq";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, type LanguageModel, streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  countPromptTokens,
  type FakeUpstream,
  replyText,
  startFakeUpstream,
} from "@/tests/support/fake-upstream";

const prompt = "Compare the latency of three small models for a customer support bot";
let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(async () => {
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  // Fast defaults keep the whole file well under the time budget.
  upstream.setScenario("*", { ttftMs: 20, tokensPerSecond: 1000, outputTokens: 12 });
});

const openai = (apiKey = "test") => createOpenAI({ baseURL: `${upstream.url}/v1`, apiKey });
const anthropic = (apiKey = "test") => createAnthropic({ baseURL: `${upstream.url}/v1`, apiKey });
const google = (apiKey = "test") => createGoogleGenerativeAI({ baseURL: `${upstream.url}/v1beta`, apiKey });

type Collected = {
  text: string;
  /** `error` parts of the stream (HTTP errors, unparsable chunks). */
  errors: unknown[];
  /** What iterating the stream threw: a dropped connection surfaces this way, not as an error part. */
  thrown?: unknown;
  aborted: boolean;
  finishReason?: string;
  ttftMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
};

async function collect(
  model: LanguageModel,
  options: {
    maxRetries?: number;
    maxOutputTokens?: number;
    abortSignal?: AbortSignal;
    onText?: (text: string) => void;
  } = {},
): Promise<Collected> {
  const startedAtMs = performance.now();
  const result = streamText({
    model,
    prompt,
    maxRetries: options.maxRetries ?? 0,
    // Explicit, because @ai-sdk/anthropic warns that it does not know claude-3-5-haiku-latest's limit.
    maxOutputTokens: options.maxOutputTokens ?? 1000,
    abortSignal: options.abortSignal,
    // Errors are asserted from the stream parts; the default handler would only log them.
    onError: () => {},
  });
  const collected: Collected = { text: "", errors: [], aborted: false };
  try {
    for await (const part of result.fullStream) {
      if (part.type === "text-delta" && part.text.length > 0) {
        collected.ttftMs ??= performance.now() - startedAtMs;
        collected.text += part.text;
        options.onText?.(collected.text);
      } else if (part.type === "error") {
        collected.errors.push(part.error);
      } else if (part.type === "abort") {
        collected.aborted = true;
      } else if (part.type === "finish") {
        collected.finishReason = part.finishReason;
        collected.inputTokens = part.totalUsage.inputTokens;
        collected.outputTokens = part.totalUsage.outputTokens;
        collected.reasoningTokens = part.totalUsage.outputTokenDetails.reasoningTokens;
      }
    }
  } catch (error) {
    collected.thrown = error;
  }
  return collected;
}

function expectedReply(model: string, outputTokens = 12) {
  return replyText({ lastUserMessage: prompt, model, outputTokens });
}

function singleApiCallError(errors: unknown[]): APICallError {
  expect(errors).toHaveLength(1);
  const [error] = errors;
  if (!APICallError.isInstance(error)) throw new Error(`expected APICallError, got ${String(error)}`);
  return error;
}

async function waitFor(check: () => boolean, timeoutMs = 2000) {
  const deadlineMs = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadlineMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("reply text", () => {
  it("starts with the first eight prompt words and is stable for the same prompt and model", () => {
    const text = replyText({ lastUserMessage: prompt, model: "gpt-4o-mini", outputTokens: 14 });
    expect(text.startsWith("Answer to: Compare the latency of three small models for.")).toBe(true);
    expect(text).toBe(replyText({ lastUserMessage: prompt, model: "gpt-4o-mini", outputTokens: 14 }));
    expect(text).not.toBe(replyText({ lastUserMessage: prompt, model: "gpt-4o", outputTokens: 14 }));
  });
});

describe("providers through their real AI SDK packages", () => {
  it("OpenAI chat completions: text, usage and TTFT", async () => {
    upstream.setScenario("gpt-4o-mini", {
      ttftMs: 150,
      tokensPerSecond: 1000,
      outputTokens: 12,
      reasoningTokens: 3,
    });
    const result = await collect(openai().chat("gpt-4o-mini"));
    expect(result.errors).toEqual([]);
    expect(result.text).toBe(expectedReply("gpt-4o-mini"));
    expect(result.inputTokens).toBe(countPromptTokens([prompt]));
    // OpenAI counts reasoning inside completion_tokens.
    expect(result.outputTokens).toBe(12 + 3);
    expect(result.reasoningTokens).toBe(3);
    expect(result.ttftMs).toBeGreaterThanOrEqual(145);
    expect(result.ttftMs).toBeLessThan(650);
    const [request] = upstream.requests();
    expect(request).toMatchObject({ path: "/v1/chat/completions", provider: "openai", client: "openai" });
    expect(request?.headers.authorization).toBe("Bearer ***");
    expect(request?.firstTokenAfterMs).toBeGreaterThanOrEqual(150);
  });

  it("Anthropic messages: text and usage", async () => {
    const result = await collect(anthropic()("claude-3-5-haiku-latest"));
    expect(result.errors).toEqual([]);
    expect(result.text).toBe(expectedReply("claude-3-5-haiku-latest"));
    expect(result.inputTokens).toBe(countPromptTokens([prompt]));
    expect(result.outputTokens).toBe(12);
    expect(upstream.requests()[0]).toMatchObject({ path: "/v1/messages", provider: "anthropic" });
    expect(upstream.requests()[0]?.headers["x-api-key"]).toBe("***");
  });

  it("Gemini streamGenerateContent: text and usage", async () => {
    const result = await collect(google()("gemini-2.0-flash"));
    expect(result.errors).toEqual([]);
    expect(result.text).toBe(expectedReply("gemini-2.0-flash"));
    expect(result.inputTokens).toBe(countPromptTokens([prompt]));
    expect(result.outputTokens).toBe(12);
    expect(upstream.requests()[0]?.path).toBe(
      "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
    );
  });

  it("OpenAI-compatible (groq) reports usage when includeUsage is set", async () => {
    const groqCompatible = createOpenAICompatible({
      name: "groq",
      baseURL: `${upstream.url}/v1`,
      apiKey: "test",
      includeUsage: true,
    });
    const result = await collect(groqCompatible("llama-3.1-8b-instant"));
    expect(result.text).toBe(expectedReply("llama-3.1-8b-instant"));
    expect(result.inputTokens).toBe(countPromptTokens([prompt]));
    expect(result.outputTokens).toBe(12);
  });

  it("native @ai-sdk/groq and @ai-sdk/mistral get usage in their own chunk shapes", async () => {
    const groq = createGroq({ baseURL: `${upstream.url}/v1`, apiKey: "test" });
    const mistral = createMistral({ baseURL: `${upstream.url}/v1`, apiKey: "test" });
    for (const model of [groq("llama-3.1-8b-instant"), mistral("mistral-small-latest")]) {
      const result = await collect(model);
      expect(result.errors).toEqual([]);
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.outputTokens).toBe(12);
    }
  });
});

describe("request options and the control API", () => {
  it("cuts the reply at the request's max output tokens with a length finish", async () => {
    for (const model of [
      openai().chat("gpt-4o-mini"),
      anthropic()("claude-3-5-haiku-latest"),
      google()("gemini-2.0-flash"),
    ]) {
      const result = await collect(model, { maxOutputTokens: 5 });
      expect(result.text).toBe(expectedReply(model.modelId, 5));
      expect(result.outputTokens).toBe(5);
      expect(result.finishReason).toBe("length");
    }
  });

  it("takes scenarios over HTTP, rejects bad ones with the field errors, and lists Ollama models", async () => {
    const rejected = await fetch(`${upstream.url}/__fake/scenario`, {
      method: "POST",
      body: JSON.stringify({ model: "*", ttftMs: "fast" }),
    });
    expect(rejected.status).toBe(400);
    expect(await rejected.json()).toMatchObject({ issues: [{ path: ["ttftMs"] }] });

    await fetch(`${upstream.url}/__fake/scenario`, {
      method: "POST",
      body: JSON.stringify({ model: "gpt-4o-mini", text: "Fixed reply, exactly." }),
    });
    const result = await collect(openai().chat("gpt-4o-mini"));
    expect(result.text).toBe("Fixed reply, exactly.");
    expect(result.outputTokens).toBe(5);
    const recorded = (await (await fetch(`${upstream.url}/__fake/requests`)).json()) as {
      requests: unknown[];
    };
    expect(recorded.requests).toMatchObject([{ model: "gpt-4o-mini", outcome: "completed", tokensSent: 5 }]);

    const tags = (await (await fetch(`${upstream.url}/api/tags`)).json()) as { models: { name: string }[] };
    expect(tags.models.map((model) => model.name)).toContain("llama3.2:latest");
  });
});

describe("upstream failures", () => {
  it("429 with Retry-After fails once, then the SDK's retry succeeds", async () => {
    upstream.setScenario("gpt-4o-mini", { failStatus: 429, failTimes: 1, retryAfterSeconds: 0 });
    const raw = await fetch(`${upstream.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-4o-mini",
        stream: true,
        messages: [{ role: "user", content: prompt }],
      }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("0");
    expect(await raw.json()).toMatchObject({ error: { type: "requests", code: "rate_limit_exceeded" } });

    upstream.setScenario("gpt-4o-mini", { failStatus: 429, failTimes: 1, retryAfterSeconds: 0 });
    const result = await collect(openai().chat("gpt-4o-mini"), { maxRetries: 2 });
    expect(result.errors).toEqual([]);
    expect(result.text).toBe(expectedReply("gpt-4o-mini"));
    // One raw fetch, then the SDK's failed attempt and its successful retry.
    expect(upstream.requests().map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it("401 for the bad key, in each provider's error shape", async () => {
    const openaiError = singleApiCallError((await collect(openai("bad-key").chat("gpt-4o-mini"))).errors);
    expect(openaiError.statusCode).toBe(401);
    expect(openaiError.message).toMatch(/Incorrect API key/);
    const anthropicError = singleApiCallError(
      (await collect(anthropic("bad-key")("claude-3-5-haiku-latest"))).errors,
    );
    expect(anthropicError.statusCode).toBe(401);
    expect(anthropicError.message).toBe("invalid x-api-key");
    const googleError = singleApiCallError((await collect(google("bad-key")("gemini-2.0-flash"))).errors);
    expect(googleError.statusCode).toBe(401);
    expect(googleError.message).toMatch(/API key not valid/);
  });

  it("404 for missing- models, in each provider's error shape", async () => {
    const openaiError = singleApiCallError((await collect(openai().chat("missing-gpt"))).errors);
    expect(openaiError.statusCode).toBe(404);
    expect(openaiError.message).toMatch(/`missing-gpt` does not exist/);
    const anthropicError = singleApiCallError((await collect(anthropic()("missing-claude"))).errors);
    expect(anthropicError.statusCode).toBe(404);
    expect(anthropicError.data).toMatchObject({ type: "error", error: { type: "not_found_error" } });
    const googleError = singleApiCallError((await collect(google()("missing-gemini"))).errors);
    expect(googleError.statusCode).toBe(404);
    expect(googleError.data).toMatchObject({ error: { code: 404, status: "NOT_FOUND" } });
  });

  it("500 is surfaced as a retryable APICallError", async () => {
    upstream.setScenario("*", { failStatus: 500 });
    const error = singleApiCallError((await collect(anthropic()("claude-3-5-haiku-latest"))).errors);
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe("Internal server error");
  });

  it("a malformed chunk ends the stream with an error after the partial text", async () => {
    upstream.setScenario("*", { malformedAfterTokens: 5 });
    for (const model of [openai().chat("gpt-4o-mini"), anthropic()("claude-3-5-haiku-latest")]) {
      const result = await collect(model);
      expect(result.text).toBe(replyText({ lastUserMessage: prompt, model: model.modelId, outputTokens: 5 }));
      expect(result.errors).toHaveLength(1);
      expect(result.thrown).toBeUndefined();
    }
    expect(upstream.requests().map((request) => request.outcome)).toEqual(["malformed", "malformed"]);
  });

  it("a mid-stream disconnect makes the stream throw after the partial text", async () => {
    upstream.setScenario("*", { disconnectAfterTokens: 4 });
    for (const model of [openai().chat("gpt-4o-mini"), google()("gemini-2.0-flash")]) {
      const result = await collect(model);
      expect(result.text).toBe(replyText({ lastUserMessage: prompt, model: model.modelId, outputTokens: 4 }));
      // The SDK wraps undici's "terminated" in an APICallError and throws it instead of emitting an error part.
      expect(APICallError.isInstance(result.thrown)).toBe(true);
      expect((result.thrown as APICallError).message).toBe("Failed to process successful response");
    }
    expect(upstream.requests()[0]).toMatchObject({ outcome: "disconnected", aborted: false, tokensSent: 4 });
  });
});

describe("client behaviour", () => {
  it("records an abort and stops sending", async () => {
    upstream.setScenario("*", { tokensPerSecond: 50, outputTokens: 100 });
    const controller = new AbortController();
    const result = await collect(openai().chat("gpt-4o-mini"), {
      abortSignal: controller.signal,
      onText: (text) => {
        if (text.length > 20) controller.abort();
      },
    });
    expect(result.aborted).toBe(true);
    await waitFor(() => upstream.requests()[0]?.aborted === true);
    const tokensAtAbort = upstream.requests()[0]?.tokensSent ?? 0;
    expect(tokensAtAbort).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.requests()[0]).toMatchObject({ outcome: "aborted", tokensSent: tokensAtAbort });
  });

  it("a hanging stream stays open until the client gives up", async () => {
    upstream.setScenario("*", { hangAfterTokens: 3 });
    const result = await collect(anthropic()("claude-3-5-haiku-latest"), {
      abortSignal: AbortSignal.timeout(300),
    });
    expect(result.text).toBe(
      replyText({ lastUserMessage: prompt, model: "claude-3-5-haiku-latest", outputTokens: 3 }),
    );
    await waitFor(() => upstream.requests()[0]?.aborted === true);
  });

  it("serves 50 concurrent streams", async () => {
    upstream.setScenario("*", { ttftMs: 30, tokensPerSecond: 200, outputTokens: 20 });
    const providers = [
      () => openai().chat("gpt-4o-mini"),
      () => anthropic()("claude-3-5-haiku-latest"),
      () => google()("gemini-2.0-flash"),
    ];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => collect((providers[index % 3] ?? providers[0]!)())),
    );
    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.outputTokens).toBe(20);
    }
    expect(upstream.requests().filter((request) => request.outcome === "completed")).toHaveLength(50);
  });
});
