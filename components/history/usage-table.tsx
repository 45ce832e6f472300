"use client";

import { Button, buttonClassName } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { formatInteger, formatMs, formatTokens, formatUsd } from "@/lib/format";
import { EVENTS_PAGE_SIZE, withParams } from "@/lib/history/usage-query";
import { exactUsdTitle, formatDateTime, StatusBadge } from "./history-ui";
import { useUsageEvents } from "./use-history-api";

const CSV_MAX_ROWS = 5000;
const th = "whitespace-nowrap px-3 py-2 font-medium";
const td = "whitespace-nowrap px-3 py-2";

/** Individual requests, newest first, paged; the same filters as the charts. */
export function UsageTable({
  filter,
  page,
  onPage,
}: {
  filter: URLSearchParams;
  page: number;
  onPage: (page: number) => void;
}) {
  // One extra row tells whether an older page exists without a separate count query.
  const events = useUsageEvents(
    withParams(filter, { limit: EVENTS_PAGE_SIZE + 1, offset: page * EVENTS_PAGE_SIZE }),
  );
  const rows = events.data?.slice(0, EVENTS_PAGE_SIZE) ?? [];
  const hasOlder = (events.data?.length ?? 0) > EVENTS_PAGE_SIZE;
  const csvHref = `/api/usage/events?${withParams(filter, { format: "csv", limit: CSV_MAX_ROWS })}`;

  return (
    <section className="min-w-0 rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex flex-wrap items-center justify-between gap-2 px-3 pt-3 sm:px-4 sm:pt-4">
        <div className="min-w-0">
          <h2 className="font-semibold">Requests</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Newest first. The CSV holds up to {formatInteger(CSV_MAX_ROWS)} rows with these filters.
          </p>
        </div>
        <a
          data-testid="usage-export-csv"
          className={buttonClassName("secondary", "sm")}
          href={csvHref}
          download
        >
          Export CSV
        </a>
      </header>
      {events.isError ? (
        <div className="p-3 sm:p-4">
          <ErrorNote message={events.error.message} onRetry={() => void events.refetch()} />
        </div>
      ) : (
        <div className="mt-3 overflow-x-auto" data-testid="usage-table-scroll">
          <table
            data-testid="usage-table"
            className={`w-full text-left text-sm transition-opacity ${events.isPlaceholderData ? "opacity-50" : ""}`}
          >
            <thead className="border-y border-zinc-100 bg-zinc-50 text-xs uppercase text-muted dark:border-zinc-800 dark:bg-zinc-950/40">
              <tr>
                <th className={th}>Time</th>
                <th className={th}>Model</th>
                <th className={th}>Status</th>
                <th className={`${th} text-right`}>In</th>
                <th className={`${th} text-right`}>Out</th>
                <th className={`${th} text-right`}>TTFT</th>
                <th className={`${th} text-right`}>Duration</th>
                <th className={`${th} text-right`}>Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((event) => (
                <tr key={event.id} data-testid="usage-row" data-model-id={event.model}>
                  <td className={`${td} text-xs text-zinc-600 dark:text-zinc-400`}>
                    {formatDateTime(event.occurredAt)}
                  </td>
                  <td className={td}>
                    <span className="font-mono text-xs">{event.model}</span>
                    {event.member ? (
                      <span data-testid="usage-row-member" className="ml-1.5 text-[11px] text-muted">
                        by {event.member}
                      </span>
                    ) : null}
                    <span className="ml-1.5 text-[11px] text-muted">
                      {[event.simulated ? "simulated" : null, event.estimated ? "estimated tokens" : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td className={td}>
                    <StatusBadge status={event.status} />
                  </td>
                  <td className={`${td} text-right font-mono text-xs`}>{formatTokens(event.inputTokens)}</td>
                  <td className={`${td} text-right font-mono text-xs`}>{formatTokens(event.outputTokens)}</td>
                  <td className={`${td} text-right font-mono text-xs`}>{formatMs(event.ttftMs)}</td>
                  <td className={`${td} text-right font-mono text-xs`}>{formatMs(event.durationMs)}</td>
                  <td
                    className={`${td} text-right font-mono text-xs ${event.costUsd === null ? "text-muted" : ""}`}
                    title={exactUsdTitle(event.costUsd)}
                  >
                    {formatUsd(event.costUsd)}
                  </td>
                </tr>
              ))}
              {events.isPending ? (
                <tr>
                  <td colSpan={8} className="px-3 py-8 text-center text-sm text-muted">
                    Loading requests…
                  </td>
                </tr>
              ) : rows.length === 0 ? (
                <tr>
                  <td colSpan={8} className="px-3 py-8 text-center text-sm text-muted">
                    No requests on this page.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
      <footer className="flex items-center justify-between gap-2 border-t border-zinc-100 px-3 py-2 text-xs text-muted sm:px-4 dark:border-zinc-800">
        <span data-testid="usage-page">
          {rows.length > 0
            ? `${formatInteger(page * EVENTS_PAGE_SIZE + 1)}–${formatInteger(page * EVENTS_PAGE_SIZE + rows.length)}`
            : ""}
        </span>
        <div className="flex gap-1.5">
          <Button
            size="sm"
            data-testid="usage-page-newer"
            disabled={page === 0}
            onClick={() => onPage(page - 1)}
          >
            ← Newer
          </Button>
          <Button
            size="sm"
            data-testid="usage-page-older"
            disabled={!hasOlder}
            onClick={() => onPage(page + 1)}
          >
            Older →
          </Button>
        </div>
      </footer>
    </section>
  );
}
