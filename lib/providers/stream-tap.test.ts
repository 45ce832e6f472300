import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createGroq } from "@ai-sdk/groq";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { streamModel } from "@/lib/playground/stream-model";
import {
  type FakeUpstream,
  replyText,
  type Scenario,
  startFakeUpstream,
} from "@/tests/support/fake-upstream";
import {
  MAX_READ_BATCH_MS,
  READ_BATCH_MS,
  readPauseMs,
  type StreamTap,
  TextEventShape,
  tappedFetch,
  tapSignal,
} from "./stream-tap";

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

type Build = (fetchImpl: typeof fetch | undefined) => LanguageModelV3;
const settings = (fetchImpl: typeof fetch | undefined) => ({ apiKey: "test", fetch: fetchImpl });

/** Every wire format and SDK package the registry builds, each against the fake upstream. */
const MODELS: Record<string, Build> = {
  "openai chat": (f) => createOpenAI({ ...settings(f), baseURL: `${upstream.url}/v1` }).chat("gpt-4o-mini"),
  anthropic: (f) =>
    createAnthropic({ ...settings(f), baseURL: `${upstream.url}/v1` })("claude-3-5-haiku-latest"),
  google: (f) =>
    createGoogleGenerativeAI({ ...settings(f), baseURL: `${upstream.url}/v1beta` })("gemini-2.0-flash"),
  groq: (f) => createGroq({ ...settings(f), baseURL: `${upstream.url}/v1` })("llama-3.1-8b-instant"),
  mistral: (f) => createMistral({ ...settings(f), baseURL: `${upstream.url}/v1` })("mistral-small-latest"),
  "openai-compatible": (f) =>
    createOpenAICompatible({
      name: "local",
      baseURL: `${upstream.url}/v1`,
      includeUsage: true,
      ...settings(f),
    })("llama3.2"),
};

const SCENARIOS: Record<string, Partial<Scenario>> = {
  "a plain answer": { ttftMs: 5, tokensPerSecond: 2_000, outputTokens: 30 },
  "reasoning and cached tokens, cut at the length limit": {
    ttftMs: 5,
    tokensPerSecond: 2_000,
    outputTokens: 25,
    reasoningTokens: 7,
    cachedInputTokens: 3,
  },
  "a malformed chunk after usable text": {
    ttftMs: 5,
    tokensPerSecond: 2_000,
    outputTokens: 30,
    malformedAfterTokens: 6,
  },
  "a connection cut mid-stream": {
    ttftMs: 5,
    tokensPerSecond: 2_000,
    outputTokens: 30,
    disconnectAfterTokens: 4,
  },
  "a refusal with a status": { failStatus: 400 },
};

const PROMPT = "Say something about tapping streams.";

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  return parts;
}

const run = (model: LanguageModelV3) =>
  streamModel(
    model,
    { messages: [{ role: "user", content: PROMPT }], maxOutputTokens: 200 },
    new AbortController().signal,
    { onDelta: () => {} },
  );

/** What an outcome means, without the timings that differ between any two runs. */
function meaning(outcome: Awaited<ReturnType<typeof run>>) {
  return {
    status: outcome.status,
    output: outcome.output,
    usage: outcome.usage,
    finishReason: outcome.finishReason,
    fault: outcome.fault?.code ?? null,
    reachedProvider: outcome.reachedProvider,
  };
}

