"use client";

import { useEffect, useRef, useState } from "react";
import type { TokenCounts } from "./token-count-types";
import { TokenCounterPool } from "./token-counter-pool";

const TYPING_PAUSE_MS = 150;

/**
 * Real o200k and cl100k counts of `text`, from Web Workers started on first use. A newer text stops the
 * counting of an older one between tasks, and its figures are never shown.
 */
export function useTokenCounter(text: string) {
  const poolRef = useRef<TokenCounterPool | null>(null);
  const latestId = useRef(0);
  const [counts, setCounts] = useState<TokenCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(
    () => () => {
      poolRef.current?.terminate();
      poolRef.current = null;
    },
    [],
  );

  useEffect(() => {
    const id = ++latestId.current;
    const isCurrent = () => latestId.current === id;
    if (text.length === 0) {
      setCounts(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      poolRef.current ??= new TokenCounterPool();
      poolRef.current
        .count(id, text, isCurrent, (next) => {
          setError(null);
          setCounts(next);
          if (next.done) logSpeed(next);
        })
        .then(() => {
          if (isCurrent()) setPending(false);
        })
        .catch((failure: unknown) => {
          if (!isCurrent()) return;
          setError(failure instanceof Error ? failure.message : String(failure));
          setPending(false);
        });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return { counts: text.length === 0 ? null : counts, error, pending };
}

/** The counting speed, for anyone checking it in the console (bench/tokens-browser reads this line). */
function logSpeed(counts: TokenCounts) {
  console.info(
    `[token-counter] ${counts.characters} chars: o200k ${counts.o200k} tokens in ${counts.o200kMs.toFixed(1)} ms, cl100k ${counts.cl100k} in ${(counts.cl100kMs ?? 0).toFixed(1)} ms (total ${(counts.totalMs ?? 0).toFixed(1)} ms, ${counts.workers} ${counts.workers === 1 ? "worker" : "workers"})`,
  );
}
