/// <reference lib="webworker" />
/**
 * Counts tokens off the main thread, so a 100k-token paste does not freeze the page. Each encoding
 * is a large rank table: it is imported only when first needed, one after the other, and kept.
 */
import type { TokenCountMessage, TokenCountRequest } from "./token-count-types";

type Encoding = "o200k_base" | "cl100k_base";
type Counter = (text: string) => number;

const counters = new Map<Encoding, Promise<Counter>>();

function loadCounter(encoding: Encoding): Promise<Counter> {
  let counter = counters.get(encoding);
  if (!counter) {
    // Literal specifiers, so the bundler emits one chunk per encoding.
    counter =
      encoding === "o200k_base"
        ? import("gpt-tokenizer/encoding/o200k_base").then((module) => module.countTokens)
        : import("gpt-tokenizer/encoding/cl100k_base").then((module) => module.countTokens);
    counters.set(encoding, counter);
  }
  return counter;
}

function countWords(text: string): number {
  // Word segmentation, not spaces: Japanese or Chinese text has no spaces between words.
  if (typeof Intl.Segmenter === "function") {
    let words = 0;
    for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
      if (segment.isWordLike) words++;
    }
    return words;
  }
  return text.split(/\s+/).filter(Boolean).length;
}

async function timedCount(encoding: Encoding, text: string): Promise<{ tokens: number; ms: number }> {
  const started = performance.now();
  const count = await loadCounter(encoding);
  const tokens = text.length === 0 ? 0 : count(text);
  return { tokens, ms: performance.now() - started };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<TokenCountRequest>) => {
  const { id, text } = event.data;
  const started = performance.now();
  try {
    const post = (message: TokenCountMessage) => scope.postMessage(message);
    const characters = Array.from(text).length;
    const words = countWords(text);
    // o200k first: it is exact for the current OpenAI models, so it is worth showing early.
    const o200k = await timedCount("o200k_base", text);
    post({ id, done: false, characters, words, o200k: o200k.tokens, cl100k: null, o200kMs: o200k.ms });
    const cl100k = await timedCount("cl100k_base", text);
    post({
      id,
      done: true,
      characters,
      words,
      o200k: o200k.tokens,
      cl100k: cl100k.tokens,
      o200kMs: o200k.ms,
      cl100kMs: cl100k.ms,
      totalMs: performance.now() - started,
    });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
