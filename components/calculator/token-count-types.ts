/** Messages between the token-counter worker and the page. */
export interface TokenCountRequest {
  id: number;
  text: string;
}

export interface TokenCounts {
  id: number;
  /** False while only the o200k count is in; cl100k follows. */
  done: boolean;
  characters: number;
  words: number;
  o200k: number;
  cl100k: number | null;
  /** Each includes loading that encoding the first time it is used. */
  o200kMs: number;
  cl100kMs?: number;
  totalMs?: number;
}

export type TokenCountMessage = TokenCounts | { id: number; error: string };
