import { z } from "zod";
import { AppError } from "../errors";
import { parseJsonBytes } from "../http";
import { countCharacters, countSpacedWords, countTokens, ENCODINGS, type Encoding } from "../tokens";

/**
 * What POST /api/tokens does with its body, from raw bytes to counts. It runs on a counting thread
 * for large bodies (lib/token-pool), so decoding and parsing megabytes of JSON never happens on the
 * thread that serves HTTP, and inline for small ones. Imports stay relative: the thread loads this.
 */

export const MAX_TOKEN_TEXT_CHARS = 2_000_000;
// 2M characters can take up to ~8 MB as JSON (3 bytes per BMP character plus escapes); the
// character limit below is the one users meet, this byte cap only stops abuse.
export const MAX_TOKEN_BODY_BYTES = 8 * 1024 * 1024;

export const tokenCountRequestSchema = z.object({
  text: z.string({ error: "text must be a string" }),
  encoding: z.enum(ENCODINGS, { error: `encoding must be one of ${ENCODINGS.join(", ")}` }).optional(),
});
export type TokenCountRequest = z.infer<typeof tokenCountRequestSchema>;

export interface TokenCountResponse {
  /** Unicode code points, so an emoji or a CJK character counts once. */
  characters: number;
  words: number;
  counts: Partial<Record<Encoding, number>>;
  /** The requested encoding, or o200k_base (GPT-4o and later) when both were counted. */
  encoding: Encoding;
}

/** The counts of one request's text; throws the 413 for a text over the character limit. */
export async function countTokenRequest({ text, encoding }: TokenCountRequest): Promise<TokenCountResponse> {
  if (text.length > MAX_TOKEN_TEXT_CHARS) {
    throw new AppError(
      "payload_too_large:calculator",
      `The text has ${text.length.toLocaleString("en-US")} characters; the token counter takes at most ${MAX_TOKEN_TEXT_CHARS.toLocaleString("en-US")}. Count a shorter sample and scale it.`,
      { details: { maxCharacters: MAX_TOKEN_TEXT_CHARS } },
    );
  }
  const encodings = encoding ? [encoding] : [...ENCODINGS];
  const counts: Partial<Record<Encoding, number>> = {};
  for (const name of encodings) counts[name] = await countTokens(text, name);
  return {
    characters: countCharacters(text),
    words: countSpacedWords(text),
    counts,
    encoding: encoding ?? "o200k_base",
  };
}

/** Parses, validates and counts a request body; bad JSON or fields throw the same 400s as readJson. */
export function countTokenBody(body: Uint8Array): Promise<TokenCountResponse> {
  return countTokenRequest(parseJsonBytes(body, tokenCountRequestSchema, "calculator"));
}
