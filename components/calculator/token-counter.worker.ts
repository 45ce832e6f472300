/// <reference lib="webworker" />
/**
 * Counts tokens off the main thread, so a 100k-token paste does not freeze the page. The page runs one
 * of these, or two for a large text, each counting its parts. Each encoding is imported only when this
 * worker is first asked for it (see lib/tokens), and kept.
 */
import { countCharacters, countTokens, countWords } from "@/lib/tokens";
import type { TokenCountReply, TokenCountRequest } from "./token-count-types";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: TokenCountReply) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<TokenCountRequest>) => {
  const { requestId, task, text } = event.data;
  try {
    if (task === "characters-and-words") {
      reply({ requestId, characters: countCharacters(text), words: countWords(text) });
    } else {
      reply({ requestId, tokens: await countTokens(text, task) });
    }
  } catch (error) {
    reply({ requestId, error: error instanceof Error ? error.message : String(error) });
  }
};
