"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Chip } from "@/components/ui/chart-parts";
import { formatMs, formatUsd, oneLine } from "@/lib/format";
import type { RunCaseJson } from "./eval-types";

export type MatrixFilter = "all" | "failures" | "disagree";

/** Cases that pass the filter: any failed answer, or models that do not all agree on pass/fail. */
export function filterCases(cases: RunCaseJson[], models: string[], filter: MatrixFilter): RunCaseJson[] {
  if (filter === "all") return cases;
  return cases.filter((item) => {
    const verdicts = models.map((model) => item.results[model]?.pass ?? null);
    if (filter === "failures") return verdicts.some((verdict) => verdict === false);
    const graded = verdicts.filter((verdict) => verdict !== null);
    return graded.length > 1 && new Set(graded).size > 1;
  });
}

const ROW_HEIGHT = 64;

function PassBadge({ pass }: { pass: boolean | null }) {
  if (pass === null) return <span className="text-xs text-muted">not graded</span>;
  return pass ? <Badge tone="emerald">pass</Badge> : <Badge tone="rose">fail</Badge>;
}

/**
 * The case × model grid. Only the rows in view are rendered (react-virtual), so 500 cases × 6
 * models scroll as smoothly as 20.
 */
export function ResultsMatrix({
  cases,
  models,
  selected,
  onSelect,
}: {
  cases: RunCaseJson[];
  models: string[];
  selected: { caseId: string; model: string } | null;
  onSelect: (cell: { caseId: string; model: string }) => void;
}) {
  const [filter, setFilter] = useState<MatrixFilter>("all");
  const visible = useMemo(() => filterCases(cases, models, filter), [cases, models, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const columns = `minmax(14rem, 2fr) repeat(${models.length}, minmax(9rem, 1fr))`;

  return (
    <div className="space-y-2" data-testid="results-matrix">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {(
          [
            ["all", "All cases"],
            ["failures", "Failures only"],
            ["disagree", "Models disagree"],
          ] as const
        ).map(([value, label]) => (
          <Chip key={value} on={filter === value} onClick={() => setFilter(value)} testId={`filter-${value}`}>
            {label}
          </Chip>
        ))}
        <span className="text-xs text-muted" data-testid="matrix-count">
          {visible.length} of {cases.length} cases
        </span>
      </div>
      <div
        ref={scroller}
        className="h-[28rem] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800"
        data-testid="matrix-scroller"
      >
        <div className="min-w-max">
          <div
            className="sticky top-0 z-10 grid border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
            style={{ gridTemplateColumns: columns }}
          >
            <div className="px-2 py-1.5">Case</div>
            {models.map((model) => (
              <div key={model} className="truncate px-2 py-1.5" title={model}>
                {model}
              </div>
            ))}
          </div>
          <div style={{ height: rows.getTotalSize(), position: "relative" }}>
            {rows.getVirtualItems().map((row) => {
              const item = visible[row.index];
              if (!item) return null;
              return (
                <div
                  key={item.id}
                  className="absolute left-0 grid w-full border-b border-zinc-100 text-sm dark:border-zinc-800"
                  style={{
                    gridTemplateColumns: columns,
                    height: ROW_HEIGHT,
                    transform: `translateY(${row.start}px)`,
                  }}
                  data-testid="matrix-row"
                >
                  <div className="overflow-hidden px-2 py-1" title={item.prompt}>
                    <span className="mr-1 text-xs text-muted">#{item.position + 1}</span>
                    {oneLine(item.prompt, 120)}
                  </div>
                  {models.map((model) => {
                    const result = item.results[model];
                    const active = selected?.caseId === item.id && selected.model === model;
                    return (
                      <button
                        key={model}
                        type="button"
                        onClick={() => onSelect({ caseId: item.id, model })}
                        className={`flex flex-col items-start gap-0.5 px-2 py-1 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800 ${
                          active ? "bg-accent-50 ring-1 ring-accent-500 ring-inset dark:bg-zinc-800" : ""
                        }`}
                        data-testid="matrix-cell"
                        data-model={model}
                        data-pass={result ? String(result.pass) : "pending"}
                      >
                        {result ? (
                          <>
                            <span className="flex items-center gap-1">
                              <PassBadge pass={result.pass} />
                              {result.status !== "ok" ? (
                                <span className="text-xs text-rose-600">{result.status}</span>
                              ) : null}
                            </span>
                            <span className="text-xs text-muted tabular-nums">
                              {formatUsd(result.costUsd)} · {formatMs(result.ttftMs)} ·{" "}
                              {formatMs(result.totalMs)}
                            </span>
                          </>
                        ) : (
                          <span className="text-xs text-muted">waiting…</span>
                        )}
                      </button>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
