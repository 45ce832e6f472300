"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useEffect, useRef, useState } from "react";
import { decodeScenario, encodeScenario, SCENARIO_PARAM } from "@/lib/calculator/scenario-url";
import type { EstimateRequest } from "@/lib/calculator/schema";

const URL_WRITE_PAUSE_MS = 250;
const SCENARIO_URL_OPTIONS = parseAsString.withOptions({ history: "replace" });

/**
 * The scenario, restored from `?s=` and written back to it as it changes, so a reload or a shared
 * link brings back the same workloads. Decoding is async (DecompressionStream), so a linked
 * scenario is `null` for a moment while it is read.
 */
export function useScenario(initialParam: string | null, fallback: () => EstimateRequest) {
  const [state, setState] = useState<EstimateRequest | null>(() => (initialParam ? null : fallback()));
  const [linkBroken, setLinkBroken] = useState(false);
  const [encoded, setEncoded] = useState<string | null>(initialParam);
  const fallbackRef = useRef(fallback);
  const [, setUrlParam] = useQueryState(SCENARIO_PARAM, SCENARIO_URL_OPTIONS);

  useEffect(() => {
    if (!initialParam) return;
    let live = true;
    void decodeScenario(initialParam).then((decoded) => {
      if (!live) return;
      if (!decoded) setLinkBroken(true);
      setState(decoded ?? fallbackRef.current());
    });
    return () => {
      live = false;
    };
  }, [initialParam]);

  useEffect(() => {
    if (!state) return;
    let live = true;
    const timer = setTimeout(async () => {
      const param = await encodeScenario(state);
      if (!live) return;
      setEncoded(param);
      void setUrlParam(param);
    }, URL_WRITE_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [state, setUrlParam]);

  return { state, setState, encoded, linkBroken };
}
