"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type CatalogQuery,
  DEFAULT_QUERY,
  parseCatalogQuery,
  searchParamsToRaw,
  serializeCatalogQuery,
} from "@/lib/catalog/read/query";
import { AppError } from "@/lib/errors";

/**
 * The catalog view state, mirrored into the URL so any view can be shared. The URL is written with
 * history.replaceState, which Next keeps in sync with useSearchParams without a server round trip.
 */
export function useCatalogUrlState(knownProviders: readonly string[]) {
  const searchParams = useSearchParams();
  const known = useMemo(() => new Set(knownProviders), [knownProviders]);
  // Only the URL the page was opened with seeds the state; later changes come from the UI.
  const [initial] = useState(() => {
    try {
      const { format: _format, ...query } = parseCatalogQuery(
        searchParamsToRaw(new URLSearchParams(searchParams)),
        known,
      );
      return { query, error: null as string | null };
    } catch (error) {
      return { query: DEFAULT_QUERY, error: error instanceof AppError ? error.message : String(error) };
    }
  });
  const [query, setQuery] = useState<CatalogQuery>(initial.query);
  const [urlError, setUrlError] = useState<string | null>(initial.error);
  const writeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (writeTimer.current) clearTimeout(writeTimer.current);
    // Typing in the search box should not write a history entry per keystroke.
    writeTimer.current = setTimeout(() => {
      const search = serializeCatalogQuery(query);
      const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
      if (url !== `${window.location.pathname}${window.location.search}`)
        window.history.replaceState(null, "", url);
    }, 150);
    return () => {
      if (writeTimer.current) clearTimeout(writeTimer.current);
    };
  }, [query]);

  const update = useCallback((patch: Partial<CatalogQuery>) => {
    setUrlError(null);
    setQuery((current) => ({ ...current, ...patch }));
  }, []);

  const reset = useCallback(() => {
    setUrlError(null);
    setQuery(DEFAULT_QUERY);
  }, []);

  return { query, update, reset, urlError };
}
