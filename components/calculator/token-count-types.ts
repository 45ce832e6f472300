import type { Encoding } from "@/lib/tokens";

/** Messages between the page and its token-counter workers: one task on one worker's share of a text. */
export type CountTask = Encoding | "characters-and-words";

export interface TokenCountRequest {
  /** Unique per request, so each answer finds the request it belongs to. */
  requestId: number;
  task: CountTask;
  /** Which text the task is about; a worker keeps its share of the latest text it was sent. */
  textId: number;
  /** The whole text, sent with the first task about it to each worker; later tasks reuse its share. */
  text?: string;
  /** This worker's share of the text is share `share` of `of` (see lib/token-split workerParts). */
  share: number;
  of: number;
}

export type TokenCountReply =
  | { requestId: number; tokens: number; shareChars: number; characters?: never; words?: never }
  | { requestId: number; characters: number; words: number; shareChars: number; tokens?: never }
  | { requestId: number; error: string };

/** What the page shows; figures still being counted are null. */
export interface TokenCounts {
  id: number;
  /** False until every figure below is in: o200k first, then cl100k, then characters and words. */
  done: boolean;
  o200k: number;
  cl100k: number | null;
  characters: number | null;
  words: number | null;
  /** From handing the text to the workers to having the count; the first count also loads the encoding. */
  o200kMs: number;
  cl100kMs: number | null;
  totalMs: number | null;
  /** How many workers counted side by side (a large text is shared out; see lib/token-split). */
  workers: number;
}
