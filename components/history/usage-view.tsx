"use client";

import Link from "next/link";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { apiFilterQuery, readUsageState, withParams } from "@/lib/history/usage-query";
import { EmptyState } from "./history-ui";
import { RequestsByProviderChart, SpendByModelChart } from "./usage-breakdown-charts";
import { UsageByMember } from "./usage-by-member";
import { UsageFilters } from "./usage-filters";
import { UsageTable } from "./usage-table";
import { SpendOverTimeChart, TokensOverTimeChart } from "./usage-time-charts";
import { UsageTotals } from "./usage-totals";
import { useUsageReport } from "./use-history-api";
import { useHistoryParams } from "./use-history-params";

const keysOf = (buckets: { key: string | null }[] | undefined) =>
  (buckets ?? []).flatMap((bucket) => (bucket.key ? [bucket.key] : [])).sort();

/** The Usage tab: filters, totals, four charts and the request table, all from /api/usage. */
export function UsageView() {
  const { params, update } = useHistoryParams();
  const state = useMemo(() => readUsageState(params), [params]);
  const filter = useMemo(() => apiFilterQuery(state), [state]);
  // Filter choices come from the range alone, so picking one provider does not hide the others.
  const unfiltered = useMemo(() => apiFilterQuery(state, { withFilters: false }), [state]);

  const daily = useUsageReport(withParams(filter, { groupBy: "day" }));
  const dailyByModel = useUsageReport(withParams(filter, { groupBy: "day", split: "model" }));
  const byProvider = useUsageReport(withParams(filter, { groupBy: "provider" }));
  const byModel = useUsageReport(withParams(filter, { groupBy: "model" }));
  const providerOptions = useUsageReport(withParams(unfiltered, { groupBy: "provider" }));
  const modelOptions = useUsageReport(withParams(unfiltered, { groupBy: "model" }));
  const byMember = useUsageReport(withParams(filter, { groupBy: "member" }));
  const memberOptions = useUsageReport(withParams(unfiltered, { groupBy: "member" }));

  const totals = daily.data?.totals;
  const empty = daily.data && (!totals || totals.requests === 0);
  const filtered = Boolean(state.provider || state.model || state.status || state.member);

  return (
    <div
      data-testid="usage-view"
      className="flex min-w-0 flex-col gap-4"
      data-pending={daily.isFetching ? "true" : "false"}
    >
      <UsageFilters
        state={state}
        providers={keysOf(providerOptions.data?.buckets)}
        models={keysOf(modelOptions.data?.buckets)}
        members={keysOf(memberOptions.data?.buckets)}
        onChange={update}
      />
      {daily.isError ? (
        <ErrorNote message={daily.error.message} onRetry={() => void daily.refetch()} />
      ) : daily.isPending ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-busy="true">
          {[0, 1, 2, 3].map((index) => (
            <div key={index} className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
          ))}
        </div>
      ) : empty ? (
        <EmptyState
          testId="usage-empty"
          title={filtered ? "No usage matches these filters." : "No usage in this range."}
        >
          {!state.includeSimulated ? (
            <p>
              Runs of the simulated demo models are hidden.{" "}
              <Button
                variant="link"
                data-testid="usage-show-simulated"
                onClick={() => update({ includeSimulated: "1", page: null })}
              >
                Show them
              </Button>
            </p>
          ) : null}
          <p className="mt-1">
            Usage is recorded for every model answer in the{" "}
            <Link
              href="/playground"
              className="font-medium text-accent-600 dark:text-accent-300 underline underline-offset-2"
            >
              Playground
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <>
          {totals ? <UsageTotals totals={totals} simulated={state.includeSimulated} /> : null}
          <div className="grid min-w-0 grid-cols-1 gap-4 xl:grid-cols-2">
            {dailyByModel.data ? <SpendOverTimeChart report={dailyByModel.data} /> : null}
            {daily.data ? <TokensOverTimeChart report={daily.data} /> : null}
            {byProvider.data ? <RequestsByProviderChart report={byProvider.data} /> : null}
            {byModel.data ? <SpendByModelChart report={byModel.data} /> : null}
          </div>
          {byMember.data && keysOf(byMember.data.buckets).length > 0 ? (
            <UsageByMember report={byMember.data} />
          ) : null}
          <UsageTable
            filter={filter}
            page={state.page}
            onPage={(page) => update({ page: page > 0 ? String(page) : null })}
          />
        </>
      )}
    </div>
  );
}
