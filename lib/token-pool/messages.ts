import type { Encoding } from "../tokens";

/** What the pool sends a counting thread, and what the thread answers. */
export interface CountTask {
  id: number;
  text: string;
  encoding: Encoding;
}

export type CountReply = { id: number; tokens: number } | { id: number; error: string };
