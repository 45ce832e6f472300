import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { INLINE_MAX_CHARS, runOffThread } from "@/lib/token-pool/pool";
import { countTokenBody, type TokenCountResponse } from "./token-body";

export interface TokenCountBudget {
  ms: number;
  signal: AbortSignal;
}

/** Starts the time a count may take (TOKEN_COUNT_BUDGET_MS); a route starts it before reading the body. */
export function startTokenCountBudget(): TokenCountBudget {
  const ms = env().TOKEN_COUNT_BUDGET_MS;
  return { ms, signal: AbortSignal.timeout(ms) };
}

function budgetSpent(budgetMs: number, bodyBytes: number): AppError {
  return new AppError(
    "unprocessable:calculator",
    `Counting this text (${Math.ceil(bodyBytes / 1024).toLocaleString("en-US")} KB) took longer than the server allows (${budgetMs.toLocaleString("en-US")} ms), so it was stopped. The server may be busy with other counts: try again, or count a shorter sample and scale it.`,
    { details: { budgetMs } },
  );
}

/**
 * The counts of a raw POST /api/tokens body. A small body is parsed and counted inline; a large one
 * goes to a counting thread as bytes, so the request thread neither decodes nor parses nor copies
 * it. The count stops when `signal` aborts (the client left) or the budget runs out, whichever is
 * first; bad JSON, bad fields and a text over the limit come back as the usual 4xx.
 */
export async function countTokensOfBody(
  body: Uint8Array<ArrayBuffer>,
  {
    signal = new AbortController().signal,
    budget = startTokenCountBudget(),
  }: { signal?: AbortSignal; budget?: TokenCountBudget } = {},
): Promise<TokenCountResponse> {
  // A JSON body this small holds at most INLINE_MAX_CHARS characters of text.
  if (body.byteLength <= INLINE_MAX_CHARS) return countTokenBody(body);
  const bodyBytes = body.byteLength;
  try {
    return await runOffThread<TokenCountResponse>(
      { kind: "token-body", body },
      { signal: AbortSignal.any([signal, budget.signal]), transfer: [body.buffer] },
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (signal.aborted)
      throw new AppError("bad_request:calculator", "The request was cancelled before its count finished.", {
        cause: error,
      });
    if (budget.signal.aborted) throw budgetSpent(budget.ms, bodyBytes);
    throw error;
  }
}
