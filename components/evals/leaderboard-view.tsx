"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Chip } from "@/components/ui/chart-parts";
import { fetchJson } from "@/lib/api-client";
import type { Leaderboard } from "@/lib/evals/grade/votes";
import { formatInteger } from "@/lib/format";
import { LeaderboardTable } from "./leaderboard-table";

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
  return (
    <div className="space-y-4">
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