describe("the stream tap", () => {
  for (const [name, build] of Object.entries(MODELS)) {
    for (const [label, scenario] of Object.entries(SCENARIOS)) {
      it(`${name}: ${label} means the same tapped as through the package alone`, async () => {
        upstream.setScenario("*", scenario);
        const direct = meaning(await run(build(undefined)));
        const tapped = meaning(await run(build(tappedFetch)));
        expect(tapped).toEqual(direct);
        if (label === "a plain answer") expect(direct.output.length).toBeGreaterThan(20);
        if (label !== "a refusal with a status") expect(direct.output.length).toBeGreaterThan(0);
      });
    }
  }

  it("hands over the text itself and passes the package only what is not plain text", async () => {
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 2_000, outputTokens: 40 });
    for (const [name, build] of Object.entries(MODELS)) {
      let text = "";
      const tap: StreamTap = { onText: (piece) => (text += piece), engaged: false };
      const { stream } = await build(tappedFetch).doStream({
        prompt: [{ role: "user", content: [{ type: "text", text: PROMPT }] }],
        abortSignal: tapSignal(tap),
      });
      const parts: LanguageModelV3StreamPart[] = await readAll(stream);
      expect(tap.engaged, name).toBe(true);
      expect(text, name).toBe((await run(build(undefined))).output);
      const finish = parts.find((part) => part.type === "finish");
      expect(finish?.type === "finish" && finish.usage.outputTokens.total, name).toBe(40);
      // Of 40 tokens, the package reads at most the few that came with something else.
      const textParts = parts.filter((part) => part.type === "text-delta").length;
      expect(textParts, name).toBeLessThanOrEqual(2);
    }
  });

  /**
   * One answer (first token after 40 ms, 20 more at 1,000 a second) through `fetchImpl`; its recorded
   * time to first token must be the upstream's own within 60 ms, whatever `fetchImpl` does around it.
   */
  async function timedAnswer(fetchImpl: typeof fetch) {
    upstream.setScenario("*", { ttftMs: 40, tokensPerSecond: 1_000, outputTokens: 20 });
    const outcome = await streamModel(
      MODELS["openai chat"]?.(fetchImpl) as LanguageModelV3,
      { messages: [{ role: "user", content: "hi" }] },
      new AbortController().signal,
      { onDelta: () => {} },
    );
    expect(outcome.status).toBe("ok");
    const trueTtft = upstream.requests().at(-1)?.firstTokenAfterMs as number;
    expect(outcome.ttftMs).toBeGreaterThanOrEqual(trueTtft);
    expect(outcome.ttftMs).toBeLessThan(trueTtft + 60);
    return { outcome, trueTtft };
  }

  it("times the first token and the answer from when the request was sent, not from when the call began", async () => {
    // The package's own work before the request, or a busy thread, stands in as 150 ms before fetch.
    const { outcome, trueTtft } = await timedAnswer(async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return tappedFetch(input, init);
    });
    // 20 tokens at 1,000/s after the first: the answer's own time, without the 150 ms before it.
    expect(outcome.durationMs).toBeLessThan(trueTtft + 20 + 100);
  });

  it("starts the clock when the request is handed to the system, not when it is ended on a busy thread", async () => {
    // The thread stays busy for 150 ms after the request is ended (other streams' work in the same
    // turn), so its bytes leave only afterwards: that wait is not the model's.
    await timedAnswer((input, init) => {
      const answer = tappedFetch(input, init);
      const until = performance.now() + 150;
      while (performance.now() < until);
      return answer;
    });
  });

  it("leaves calls without a tapped signal, and answers that are not streams, to the package", async () => {
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 2_000, outputTokens: 10 });
    const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "hi" }] }];
    const model = MODELS["openai chat"]?.(tappedFetch) as LanguageModelV3;
    const outside = await readAll((await model.doStream({ prompt })).stream);
    expect(outside.filter((part) => part.type === "text-delta").length).toBeGreaterThanOrEqual(10);

    const tap: StreamTap = { onText: () => {}, engaged: false };
    const generated = await model.doGenerate({ prompt, abortSignal: tapSignal(tap) });
    expect(generated.usage.outputTokens.total).toBe(10);
    expect(tap.engaged).toBe(false);
  });

  it("hands a refusal to the package whole, so its fault keeps the provider's status and message", async () => {
    upstream.setScenario("*", { failStatus: 429, retryAfterSeconds: 3 });
    const tap: StreamTap = { onText: () => {}, engaged: false };
    const model = MODELS.anthropic?.(tappedFetch) as LanguageModelV3;
    const error = await model
      .doStream({
        prompt: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
        abortSignal: tapSignal(tap),
      })
      .then(
        () => null,
        (thrown: unknown) => thrown as { statusCode?: number; responseHeaders?: Record<string, string> },
      );
    expect(error?.statusCode).toBe(429);
    expect(error?.responseHeaders?.["retry-after"]).toBe("3");
    expect(tap.engaged).toBe(false);
  });
});

