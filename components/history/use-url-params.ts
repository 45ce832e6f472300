"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { replaceUrlParams } from "@/lib/url-params";

export type HistoryUrlPatch = Record<string, string | null>;

/**
 * The History view state lives in the query string so a filtered view can be shared or reloaded.
 * A local copy answers clicks at once: Next applies history.replaceState to useSearchParams in a
 * transition, and a controlled checkbox or select bound to it would flick back until then.
 */
export function useUrlParams() {
  const searchParams = useSearchParams();
  const [params, setParams] = useState(() => new URLSearchParams(searchParams));

  // Links and back/forward change the URL from outside; follow them.
  useEffect(() => {
    setParams(new URLSearchParams(searchParams));
  }, [searchParams]);

  const update = useCallback((patch: HistoryUrlPatch) => {
    replaceUrlParams(patch);
    setParams(new URLSearchParams(window.location.search));
  }, []);
  return { params, update };
}
