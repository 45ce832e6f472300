"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { ModelEstimate, WorkloadEstimate } from "@/lib/calculator/schema";
import { modelPath } from "@/lib/catalog/views/paths";
import { formatInteger, formatTokens, formatUsd } from "@/lib/format";
import { formatMonthlyUsd } from "./money-format";

type SortKey = "name" | "provider" | "monthly" | "yearly" | "perMember" | `workload:${string}`;
type SortState = { key: SortKey; descending: boolean };

function sortValue(result: ModelEstimate, key: SortKey): string | number {
  if (key === "name") return result.name.toLowerCase();
  if (key === "provider") return result.provider.toLowerCase();
  if (key === "monthly") return Number(result.monthlyUsd);
  if (key === "yearly") return Number(result.yearlyUsd);
  if (key === "perMember")
    return result.perMemberUsd === null ? Number.POSITIVE_INFINITY : Number(result.perMemberUsd);
  const workload = result.workloads.find((item) => `workload:${item.name}` === key);
  return workload ? Number(workload.monthlyUsd) : Number.POSITIVE_INFINITY;
}

function AppliedBadges({ applied }: { applied: WorkloadEstimate["applied"] }) {
  return (
    <>
      {applied.tier ? (
        <Badge tone="amber" title="A long-context price tier applies">
          {applied.tier}
        </Badge>
      ) : null}
      {applied.cache ? (
        <Badge tone="emerald" title="Cached-input price applied">
          cache
        </Badge>
      ) : null}
      {applied.batch ? (
        <Badge tone="accent" title="Batch discount applied">
          batch
        </Badge>
      ) : null}
      {applied.measured ? (
        <Badge tone="violet" testId="measured-badge" title="Tokens per request measured in the playground">
          measured
        </Badge>
      ) : null}
    </>
  );
}

/** The score the model was held to, and what Aider's published run cost comes to per solved task. */
function QualityCell({ result }: { result: ModelEstimate }) {
  const cost = result.aiderCost;
  return (
    <td className="min-w-52 max-w-72 px-3 py-2 align-top text-xs" data-testid="result-quality">
      {result.quality ? <div>{result.quality.citation}</div> : <span className="text-muted">—</span>}
      {cost?.perSolvedTaskUsd ? (
        <div
          className="text-[11px] text-muted"
          data-testid="result-cost-per-solved"
          title={`Aider's run of ${cost.modelTested}: ${formatUsd(cost.runCostUsd)} for ${cost.tasks} exercises at that day's prices, ${cost.solvedTasks} solved`}
        >
          {formatUsd(cost.perSolvedTaskUsd)} / solved task · Aider run, {cost.solvedTasks} of {cost.tasks}{" "}
          solved, {cost.sourceDate}
        </div>
      ) : null}
    </td>
  );
}

/**
 * Every priced model with its monthly total and per-workload costs. The rows shown are the first
 * `limit` in the chosen order; highlighted models (from a catalog link) are always kept in view.
 */
