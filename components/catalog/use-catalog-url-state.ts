"use client";

import { debounce, parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  type CatalogQuery,
  DEFAULT_QUERY,
  parseCatalogQuery,
  serializeCatalogQuery,
} from "@/lib/catalog/read/query";
import { AppError } from "@/lib/errors";

/**
 * The URL parameters of the catalog table, read as plain strings: parseCatalogQuery, the zod parser
 * that GET /api/models uses too, decides what they mean, so a shared URL and an API call with the
 * same parameters give the same rows.
 */
const repeated = parseAsNativeArrayOf(parseAsString);
const catalogUrlKeys = {
  q: parseAsString,
  provider: repeated,
  input: repeated,
  output: repeated,
  minContext: parseAsString,
  maxInput: parseAsString,
  maxOutput: parseAsString,
  maxBlended: parseAsString,
  cap: repeated,
  openWeights: parseAsString,
  deprecated: parseAsString,
  priced: parseAsString,
  sort: parseAsString,
  dir: parseAsString,
  ratio: parseAsString,
  hide: parseAsString,
  show: parseAsString,
  minQuality: parseAsString,
  minScore: repeated,
};
type CatalogUrlKey = keyof typeof catalogUrlKeys;
const CATALOG_URL_KEYS = Object.keys(catalogUrlKeys) as CatalogUrlKey[];

/** The URL values that restore a query: every key is written, so one a default leaves out is cleared. */
function urlValues(query: CatalogQuery) {
  const params = new URLSearchParams(serializeCatalogQuery(query));
  return Object.fromEntries(
    CATALOG_URL_KEYS.map((key) => [
      key,
      catalogUrlKeys[key] === repeated ? params.getAll(key) : params.get(key),
    ]),
  ) as { [Key in CatalogUrlKey]: string | string[] | null };
}

/**
 * The catalog view state, mirrored into the URL so any view can be shared. The URL the page was
 * opened with seeds the state; later changes come from the UI and are written back, at most one URL
 * write per pause in typing.
 */
export function useCatalogUrlState(knownProviders: readonly string[]) {
  const [url, setUrl] = useQueryStates(catalogUrlKeys, {
    history: "replace",
    limitUrlUpdates: debounce(150),
  });
  const known = useMemo(() => new Set(knownProviders), [knownProviders]);
  const [initial] = useState(() => {
    const raw = Object.fromEntries(
      Object.entries(url).flatMap(([key, value]) => (value === null ? [] : [[key, value]])),
    );
    try {
      const { format: _format, ...query } = parseCatalogQuery(raw, known);
      return { query, error: null as string | null };
    } catch (error) {
      return { query: DEFAULT_QUERY, error: error instanceof AppError ? error.message : String(error) };
    }
  });
  const [query, setQuery] = useState<CatalogQuery>(initial.query);
  const [urlError, setUrlError] = useState<string | null>(initial.error);
  const latest = useRef(query);

  const write = useCallback(
    (next: CatalogQuery) => {
      latest.current = next;
      setUrlError(null);
      setQuery(next);
      void setUrl(urlValues(next) as Parameters<typeof setUrl>[0]);
    },
    [setUrl],
  );
  const update = useCallback(
    (patch: Partial<CatalogQuery>) => write({ ...latest.current, ...patch }),
    [write],
  );
  const reset = useCallback(() => write(DEFAULT_QUERY), [write]);

  return { query, update, reset, urlError };
}
