import { countTokenBody } from "../calculator/token-body";
import type { ErrorCode } from "../errors";
import { countCharacters, countSpacedWords, countTokens, type Encoding } from "../tokens";

/** One figure about a text: its tokens in an encoding, its characters, or its words. */
export type TextMeasure = Encoding | "characters" | "words";

export async function measureText(text: string, measure: TextMeasure): Promise<number> {
  if (measure === "characters") return countCharacters(text);
  if (measure === "words") return countSpacedWords(text);
  return countTokens(text, measure);
}

/**
 * The work a counting thread does: one measure of a text, or a whole POST /api/tokens body, whose
 * bytes are transferred to the thread unparsed.
 */
export type CountTask =
  | { kind: "measure"; text: string; measure: TextMeasure }
  | { kind: "token-body"; body: Uint8Array };

export function runCountTask(task: CountTask): Promise<unknown> {
  return task.kind === "measure" ? measureText(task.text, task.measure) : countTokenBody(task.body);
}

/** What the pool sends a counting thread, and what the thread answers. */
export interface CountJob {
  id: number;
  task: CountTask;
}

/** An AppError keeps its code and details across the thread boundary; anything else is a bug. */
export interface CountFailure {
  message: string;
  code?: ErrorCode;
  details?: unknown;
}

export type CountReply = { id: number; value: unknown } | { id: number; error: CountFailure };