export function ResultsTable({
  results,
  workloadNames,
  limit,
  highlighted,
}: {
  results: readonly ModelEstimate[];
  workloadNames: readonly string[];
  limit: number;
  highlighted: ReadonlySet<string>;
}) {
  const [sort, setSort] = useState<SortState>({ key: "monthly", descending: false });
  const showQuality = results.some((result) => result.quality);
  const rows = useMemo(() => {
    const sorted = [...results].sort((a, b) => {
      const left = sortValue(a, sort.key);
      const right = sortValue(b, sort.key);
      const order = left < right ? -1 : left > right ? 1 : 0;
      return sort.descending ? -order : order;
    });
    const shown = sorted.slice(0, limit);
    const pinned = sorted.slice(limit).filter((result) => highlighted.has(result.model));
    return [...shown, ...pinned];
  }, [results, sort, limit, highlighted]);

  const header = (key: SortKey, label: string, align: "left" | "right" = "right", testId?: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        data-testid={testId}
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className={`px-3 py-2 font-medium whitespace-nowrap ${align === "right" ? "text-right" : "text-left"}`}
      >
        <button
          type="button"
          data-testid={`sort-${key}`}
          className={`inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-white ${active ? "text-zinc-900 dark:text-white" : ""}`}
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {label}
          <span aria-hidden className="text-[10px]">
            {active ? (sort.descending ? "▼" : "▲") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full min-w-[640px] text-sm" data-testid="results-table">
        <thead className="bg-zinc-50 text-xs text-muted dark:bg-zinc-900/60">
          <tr>
            {header("name", "Model", "left")}
            {header("monthly", "Total $ / month")}
            {header("yearly", "$ / year")}
            {header("perMember", "$ / member / month")}
            {showQuality ? (
              <th scope="col" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                Quality (source, date)
              </th>
            ) : null}
            {workloadNames.map((name) =>
              header(`workload:${name}`, `${name} $ / month`, "right", "workload-column"),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((result) => {
            const fits = result.fitsBudget === true;
            const highlight = highlighted.has(result.model);
            return (
              <tr
                key={result.model}
                data-testid="result-row"
                data-model-id={result.model}
                data-highlighted={highlight ? "true" : "false"}
                data-fits-budget={result.fitsBudget === null ? "unknown" : String(result.fitsBudget)}
                className={`${highlight ? "bg-accent-50 dark:bg-accent-600/15" : fits ? "bg-emerald-50/60 dark:bg-emerald-950/30" : ""}`}
              >
                <td className="max-w-64 px-3 py-2">
                  <a href={modelPath(result.model)} className="font-medium hover:underline">
                    {result.name}
                  </a>
                  <div className="flex flex-wrap items-center gap-1 text-[11px] text-muted">
                    <span className="truncate font-mono">{result.model}</span>
                    {fits ? (
                      <Badge tone="emerald" testId="fits-budget">
                        fits budget
                      </Badge>
                    ) : null}
                  </div>
                </td>
                <td className="px-3 py-2 text-right align-top">
                  <span
                    className="font-mono font-semibold tabular-nums"
                    data-testid="result-monthly"
                    data-usd={result.monthlyUsd}
                  >
                    {formatMonthlyUsd(result.monthlyUsd)}
                  </span>
                </td>
                <td
                  className="px-3 py-2 text-right align-top font-mono tabular-nums"
                  data-testid="result-yearly"
                >
                  {formatMonthlyUsd(result.yearlyUsd)}
                </td>
                <td
                  className="px-3 py-2 text-right align-top font-mono tabular-nums"
                  data-testid="result-per-member"
                >
                  {result.perMemberUsd === null ? (
                    <span className="text-muted">—</span>
                  ) : (
                    formatUsd(result.perMemberUsd, "cents")
                  )}
                </td>
                {showQuality ? <QualityCell result={result} /> : null}
                {workloadNames.map((name) => {
                  const workload = result.workloads.find((item) => item.name === name);
                  return (
                    <td key={name} className="px-3 py-2 text-right align-top" data-testid="result-workload">
                      {workload ? (
                        <>
                          <div
                            className="font-mono tabular-nums"
                            data-testid="result-workload-monthly"
                            data-usd={workload.monthlyUsd}
                          >
                            {formatMonthlyUsd(workload.monthlyUsd)}
                          </div>
                          <div
                            className="text-[11px] text-muted tabular-nums"
                            title={`${formatInteger(workload.requestsPerMonth)} requests / month · ${formatTokens(workload.inputTokens)} in, ${formatTokens(workload.outputTokens)} out tokens / request`}
                          >
                            {formatUsd(workload.perRequestUsd)} / request
                          </div>
                          <div className="mt-0.5 flex flex-wrap justify-end gap-0.5">
                            <AppliedBadges applied={workload.applied} />
                          </div>
                        </>
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <p className="p-6 text-center text-sm text-muted">No model matches the filter.</p>
      ) : null}
    </div>
  );
}
