"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { wideInputClass } from "@/components/ui/control-class";
import { ErrorNote } from "@/components/ui/error-note";
import { formatInteger } from "@/lib/format";
import { EmptyState } from "./history-ui";
import { SessionRow } from "./session-row";
import { useSessions } from "./use-history-api";
import { useHistoryParams } from "./use-history-params";

const SEARCH_DEBOUNCE_MS = 300;

/** The Sessions tab: debounced search over titles and prompts, newest first. */
export function SessionList() {
  const { params, update } = useHistoryParams();
  // The box shows the URL's search as typed; the request waits for a pause in typing.
  const search = params.q ?? "";
  const [q, setQ] = useState(() => search.trim());

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const sessions = useSessions(q);
  const searching = sessions.isFetching || search.trim() !== q;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          data-testid="session-search"
          aria-label="Search sessions"
          placeholder="Search titles and prompts…"
          className={`${wideInputClass} max-w-md flex-1 basis-64`}
          value={search}
          onChange={(event) => void update({ q: event.target.value })}
        />
        <span className="text-xs text-muted" aria-live="polite" data-testid="session-count">
          {sessions.data
            ? `${formatInteger(sessions.data.length)}${sessions.hasNextPage ? "+" : ""} ${sessions.data.length === 1 ? "session" : "sessions"}${searching ? " · searching…" : ""}`
            : ""}
        </span>
      </div>

      {sessions.isError ? (
        <ErrorNote message={sessions.error.message} onRetry={() => void sessions.refetch()} />
      ) : sessions.isPending ? (
        <ul className="flex flex-col gap-2" aria-busy="true">
          {[0, 1, 2].map((index) => (
            <li key={index} className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
          ))}
        </ul>
      ) : sessions.data.length === 0 ? (
        q ? (
          <EmptyState testId="sessions-no-match" title={`No sessions match “${q}”.`}>
            Search looks at session names and every prompt.
          </EmptyState>
        ) : (
          <EmptyState testId="sessions-empty" title="No sessions yet — run a prompt in the Playground">
            <Link
              href="/playground"
              className="font-medium text-accent-600 dark:text-accent-300 underline underline-offset-2"
            >
              Open the Playground →
            </Link>
          </EmptyState>
        )
      ) : (
        <>
          <ul
            data-testid="session-list"
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {sessions.data.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
          {sessions.hasNextPage ? (
            <Button
              size="sm"
              data-testid="sessions-load-more"
              className="self-center"
              disabled={sessions.isFetchingNextPage}
              onClick={() => void sessions.fetchNextPage()}
            >
              {sessions.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
