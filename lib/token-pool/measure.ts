import { countCharacters, countSpacedWords, countTokens, type Encoding } from "../tokens";

/** One figure about a text: its tokens in an encoding, its characters, or its words. */
export type TextMeasure = Encoding | "characters" | "words";

export async function measureText(text: string, measure: TextMeasure): Promise<number> {
  if (measure === "characters") return countCharacters(text);
  if (measure === "words") return countSpacedWords(text);
  return countTokens(text, measure);
}

/** What the pool sends a counting thread, and what the thread answers. */
export interface CountTask {
  id: number;
  text: string;
  measure: TextMeasure;
}

export type CountReply = { id: number; value: number } | { id: number; error: string };
