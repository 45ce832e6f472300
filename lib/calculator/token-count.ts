import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { measureTextOffThread } from "@/lib/token-pool/pool";
import { ENCODINGS, type Encoding } from "@/lib/tokens";

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

export interface TokenCountBudget {
  ms: number;
  signal: AbortSignal;
}

/** Starts the time a count may take (TOKEN_COUNT_BUDGET_MS); a route starts it before reading the body. */
export function startTokenCountBudget(): TokenCountBudget {
  const ms = env().TOKEN_COUNT_BUDGET_MS;
  return { ms, signal: AbortSignal.timeout(ms) };
}

function budgetSpent(budgetMs: number, characters: number): AppError {
  return new AppError(
    "unprocessable:calculator",
    `Counting these ${characters.toLocaleString("en-US")} characters took longer than the server allows (${budgetMs.toLocaleString("en-US")} ms), so it was stopped. The server may be busy with other counts: try again, or count a shorter sample and scale it.`,
    { details: { budgetMs } },
  );
}

/**
 * The counts of `text`, made off the request thread, stopped when `signal` aborts (the client left)
 * or when the budget runs out, whichever comes first; the encodings count side by side.
 */
export async function countTextTokens(
  { text, encoding }: TokenCountRequest,
  {
    signal = new AbortController().signal,
    budget = startTokenCountBudget(),
  }: { signal?: AbortSignal; budget?: TokenCountBudget } = {},
): Promise<TokenCountResponse> {
  if (text.length > MAX_TOKEN_TEXT_CHARS) {
    throw new AppError(
      "payload_too_large:calculator",
      `The text has ${text.length.toLocaleString("en-US")} characters; the token counter takes at most ${MAX_TOKEN_TEXT_CHARS.toLocaleString("en-US")}. Count a shorter sample and scale it.`,
      { details: { maxCharacters: MAX_TOKEN_TEXT_CHARS } },
    );
  }
  const stop = AbortSignal.any([signal, budget.signal]);
  const encodings = encoding ? [encoding] : [...ENCODINGS];
  const measures = ["characters", "words", ...encodings] as const;
  let values: number[];
  try {
    values = await Promise.all(
      measures.map((measure) => measureTextOffThread({ text, measure, signal: stop })),
    );
  } catch (error) {
    if (signal.aborted)
      throw new AppError("bad_request:calculator", "The request was cancelled before its count finished.", {
        cause: error,
      });
    if (budget.signal.aborted) throw budgetSpent(budget.ms, text.length);
    throw error;
  }
  const [characters = 0, words = 0, ...tokens] = values;
  return {
    characters,
    words,
    counts: Object.fromEntries(encodings.map((name, index) => [name, tokens[index] ?? 0])),
    encoding: encoding ?? "o200k_base",
  };
}
