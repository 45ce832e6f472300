"use client";

import Link from "next/link";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { fieldBoxClass } from "@/components/ui/control-class";
import type { TableQuality } from "@/lib/catalog/quality/views/scores";
import { type PackedEntries, unpackEntries } from "@/lib/catalog/read/compact";
import { toApiModel, toCsv } from "@/lib/catalog/read/export";
import { applyCatalogQuery, MAX_COMPARE_MODELS, prepareEntries } from "@/lib/catalog/read/query";
import {
  COLUMN_KEYS,
  COLUMN_LABELS,
  type ColumnKey,
  DEFAULT_HIDDEN_COLUMNS,
  defaultSortDir,
  OPT_IN_COLUMNS,
  visibleColumns,
} from "@/lib/catalog/views/columns";
import { comparePath } from "@/lib/catalog/views/paths";
import { downloadText } from "@/lib/download";
import { formatInteger } from "@/lib/format";
import { CatalogFilters, ColumnMenu, ProviderPicker } from "./catalog-filters";
import { CatalogTable } from "./catalog-table";
import { QualityIndexNote } from "./quality-cells";
import { QualityFilters } from "./quality-filters";
import { useCatalogUrlState } from "./use-catalog-url-state";

export const MAX_COMPARE = MAX_COMPARE_MODELS;

export function CatalogExplorer({
  packed,
  providers,
  asOf,
  quality,
}: {
  packed: PackedEntries;
  /** Scores per canonical model id; a model missing here has none. */
  quality: Record<string, TableQuality>;
  providers: { id: string; name: string; offeringCount: number }[];
  asOf: string;
}) {
  const providerIds = useMemo(() => providers.map((provider) => provider.id), [providers]);
  const { query, update, reset, urlError } = useCatalogUrlState(providerIds);
  const entries = useMemo(() => unpackEntries(packed), [packed]);
  const prepared = useMemo(
    () => prepareEntries(entries, (modelId) => quality[modelId] ?? null),
    [entries, quality],
  );
  // Typing stays responsive: the table catches up with the query on the next idle frame.
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => applyCatalogQuery(prepared, deferredQuery), [prepared, deferredQuery]);
  const [selected, setSelected] = useState<string[]>([]);

  const hidden = query.hidden ?? DEFAULT_HIDDEN_COLUMNS;
  // A stable list keeps the memoized rows from re-rendering on every keystroke.
  const columns = useMemo(() => visibleColumns(hidden, query.shown), [hidden, query.shown]);

  // First click sorts the column's natural way (cheapest, or best score, first), the second reverses it.
  const onSort = useCallback(
    (key: ColumnKey) => {
      const first = defaultSortDir(key);
      if (query.sort !== key) update({ sort: key, dir: first });
      else if (query.dir === first) update({ dir: first === "asc" ? "desc" : "asc" });
      else update({ sort: null, dir: "asc" });
    },
    [query.sort, query.dir, update],
  );

  const onToggle = useCallback((id: string) => {
    setSelected((current) =>
      current.includes(id)
        ? current.filter((item) => item !== id)
        : current.length >= MAX_COMPARE
          ? current
          : [...current, id],
    );
  }, []);

  const exportCsv = () =>
    downloadText(`models-${asOf}.csv`, toCsv(rows, query.ratio), "text/csv;charset=utf-8");
  const exportJson = () =>
    downloadText(
      `models-${asOf}.json`,
      `${JSON.stringify({ asOf, ratio: `${query.ratio[0]}:${query.ratio[1]}`, models: rows.map((row) => toApiModel(row.entry, query.ratio)) }, null, 2)}\n`,
      "application/json",
    );

  const providerCount = new Set(rows.map((row) => row.entry.provider)).size;

  return (
    <div className="space-y-3">
      {urlError ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="url-error"
        >
          This link had a filter we could not read, so the default view is shown. {urlError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={query.q}
          onChange={(event) => update({ q: event.target.value })}
          placeholder="Search models, providers… (typos are fine)"
          aria-label="Search models"
          data-testid="catalog-search"
          className={`h-8 min-w-0 flex-1 basis-64 ${fieldBoxClass} px-3 text-sm`}
        />
        <ProviderPicker
          providers={providers}
          selected={query.providers}
          onChange={(next) => update({ providers: next })}
        />
        <ColumnMenu
          visible={columns}
          onChange={(visible) =>
            update({
              hidden: COLUMN_KEYS.filter((key) => !OPT_IN_COLUMNS.includes(key) && !visible.includes(key)),
              shown: OPT_IN_COLUMNS.filter((key) => visible.includes(key)),
            })
          }
        />
        <Button onClick={exportCsv} data-testid="export-csv">
          Export CSV
        </Button>
        <Button onClick={exportJson} data-testid="export-json">
          Export JSON
        </Button>
        <Button onClick={reset} data-testid="reset-view">
          Reset
        </Button>
      </div>
      <CatalogFilters query={query} update={update} />
      <QualityFilters query={query} update={update} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400" data-testid="catalog-count">
          <strong className="text-zinc-900 dark:text-zinc-100">{formatInteger(rows.length)}</strong> of{" "}
          {formatInteger(entries.length)} offerings from {providerCount} providers
          {query.sort ? ` · sorted by ${COLUMN_LABELS[query.sort]} ${query.dir === "asc" ? "▲" : "▼"}` : ""}
        </p>
        <div className="flex items-center gap-2" data-testid="compare-bar">
          <span className="text-xs text-muted">
            {selected.length === 0
              ? `Tick up to ${MAX_COMPARE} models to compare`
              : `${selected.length} of ${MAX_COMPARE} selected`}
          </span>
          {selected.length > 0 ? (
            <>
              <Button variant="link" className="text-xs" onClick={() => setSelected([])}>
                Clear
              </Button>
              <Link
                href={comparePath(selected)}
                className={buttonClassName("primary")}
                data-testid="open-compare"
              >
                Compare {selected.length}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <CatalogTable
        rows={rows}
        columns={columns}
        ratio={query.ratio}
        sort={query.sort}
        dir={query.dir}
        onSort={onSort}
        selected={selected}
        onToggle={onToggle}
        maxSelected={MAX_COMPARE}
      />
      <QualityIndexNote />
    </div>
  );
}
