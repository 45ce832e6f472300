"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Chip } from "@/components/ui/chart-parts";
import { fetchJson } from "@/lib/api-client";
import type { Leaderboard } from "@/lib/evals/grade/votes";
import { formatInteger } from "@/lib/format";
import type { SetJson } from "./eval-types";
import { LeaderboardTable } from "./leaderboard-table";

const linkClass = "text-accent-700 hover:underline dark:text-accent-300";

/** The set's leaderboard, or every set's, from blind votes; says what it rests on and as of when. */
export function LeaderboardView({ setId }: { setId: string }) {
  const [scope, setScope] = useState<"set" | "all">("set");
  const query = useQuery({
    queryKey: ["eval-leaderboard", setId, scope],
    queryFn: () =>
      fetchJson<Leaderboard>(
        `/api/evals/${encodeURIComponent(setId)}/leaderboard${scope === "all" ? "?scope=all" : ""}`,
      ),
  });
  // The set's name, to lead back to it, and its runs, to offer one to vote on.
  const set = useQuery({
    queryKey: ["eval-set", setId],
    queryFn: () => fetchJson<SetJson>(`/api/evals/${encodeURIComponent(setId)}`),
  });
  // A finished run first: one cancelled or still at work may have few answers, or none yet.
  const paired = set.data?.runs.filter((run) => run.models.length >= 2) ?? [];
  const votable =
    paired.find((run) => run.status === "done") ??
    paired.find((run) => ["running", "cancelled", "capped"].includes(run.status));
  return (
    <div className="space-y-4">
      {set.data ? (
        <p className="text-sm">
          <Link href={`/evals/${set.data.id}`} className={linkClass} data-testid="leaderboard-set-link">
            ← {set.data.name}
          </Link>
        </p>
      ) : null}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Votes from</legend>
        <Chip testId="leaderboard-scope-set" on={scope === "set"} onClick={() => setScope("set")}>
          This set
        </Chip>
        <Chip testId="leaderboard-scope-all" on={scope === "all"} onClick={() => setScope("all")}>
          All sets
        </Chip>
      </fieldset>
      {query.isPending ? <p className="text-sm text-muted">Loading ratings…</p> : null}
      {query.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {query.error.message}
        </p>
      ) : null}
      {query.data ? (
        <>
          <LeaderboardTable board={query.data} />
          {query.data.ratings.length === 0 && votable ? (
            <p className="text-sm">
              <Link
                href={`/evals/runs/${votable.id}/vote`}
                className={linkClass}
                data-testid="leaderboard-vote-link"
              >
                Vote on a run's answers ({votable.models.join(", ")})
              </Link>
            </p>
          ) : null}
          <p data-testid="leaderboard-source" className="text-xs text-muted">
            From {formatInteger(query.data.ratedVotes)} rated of {formatInteger(query.data.totalVotes)} blind
            votes
            {query.data.asOf ? `, the latest on ${formatDateTime(query.data.asOf)}` : ""}. {query.data.method}
          </p>
        </>
      ) : null}
    </div>
  );
}
