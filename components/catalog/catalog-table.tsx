"use client";

import Link from "next/link";
import { memo, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { SCORE_KEYS } from "@/lib/catalog/quality/views/scores";
import { blendedDecimal, type QueryRow } from "@/lib/catalog/read/query";
import { COLUMN_LABELS, type ColumnKey } from "@/lib/catalog/views/columns";
import { modelPath } from "@/lib/catalog/views/paths";
import { BoolCell, DateCell, ModalitiesCell, PriceCell, TokensCell } from "./cells";
import { QualityIndexCell, ScoreValueCell } from "./quality-cells";

const ROW_HEIGHT_PX = 44;
const OVERSCAN_ROWS = 12;

const WIDTHS: Record<ColumnKey, string> = {
  provider: "w-36",
  name: "w-72",
  input: "w-28",
  output: "w-28",
  blended: "w-28",
  cached: "w-28",
  context: "w-24",
  maxOutput: "w-24",
  modalities: "w-52",
  tools: "w-16",
  reasoning: "w-20",
  openWeights: "w-20",
  released: "w-28",
  cutoff: "w-28",
  quality: "w-36",
  arena: "w-20",
  arenaStyle: "w-36",
  aider: "w-24",
  sweBench: "w-32",
  liveBench: "w-24",
  guideHumanEval: "w-40",
  guideMmlu: "w-32",
  guideReasoning: "w-36",
};

const NUMERIC: ReadonlySet<ColumnKey> = new Set([
  "input",
  "output",
  "blended",
  "cached",
  "context",
  "maxOutput",
  "quality",
  ...SCORE_KEYS,
]);
const CENTERED: ReadonlySet<ColumnKey> = new Set(["tools", "reasoning", "openWeights"]);

function cellContent(key: ColumnKey, row: QueryRow, ratio: [number, number]): ReactNode {
  const { entry } = row;
  switch (key) {
    case "provider":
      return <span className="text-zinc-600 dark:text-zinc-300">{entry.providerName}</span>;
    case "name":
      return (
        <div className="min-w-0">
          <Link
            href={modelPath(entry.id)}
            className="block truncate font-medium text-zinc-900 hover:text-accent-600 hover:underline dark:text-zinc-100"
            data-testid="model-link"
            title={entry.name}
          >
            {entry.name}
          </Link>
          <div className="flex items-center gap-1 truncate font-mono text-[11px] text-muted">
            <span className="truncate">{entry.model}</span>
            {entry.deprecated ? <Badge tone="amber">deprecated</Badge> : null}
            {entry.tiered ? <Badge tone="sky">tiered</Badge> : null}
          </div>
        </div>
      );
    case "input":
      return <PriceCell value={entry.inputPerMTok} />;
    case "output":
      return <PriceCell value={entry.outputPerMTok} />;
    case "blended":
      return <PriceCell value={blendedDecimal(entry, ratio)} />;
    case "cached":
      return <PriceCell value={entry.cachedInputPerMTok} />;
    case "context":
      return <TokensCell value={entry.contextWindow} />;
    case "maxOutput":
      return <TokensCell value={entry.maxOutputTokens} />;
    case "modalities":
      return <ModalitiesCell input={entry.modalities.input} output={entry.modalities.output} />;
    case "tools":
      return <BoolCell value={entry.toolCall} label="Tool calling" />;
    case "reasoning":
      return <BoolCell value={entry.reasoning} label="Reasoning" />;
    case "openWeights":
      return <BoolCell value={entry.openWeights} label="Open weights" />;
    case "released":
      return <DateCell value={entry.releaseDate} />;
    case "cutoff":
      return <DateCell value={entry.knowledgeCutoff} />;
    case "quality":
      return <QualityIndexCell quality={row.quality} />;
    default:
      return <ScoreValueCell quality={row.quality} scoreKey={key} />;
  }
}

const Row = memo(function Row({
  row,
  columns,
  ratio,
  selected,
  selectionFull,
  onToggle,
}: {
  row: QueryRow;
  columns: readonly ColumnKey[];
  ratio: [number, number];
  selected: boolean;
  selectionFull: boolean;
  onToggle: (id: string) => void;
}) {
  const { entry } = row;
  return (
    <tr
      style={{ height: ROW_HEIGHT_PX }}
      className={`border-b border-zinc-100 dark:border-zinc-800/70 ${selected ? "bg-accent-50 dark:bg-zinc-800/60" : "hover:bg-zinc-50 dark:hover:bg-zinc-900"}`}
      data-testid="catalog-row"
      data-model-id={entry.id}
    >
      <td className="w-10 px-2">
        <Checkbox
          aria-label={`Select ${entry.name} (${entry.providerName}) to compare`}
          checked={selected}
          disabled={!selected && selectionFull}
          onChange={() => onToggle(entry.id)}
          data-testid="compare-checkbox"
        />
      </td>
      {columns.map((key) => (
        <td
          key={key}
          data-col={key}
          className={`truncate px-2 ${NUMERIC.has(key) ? "text-right" : ""} ${CENTERED.has(key) ? "text-center" : ""}`}
        >
          {cellContent(key, row, ratio)}
        </td>
      ))}
    </tr>
  );
});

export function CatalogTable({
  rows,
  columns,
  ratio,
  sort,
  dir,
  onSort,
  selected,
  onToggle,
  maxSelected,
}: {
  rows: readonly QueryRow[];
  columns: readonly ColumnKey[];
  ratio: [number, number];
  sort: ColumnKey | null;
  dir: "asc" | "desc";
  onSort: (key: ColumnKey) => void;
  selected: readonly string[];
  onToggle: (id: string) => void;
  maxSelected: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(800);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new filter result starts at the top, so the first rows are the ones the user sees.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows identity is the trigger
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [rows]);

  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT_PX) + OVERSCAN_ROWS);
  const selectedSet = new Set(selected);
  const selectionFull = selected.length >= maxSelected;

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      className="relative max-h-[calc(100vh-300px)] min-h-[420px] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      data-testid="catalog-table"
      data-row-count={rows.length}
    >
      <table className="w-max min-w-full table-fixed border-collapse text-sm">
        <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs font-semibold uppercase tracking-wide text-muted shadow-[0_1px_0_0] shadow-zinc-200 dark:bg-zinc-900 dark:shadow-zinc-800">
          <tr>
            <th className="w-10 px-2 py-2">
              <span className="sr-only">Compare</span>
            </th>
            {columns.map((key) => {
              const active = sort === key;
              return (
                <th
                  key={key}
                  scope="col"
                  className={`${WIDTHS[key]} px-2 py-2 ${NUMERIC.has(key) ? "text-right" : ""} ${CENTERED.has(key) ? "text-center" : ""}`}
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
                >
                  <button
                    type="button"
                    onClick={() => onSort(key)}
                    data-testid={`sort-${key}`}
                    className={`inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100 ${active ? "text-accent-700 dark:text-white" : ""}`}
                  >
                    {key === "blended" ? `Blended ${ratio[0]}:${ratio[1]}` : COLUMN_LABELS[key]}
                    <span aria-hidden className="text-[10px]">
                      {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                  {key === "quality" ? (
                    <a
                      href="#quality-index"
                      className="ml-1 rounded-full border border-zinc-300 px-1 text-[10px] normal-case hover:bg-zinc-200 dark:border-zinc-600 dark:hover:bg-zinc-800"
                      title="How the quality index is computed"
                      data-testid="quality-index-help-link"
                    >
                      ?
                    </a>
                  ) : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? <tr style={{ height: first * ROW_HEIGHT_PX }} aria-hidden /> : null}
          {rows.slice(first, last).map((row) => (
            <Row
              key={row.entry.id}
              row={row}
              columns={columns}
              ratio={ratio}
              selected={selectedSet.has(row.entry.id)}
              selectionFull={selectionFull}
              onToggle={onToggle}
            />
          ))}
          {last < rows.length ? (
            <tr style={{ height: (rows.length - last) * ROW_HEIGHT_PX }} aria-hidden />
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <p className="p-8 text-center text-sm text-muted" data-testid="catalog-empty">
          No model matches these filters. Loosen a filter or reset the view.
        </p>
      ) : null}
    </div>
  );
}
