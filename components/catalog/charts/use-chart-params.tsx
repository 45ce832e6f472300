"use client";

import { parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useTransition } from "react";

/**
 * The charts' controls, as plain strings: the server reads them with parseChartsState and
 * parsePriceQualityState (lib/catalog) and draws each chart from them.
 */
const repeated = parseAsNativeArrayOf(parseAsString);
const chartUrlKeys = {
  ratio: parseAsString,
  metric: parseAsString,
  provider: parseAsString,
  deprecated: parseAsString,
  cap: repeated,
  need: repeated,
  minContext: parseAsString,
  free: parseAsString,
  bench: parseAsString,
  history: repeated,
  qaxis: parseAsString,
  qbar: parseAsString,
};
type ChartUrlKey = keyof typeof chartUrlKeys;
type RepeatedKey = {
  [Key in ChartUrlKey]: (typeof chartUrlKeys)[Key] extends typeof repeated ? Key : never;
}[ChartUrlKey];
export type ChartUrlPatch = Partial<{
  [Key in ChartUrlKey]: Key extends RepeatedKey ? readonly string[] | null : string | null;
}>;

/**
 * Chart controls live in the URL so a view can be shared; the server prepares each chart from it, so
 * a change is a server round trip (shallow: false) in a transition. nuqs queues the changes, so a
 * click made while the server is still answering an earlier one builds on it instead of undoing it.
 */
export function useChartParams() {
  const [pending, startTransition] = useTransition();
  const [, setParams] = useQueryStates(chartUrlKeys, {
    history: "replace",
    shallow: false,
    scroll: false,
    startTransition,
  });

  const update = useCallback(
    (patch: ChartUrlPatch) =>
      void setParams(
        Object.fromEntries(
          Object.entries(patch).map(([key, value]) => [
            key,
            typeof value === "string" ? value : value ? [...value] : null,
          ]),
        ),
      ),
    [setParams],
  );

  /** Adds or removes one value of a repeated parameter such as `need=tools&need=image`. */
  const toggle = useCallback(
    (key: RepeatedKey, value: string) =>
      void setParams((current) => ({
        [key]: current[key].includes(value)
          ? current[key].filter((item) => item !== value)
          : [...current[key], value],
      })),
    [setParams],
  );

  return { update, toggle, pending };
}
