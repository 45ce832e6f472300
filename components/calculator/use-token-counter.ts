"use client";

import { useEffect, useRef, useState } from "react";
import type { TokenCountMessage, TokenCounts } from "./token-count-types";

const TYPING_PAUSE_MS = 150;

/**
 * Real o200k and cl100k counts of `text`, from a Web Worker started on first use. Answers to
 * superseded texts are dropped by id, so fast typing never shows an older text's counts.
 */
export function useTokenCounter(text: string) {
  const workerRef = useRef<Worker | null>(null);
  const latestId = useRef(0);
  const [counts, setCounts] = useState<TokenCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    if (text.length === 0) {
      latestId.current++;
      setCounts(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      if (!workerRef.current) {
        const worker = new Worker(new URL("./token-counter.worker.ts", import.meta.url), { type: "module" });
        worker.onmessage = (event: MessageEvent<TokenCountMessage>) => {
          const message = event.data;
          if (message.id !== latestId.current) return;
          if ("error" in message) {
            setError(message.error);
            setPending(false);
            return;
          }
          setError(null);
          setCounts(message);
          if (message.done) {
            setPending(false);
            // The figure the brief asks to watch: how long a big paste takes to count.
            console.info(
              `[token-counter] ${message.characters} chars: o200k ${message.o200k} tokens in ${Math.round(
                message.o200kMs,
              )} ms, cl100k ${message.cl100k} in ${Math.round(message.cl100kMs ?? 0)} ms`,
            );
          }
        };
        worker.onerror = (event) => {
          setError(event.message || "The token counter failed to start.");
          setPending(false);
        };
        workerRef.current = worker;
      }
      latestId.current++;
      workerRef.current.postMessage({ id: latestId.current, text });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return { counts: text.length === 0 ? null : counts, error, pending };
}
