"use client";

import { parseAsString, useQueryStates } from "nuqs";
import { useCallback } from "react";

/**
 * The History view state lives in the query string so a filtered view can be shared or reloaded.
 * Values are read as plain strings; readUsageState (lib/history/usage-query) decides what they mean.
 */
const historyUrlKeys = {
  tab: parseAsString,
  q: parseAsString,
  range: parseAsString,
  from: parseAsString,
  to: parseAsString,
  includeSimulated: parseAsString,
  provider: parseAsString,
  model: parseAsString,
  status: parseAsString,
  member: parseAsString,
  page: parseAsString,
};
export type HistoryParams = { [Key in keyof typeof historyUrlKeys]: string | null };
/** A change to some parameters; null or an empty string removes one. */
export type HistoryUrlPatch = Partial<HistoryParams>;

const URL_OPTIONS = { history: "replace" } as const;

export function useHistoryParams() {
  const [params, setParams] = useQueryStates(historyUrlKeys, URL_OPTIONS);
  const update = useCallback(
    (patch: HistoryUrlPatch) =>
      setParams(Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, value || null]))),
    [setParams],
  );
  return { params, update };
}
