"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/api-client";
import { formatDate } from "@/lib/format";
import type { SetSummaryJson } from "./eval-types";

/** Every eval set, newest first, with "New set" and "Try the demo set". */
export function EvalSetList() {
  const router = useRouter();
  const [sets, setSets] = useState<SetSummaryJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchJson<{ sets: SetSummaryJson[] }>("/api/evals")
      .then((body) => setSets(body.sets))
      .catch((failure: Error) => setError(failure.message));
  }, []);

  const tryDemo = async () => {
    setBusy(true);
    try {
      const demo = await fetchJson<{ id: string }>("/api/evals/demo", { method: "POST" });
      router.push(`/evals/${demo.id}`);
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4" data-testid="eval-set-list">
      <div className="flex flex-wrap gap-2">
        <Link href="/evals/new" className={buttonClassName("primary")} data-testid="new-set">
          New set
        </Link>
        <Button onClick={tryDemo} disabled={busy} data-testid="try-demo">
          Try the demo set (simulated models, no keys)
        </Button>
      </div>
      {error ? (
        <p className="text-sm text-rose-600" role="alert">
          {error}
        </p>
      ) : null}
      {sets === null ? (
        <p className="text-sm text-muted">Loading sets…</p>
      ) : sets.length === 0 ? (
        <Card>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No eval sets yet. Create one from your own prompts, or try the demo set to see a run end to end.
          </p>
        </Card>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {sets.map((set) => (
            <li key={set.id}>
              <Link
                href={`/evals/${set.id}`}
                className="block rounded-lg border border-zinc-200 bg-white p-4 hover:border-accent-500 dark:border-zinc-800 dark:bg-zinc-900"
                data-testid="eval-set-row"
              >
                <div className="flex items-center gap-2 font-medium">
                  {set.name}
                  {set.demo ? <Badge tone="violet">Simulated demo</Badge> : null}
                </div>
                <div className="mt-1 text-xs text-muted">
                  {set.caseCount} case{set.caseCount === 1 ? "" : "s"} · version {set.version} ·{" "}
                  {set.lastRunAt ? `last run ${formatDate(set.lastRunAt.slice(0, 10))}` : "never run"}
                  {set.createdByName ? ` · by ${set.createdByName}` : ""}
                </div>
                {set.description ? (
                  <p className="mt-2 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">
                    {set.description}
                  </p>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
