"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { resultsToCsv } from "@/lib/calculator/results-csv";
import type { EstimateRequest, EstimateResponse } from "@/lib/calculator/schema";
import { downloadText } from "@/lib/download";
import { formatDate, formatInteger, formatUsd } from "@/lib/format";
import { CostVolumeChart, StackedByWorkloadChart, TopModelsChart } from "./cost-charts";
import { Field, inputClass, NumberInput } from "./field";
import { formatMonthlyUsd } from "./money-format";
import { QualityBarFields } from "./quality-bar-fields";
import { ResultsTable } from "./results-table";
import { RoutingResults } from "./routing-results";
import { workloadNames } from "./scenario-state";
import { UnpricedLists } from "./unpriced-lists";

const TOP_CHOICES = [5, 10, 25, 50, 100] as const;
const MAX_CHART_BARS = 12;

function CheckboxField({
  testId,
  label,
  note,
  checked,
  onChange,
}: {
  testId: string;
  label: string;
  note: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Checkbox
      className="self-center"
      data-testid={testId}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    >
      <span>
        {label}
        <span className="block text-[11px] text-muted">{note}</span>
      </span>
    </Checkbox>
  );
}

/** The estimate: scenario-wide settings, the table, the routing mixes, the charts, and what was left out. */
export function ResultsPanel({
  state,
  estimate,
  pending,
  error,
  highlighted,
  onChange,
}: {
  state: EstimateRequest;
  estimate: EstimateResponse | undefined;
  pending: boolean;
  error: string | null;
  highlighted: ReadonlySet<string>;
  onChange: (patch: Partial<EstimateRequest>) => void;
}) {
  const [filter, setFilter] = useState("");
  const [topN, setTopN] = useState<number>(10);
  // Free tiers ($0, usually rate-limited) would fill the whole "cheapest" view, so they start hidden.
  const [hideFree, setHideFree] = useState(true);
  const names = workloadNames(state);
  const term = filter.trim().toLowerCase();
  const matching = useMemo(
    () =>
      (estimate?.results ?? []).filter(
        (result) =>
          (!hideFree || Number(result.monthlyUsd) > 0 || highlighted.has(result.model)) &&
          (!term || `${result.name} ${result.provider} ${result.model}`.toLowerCase().includes(term)),
      ),
    [estimate, term, hideFree, highlighted],
  );
  // Typing in the filter re-renders the panel; these depend only on the estimate.
  const { freeCount, cheapest, fitting } = useMemo(() => {
    const results = estimate?.results ?? [];
    return {
      freeCount: results.filter((result) => Number(result.monthlyUsd) === 0).length,
      cheapest: results.find((result) => Number(result.monthlyUsd) > 0),
      fitting: results.filter((result) => result.fitsBudget === true).length,
    };
  }, [estimate]);
  // A stable array, so the charts keep their prepared rows across renders that leave it unchanged.
  const chartResults = useMemo(() => matching.slice(0, Math.min(topN, MAX_CHART_BARS)), [matching, topN]);
  const budgetUsd = state.budgetUsdPerMonth ?? null;

  return (
    <div className="min-w-0 space-y-4" data-testid="results" data-pending={pending ? "true" : "false"}>
      <div className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm sm:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Field label="Monthly budget" unit="$ / month">
          <NumberInput
            testId="budget-input"
            placeholder="none"
            value={state.budgetUsdPerMonth ?? null}
            onChange={(value) => onChange({ budgetUsdPerMonth: value })}
          />
        </Field>
        <Field label="Team members" unit="people sharing the bill">
          <NumberInput
            testId="team-members"
            integer
            min={1}
            placeholder="from team volume"
            value={state.teamMembers ?? null}
            onChange={(value) => onChange({ teamMembers: value === null || value < 1 ? null : value })}
          />
        </Field>
        <CheckboxField
          testId="batch-toggle"
          label="Batch API"
          note="discount where offered"
          checked={state.batch}
          onChange={(batch) => onChange({ batch })}
        />
        <CheckboxField
          testId="include-deprecated"
          label="Deprecated models"
          note="include them"
          checked={state.includeDeprecated}
          onChange={(includeDeprecated) => onChange({ includeDeprecated })}
        />
        <div className="col-span-2 sm:col-span-4">
          <QualityBarFields
            bar={state.qualityBar}
            evalRun={state.evalRun}
            onChange={(qualityBar) => onChange({ qualityBar })}
          />
        </div>
      </div>

      {error ? (
        <p
          role="alert"
          data-testid="estimate-error"
          className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-300"
        >
          {error}
        </p>
      ) : null}

      {cheapest ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="results-summary">
          {estimate?.qualityBar ? (
            <>
              Cheapest paid meeting {estimate.qualityBar.label}: <strong>{cheapest.name}</strong> at{" "}
              <strong className="font-mono">{formatMonthlyUsd(cheapest.monthlyUsd)}</strong> / month
              {cheapest.quality ? <span className="text-muted"> ({cheapest.quality.citation})</span> : null};{" "}
              {formatInteger(estimate.results.length)}{" "}
              {estimate.results.length === 1 ? "priced model meets" : "priced models meet"} the bar
            </>
          ) : (
            <>
              Cheapest paid: <strong>{cheapest.name}</strong> at{" "}
              <strong className="font-mono">{formatMonthlyUsd(cheapest.monthlyUsd)}</strong> / month across{" "}
              {formatInteger(estimate?.results.length)} priced models
            </>
          )}
          {budgetUsd !== null
            ? `; ${formatInteger(fitting)} fit the ${formatUsd(String(budgetUsd), "whole")} budget`
            : ""}
          .<span className="text-muted"> Prices as of {formatDate(estimate?.asOf)}.</span>
        </p>
      ) : estimate?.qualityBar ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="results-summary">
          No priced model meets {estimate.qualityBar.label}.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <input
          className={`${inputClass} max-w-60 flex-1`}
          type="search"
          data-testid="results-filter"
          aria-label="Filter models by name or provider"
          placeholder="Filter by model or provider"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          Show top
          <Select data-testid="top-n" value={topN} onChange={(event) => setTopN(Number(event.target.value))}>
            {TOP_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
            <option value={Number.MAX_SAFE_INTEGER}>all</option>
          </Select>
          of {formatInteger(matching.length)}
        </label>
        {freeCount > 0 ? (
          <Checkbox
            compact
            data-testid="hide-free"
            checked={hideFree}
            onChange={(event) => setHideFree(event.target.checked)}
          >
            Hide {formatInteger(freeCount)} free ($0) models
          </Checkbox>
        ) : null}
        <Button
          className="ml-auto"
          data-testid="export-csv"
          disabled={matching.length === 0}
          onClick={() => downloadText("model-cost-estimate.csv", resultsToCsv(matching, names), "text/csv")}
        >
          Export CSV
        </Button>
      </div>

      {estimate ? (
        <div className={`space-y-4 transition-opacity ${pending ? "opacity-60" : ""}`}>
          <ResultsTable results={matching} workloadNames={names} limit={topN} highlighted={highlighted} />
          <RoutingResults routing={estimate.routing} />
          {chartResults.length > 0 ? (
            <div className="grid gap-4 xl:grid-cols-2">
              <TopModelsChart results={chartResults} budgetUsd={budgetUsd} />
              <StackedByWorkloadChart results={chartResults} workloadNames={names} />
              <div className="xl:col-span-2">
                <CostVolumeChart results={chartResults} budgetUsd={budgetUsd} />
              </div>
            </div>
          ) : null}
          <UnpricedLists
            unpriced={estimate.unpriced}
            excluded={estimate.excluded}
            qualityBar={estimate.qualityBar}
          />
        </div>
      ) : !error ? (
        <p className="py-10 text-center text-sm text-muted">Working out the estimate…</p>
      ) : null}
    </div>
  );
}
