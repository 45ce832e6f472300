"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useTransition } from "react";

export type ChartUrlPatch = Record<string, string | readonly string[] | null>;

// The URL last asked for, shared by every control on the page: a click made while the server is still
// answering an earlier one builds on that earlier change instead of undoing it.
let requested: { pathname: string; search: string } | null = null;

/** Chart controls live in the URL so a view can be shared; the server prepares each chart from it. */
export function useChartParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    requested = { pathname, search: searchParams.toString() };
  }, [pathname, searchParams]);

  const current = useCallback(
    () => new URLSearchParams(requested?.pathname === pathname ? requested.search : searchParams.toString()),
    [pathname, searchParams],
  );

  const update = useCallback(
    (patch: ChartUrlPatch) => {
      const params = current();
      for (const [key, value] of Object.entries(patch)) {
        params.delete(key);
        if (value === null) continue;
        for (const item of typeof value === "string" ? [value] : value) params.append(key, item);
      }
      const search = params.toString();
      requested = { pathname, search };
      startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
    },
    [current, pathname, router],
  );

  /** Adds or removes one value of a repeated parameter such as `need=tools&need=image`. */
  const toggle = useCallback(
    (key: string, value: string) => {
      const values = current().getAll(key);
      update({
        [key]: values.includes(value) ? values.filter((item) => item !== value) : [...values, value],
      });
    },
    [current, update],
  );

  return { update, toggle, pending };
}
