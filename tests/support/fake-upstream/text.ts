/**
 * Deterministic reply text and token counts. Tests import these to compute what the fake will send,
 * so the rules live in one place.
 */

const fillerWords = [
  "latency",
  "throughput",
  "model",
  "stream",
  "token",
  "prompt",
  "cache",
  "provider",
  "budget",
  "context",
  "window",
  "answer",
  "benchmark",
  "request",
  "response",
  "quality",
  "speed",
  "price",
  "output",
  "input",
  "reasoning",
  "chart",
  "table",
  "result",
];

const answerPrefixWords = 8;
const wordsPerFillerSentence = 9;

/** A "token" is a word (with its leading space) or one punctuation mark, so pieces join back to the text. */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*[\p{L}\p{N}'_-]+|\s*[^\s\p{L}\p{N}'_-]|\s+$/gu) ?? [];
}

/** Roughly 1.3 tokens per word, like English BPE tokenizers, plus a small per-message overhead. */
export function countPromptTokens(messageTexts: string[]): number {
  const pieces = messageTexts.reduce((total, text) => total + splitIntoTokens(text).length, 0);
  return Math.ceil(pieces * 1.3) + 3 * messageTexts.length;
}

/** FNV-1a, so the same prompt and model always pick the same filler. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The tokens the fake streams for a prompt: "Answer to: <first 8 words of the last user message>."
 * followed by filler sentences, cut to exactly `outputTokens` pieces. A fixed `text` is sent whole.
 */
export function replyTokens(options: {
  lastUserMessage: string;
  model: string;
  outputTokens: number;
  text?: string;
}): string[] {
  if (options.text !== undefined) return splitIntoTokens(options.text);
  const promptWords = options.lastUserMessage.split(/\s+/).filter(Boolean).slice(0, answerPrefixWords);
  const tokens = splitIntoTokens(`Answer to: ${promptWords.join(" ")}.`);
  const random = seededRandom(hashString(`${options.model}\n${options.lastUserMessage}`));
  let wordsInSentence = 0;
  while (tokens.length < options.outputTokens) {
    if (wordsInSentence === wordsPerFillerSentence) {
      tokens.push(".");
      wordsInSentence = 0;
      continue;
    }
    const word = fillerWords[Math.floor(random() * fillerWords.length)] ?? "token";
    tokens.push(wordsInSentence === 0 ? ` ${word[0]?.toUpperCase()}${word.slice(1)}` : ` ${word}`);
    wordsInSentence++;
  }
  return tokens.slice(0, options.outputTokens);
}

/** The reply as one string, for assertions. */
export function replyText(options: Parameters<typeof replyTokens>[0]): string {
  return replyTokens(options).join("");
}
