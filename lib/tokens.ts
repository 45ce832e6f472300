/**
 * Real tokenizers (gpt-tokenizer). Each encoding is loaded lazily, once, on first use: o200k is the
 * encoding of GPT-4o and later OpenAI models, cl100k of GPT-4 and GPT-3.5. Other families have no
 * public tokenizer here, so their counts are labelled as estimates.
 */
import { bytePairMergeLinear } from "./token-bpe";

export const ENCODINGS = ["o200k_base", "cl100k_base"] as const;
export type Encoding = (typeof ENCODINGS)[number];

type Counter = (text: string) => number;
const loaded = new Map<Encoding, Promise<Counter>>();

/** Pieces up to this many bytes keep gpt-tokenizer's own merge, which is quicker on short pieces. */
const LINEAR_MERGE_FROM_BYTES = 128;

interface MergeCore {
  bytePairMerge(piece: Uint8Array): number[];
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined;
}

/**
 * Gives one encoding the linear merge (lib/token-bpe) for long pieces. gpt-tokenizer keeps its merge
 * on a private object of the encoding; replacing the method there fixes every count and encode the
 * encoding makes, and the result is the same tokens (see lib/token-bpe.test).
 */
function installLinearMerge(encoding: object): void {
  const core = (encoding as { bytePairEncodingCoreProcessor?: MergeCore }).bytePairEncodingCoreProcessor;
  if (!core) throw new Error("gpt-tokenizer no longer exposes its merge; check lib/tokens against it.");
  const quadraticMerge = core.bytePairMerge.bind(core);
  const rankOf = (bytes: Uint8Array) => core.getBpeRankFromBytes(bytes);
  core.bytePairMerge = (piece) =>
    piece.length > LINEAR_MERGE_FROM_BYTES ? bytePairMergeLinear(piece, rankOf) : quadraticMerge(piece);
}

async function importEncoding(encoding: Encoding) {
  const module =
    encoding === "o200k_base"
      ? await import("gpt-tokenizer/encoding/o200k_base")
      : await import("gpt-tokenizer/encoding/cl100k_base");
  installLinearMerge(module.default);
  return (text: string) => module.countTokens(text);
}

function loadCounter(encoding: Encoding): Promise<Counter> {
  let counter = loaded.get(encoding);
  if (!counter) {
    counter = importEncoding(encoding);
    loaded.set(encoding, counter);
  }
  return counter;
}

export async function countTokens(text: string, encoding: Encoding = "o200k_base"): Promise<number> {
  if (text.length === 0) return 0;
  return (await loadCounter(encoding))(text);
}

export interface EncodingChoice {
  encoding: Encoding;
  /** True when this is the model's own tokenizer; false when it is a stand-in estimate. */
  exact: boolean;
}

/** Which tokenizer counts for a model, and whether that count is exact or an estimate. */
export function encodingForModel(provider: string, model: string): EncodingChoice {
  const name = model.toLowerCase().split("/").at(-1) ?? "";
  const openaiHosted =
    ["openai", "azure", "openrouter", "github-models"].includes(provider) || name.startsWith("gpt-");
  if (openaiHosted) {
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(name))
      return { encoding: "o200k_base", exact: true };
    if (/^(gpt-4|gpt-3\.5)/.test(name)) return { encoding: "cl100k_base", exact: true };
  }
  return { encoding: "o200k_base", exact: false };
}

/** Characters as a person counts them: code points, so an emoji outside the BMP is one, not two. */
export function countCharacters(text: string): number {
  let characters = text.length;
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) characters--;
  }
  return characters;
}

/** Runs of non-space characters: cheap on any length, and what POST /api/tokens reports as words. */
export function countSpacedWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Words by Unicode word segmentation, not spaces: Japanese or Chinese text has no spaces between words. */
export function countWords(text: string): number {
  if (typeof Intl.Segmenter !== "function") return countSpacedWords(text);
  let words = 0;
  for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
    if (segment.isWordLike) words++;
  }
  return words;
}