/** A chat-completions stream through tappedFetch alone, with when each piece of text was handed over. */
async function tappedChat(signal?: AbortSignal, arrivals: number[] = []) {
  let text = "";
  const tap: StreamTap = {
    onText: (piece) => {
      arrivals.push(performance.now());
      text += piece;
    },
    engaged: false,
  };
  const error = await tappedFetch(`${upstream.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer test" },
    body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hi" }] }),
    signal: tapSignal(tap, signal),
  })
    .then((response) => readAll(response.body as ReadableStream<Uint8Array>))
    .then(
      () => null,
      (thrown: unknown) => thrown,
    );
  return { arrivals, text, tap, error };
}

/** The gaps between the separate moments text was handed over at, after the first piece. */
function readMoments(arrivals: number[]): number[] {
  const gaps: number[] = [];
  for (let index = 2; index < arrivals.length; index++) {
    const gap = (arrivals[index] as number) - (arrivals[index - 1] as number);
    if (gap > 1) gaps.push(gap);
  }
  return gaps;
}

describe("reading a stream in batches", () => {
  it("reads the rest of an answer in batches once its first text is in, and loses none of it", async () => {
    // 300 tokens a millisecond apart: read as they land, that is about 300 hand-overs at separate moments.
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 1_000, outputTokens: 300 });
    const { arrivals, text, tap } = await tappedChat();
    expect(tap.engaged).toBe(true);
    expect(text).toBe(replyText({ lastUserMessage: "hi", model: "gpt-4o-mini", outputTokens: 300 }));
    // Pieces read together are handed over together; count the separate moments after the first.
    let moments = 0;
    for (let index = 2; index < arrivals.length; index++)
      if ((arrivals[index] as number) - (arrivals[index - 1] as number) > 1) moments++;
    const spanMs = (arrivals.at(-1) as number) - (arrivals[0] as number);
    expect(spanMs).toBeGreaterThan(200);
    expect(moments).toBeLessThanOrEqual(Math.ceil(spanMs / READ_BATCH_MS) + 2);
  });

  it("leaves a long answer unread for longer, up to the longest pause, and still loses none of it", async () => {
    // 1,000 tokens 2 ms apart (2 s): read in pauses of 8 ms throughout, that is about 250 moments.
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 500, outputTokens: 1_000 });
    const { arrivals, text } = await tappedChat();
    expect(text).toBe(replyText({ lastUserMessage: "hi", model: "gpt-4o-mini", outputTokens: 1_000 }));
    const gaps = readMoments(arrivals);
    expect((arrivals.at(-1) as number) - (arrivals[0] as number)).toBeGreaterThan(1_900);
    // 0.64 s of 8 ms pauses, then 16, 24 and, for the last 0.7 s, 32 ms: about 140 moments.
    expect(gaps.length).toBeLessThan(190);
    // The last pauses are the longest (a busy machine can only make a pause longer, not shorter).
    expect(Math.min(...gaps.slice(-5))).toBeGreaterThan(MAX_READ_BATCH_MS - READ_BATCH_MS);
  });

  it("keeps each waiting stream's own pause: a young answer is read every tick beside an old one", async () => {
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 500, outputTokens: 1_000 });
    const oldArrivals: number[] = [];
    const old = tappedChat(undefined, oldArrivals);
    // Once the first answer's pauses are at their longest, a second one starts beside it.
    await vi.waitUntil(
      () => oldArrivals.length > 0 && performance.now() - (oldArrivals[0] as number) > 1_350,
      {
        timeout: 5_000,
        interval: 10,
      },
    );
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 500, outputTokens: 100 });
    const youngStart = performance.now();
    const young = await tappedChat();
    const youngEnd = performance.now();
    const { text: oldText } = await old;
    expect(oldText).toBe(replyText({ lastUserMessage: "hi", model: "gpt-4o-mini", outputTokens: 1_000 }));
    expect(young.text).toBe(replyText({ lastUserMessage: "hi", model: "gpt-4o-mini", outputTokens: 100 }));
    // The young answer's 0.2 s are read a tick at a time; the old one meanwhile in its long pauses.
    const youngGaps = readMoments(young.arrivals);
    const oldGaps = readMoments(oldArrivals.filter((at) => at >= youngStart && at <= youngEnd));
    expect(youngGaps.length).toBeGreaterThan(2 * oldGaps.length);
  });

  it("grows a stream's pause by ticks with the time since its first text, within 1/40 of it", () => {
    expect(readPauseMs(0)).toBe(READ_BATCH_MS);
    expect(readPauseMs(639)).toBe(READ_BATCH_MS);
    expect(readPauseMs(640)).toBe(2 * READ_BATCH_MS);
    expect(readPauseMs(1_000)).toBe(3 * READ_BATCH_MS);
    expect(readPauseMs(1_280)).toBe(MAX_READ_BATCH_MS);
    expect(readPauseMs(60_000)).toBe(MAX_READ_BATCH_MS);
    for (const since of [700, 1_000, 1_300, 5_000])
      expect(readPauseMs(since)).toBeLessThanOrEqual(since / 40);
  });

  it("serves the next answer on the same connection whole, after one read in batches", async () => {
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 1_000, outputTokens: 60 });
    const first = await tappedChat();
    const second = await tappedChat();
    expect(second.text).toBe(first.text);
    expect(second.text.length).toBeGreaterThan(60);
    // The second request went over the connection the first one was read on in batches.
    const [one, two] = upstream.requests();
    expect(one?.clientPort).toBeTypeOf("number");
    expect(two?.clientPort).toBe(one?.clientPort);
  });

  it("stops at once when a call is aborted while its socket waits for the next batch", async () => {
    upstream.setScenario("*", { ttftMs: 5, tokensPerSecond: 500, outputTokens: 400 });
    const controller = new AbortController();
    const arrivals: number[] = [];
    const reading = tappedChat(controller.signal, arrivals);
    // Text has arrived here, so the socket is being read in batches when the call is aborted.
    await vi.waitUntil(() => arrivals.length > 20, { timeout: 2_000 });
    controller.abort(new Error("cancelled"));
    const { error } = await reading;
    expect((error as Error).message).toBe("cancelled");
    const piecesAtAbort = arrivals.length;
    await new Promise((resolve) => setTimeout(resolve, 3 * READ_BATCH_MS));
    expect(arrivals.length).toBe(piecesAtAbort);
    await vi.waitUntil(() => upstream.requests().at(-1)?.outcome === "aborted", { timeout: 2_000 });
  });
});

describe("text events of a known shape", () => {
  const chat = (content: string, extra = "") =>
    `{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":${content}}${extra},"logprobs":null,"finish_reason":null}]}`;
  const event = (data: string) => ({ data, event: undefined, id: undefined });
  /** What parsing the whole event gives: a shape that has learned nothing parses everything whole. */
  const whole = (data: string) => new TextEventShape("openai-chat").decode(event(data));

  it("reads the text of every later event exactly as parsing it whole would", () => {
    const shape = new TextEventShape("openai-chat");
    expect(shape.decode(event(chat('"Hello"')))).toEqual({ text: "Hello", textOnly: true });
    // A later plain piece is read without parsing the event.
    const parse = vi.spyOn(JSON, "parse");
    expect(shape.decode(event(chat('" again"')))).toEqual({ text: " again", textOnly: true });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    const texts = [
      " world",
      'say "hi"',
      "a\\b",
      "line\nbreak",
      "tab\there",
      "é ü 日本",
      "😀",
      "\u0000x",
      "}]}",
      "",
    ];
    for (const text of texts) {
      const data = chat(JSON.stringify(text));
      expect(shape.decode(event(data)), JSON.stringify(text)).toEqual(whole(data));
    }
    // Escapes a provider may write that JSON.stringify would not.
    for (const literal of ['"caf\\u00e9"', '"a\\/b"', '"\\ud83d\\ude00"']) {
      const data = chat(literal);
      expect(shape.decode(event(data))).toEqual(whole(data));
      expect(shape.decode(event(data)).text).toBe(JSON.parse(literal));
    }
  });

  it("parses whole whatever is not the learned shape, so nothing else passes as text", () => {
    const shape = new TextEventShape("openai-chat");
    shape.decode(event(chat('"Hello"')));
    // A string that closes early and adds a key of its own: another document, not text-only.
    const smuggled = chat('"a","refusal":"no"');
    expect(shape.decode(event(smuggled))).toEqual(whole(smuggled));
    expect(whole(smuggled).textOnly).toBe(false);
    // The same text with a finish reason, a role, or a changed id: parsed whole.
    const finished = chat('"end"').replace('"finish_reason":null', '"finish_reason":"stop"');
    expect(shape.decode(event(finished))).toEqual({ text: "end", textOnly: false });
    const otherId = chat('"x"').replace('"c1"', '"c2"');
    expect(shape.decode(event(otherId))).toEqual(whole(otherId));
    // An unterminated string, or one whose last quote is escaped, is malformed: left to the package.
    expect(shape.decode(event(chat('"abc\\"')))).toEqual({ text: "", textOnly: false });
    expect(shape.decode(event(chat('"ab"c"')))).toEqual({ text: "", textOnly: false });
  });
});
