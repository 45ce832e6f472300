/// <reference lib="webworker" />
/**
 * Counts tokens off the main thread, so a 100k-token paste does not freeze the page. The page runs one
 * of these, or two for a large text. Each works out its own share of the text and regroups it
 * (lib/token-split), once per text, and counts that share for every task about the text. Each encoding
 * is imported only when this worker is first asked for it (see lib/tokens), and kept. Each task is
 * recorded as a performance measure, so a trace shows what else (a garbage collection, say) ran during it.
 */
import { workerParts } from "@/lib/token-split";
import { countCharacters, countTokens, countWords } from "@/lib/tokens";
import type { TokenCountReply, TokenCountRequest } from "./token-count-types";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: TokenCountReply) => scope.postMessage(message);

/** This worker's share of the latest text, as parts; only one text is kept. */
let prepared: { textId: number; parts: string[]; shareChars: number } | null = null;

function partsFor(request: TokenCountRequest) {
  if (prepared?.textId === request.textId) return prepared;
  if (request.text === undefined) throw new Error("The text to count was not handed over; paste it again.");
  const parts = workerParts(request.text, request.share, request.of);
  prepared = {
    textId: request.textId,
    parts,
    shareChars: parts.reduce((length, part) => length + part.length, 0),
  };
  return prepared;
}

const sum = (parts: string[], count: (part: string) => number) =>
  parts.reduce((total, part) => total + count(part), 0);

scope.onmessage = async (event: MessageEvent<TokenCountRequest>) => {
  const request = event.data;
  const { requestId, task } = request;
  const started = performance.now();
  try {
    const { parts, shareChars } = partsFor(request);
    if (task === "characters-and-words") {
      reply({
        requestId,
        shareChars,
        characters: sum(parts, countCharacters),
        words: sum(parts, countWords),
      });
    } else {
      let tokens = 0;
      for (const part of parts) tokens += await countTokens(part, task);
      reply({ requestId, shareChars, tokens });
    }
    // Each task shows as a span in the browser's performance tools (and in bench/tokens-browser's traces);
    // the span is in the trace once measured, so the entry itself is not kept.
    const name = `token count: ${task}`;
    performance.measure(name, { start: started, detail: { textId: request.textId } });
    performance.clearMeasures(name);
  } catch (error) {
    reply({ requestId, error: error instanceof Error ? error.message : String(error) });
  }
};
