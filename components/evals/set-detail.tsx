"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { fetchJson } from "@/lib/api-client";
import { DEMO_SET_MODELS } from "@/lib/evals/demo-set-models";
import { formatUsd } from "@/lib/format";
import type { SetJson } from "./eval-types";
import { ImportPanel } from "./import-panel";
import { RunLauncher } from "./run-launcher";
import { SetEditor } from "./set-editor";

/** One set: its runs, the launcher and the case editor. */
export function SetDetail({ setId }: { setId: string }) {
  const [set, setSet] = useState<SetJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after an import so the set (and the editor's copy of its cases) is read again.
  const [loads, setLoads] = useState(0);
  // The editor keeps its own copy of the cases: a fresh read of the set gives it a fresh copy.
  const [editorKey, setEditorKey] = useState(0);
  useEffect(() => {
    void loads;
    fetchJson<SetJson>(`/api/evals/${setId}`)
      .then((loaded) => {
        setSet(loaded);
        setEditorKey((key) => key + 1);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [setId, loads]);
  if (!set)
    return (
      <p className={`text-sm ${error ? "text-rose-600" : "text-muted"}`} role={error ? "alert" : undefined}>
        {error ?? "Loading the set…"}
      </p>
    );
  return (
    <>
      <PageHeader
        title={set.name}
        description={
          <>
            {set.description}
            {set.demo ? (
              <span className="ml-1 text-violet-600 dark:text-violet-300">
                Meant for the simulated models.
              </span>
            ) : null}
          </>
        }
      />
      <div className="space-y-4">
        <RunLauncher setId={set.id} defaultModels={set.demo ? [...DEMO_SET_MODELS] : []} />
        {set.runs.length > 0 ? (
          <Card data-testid="set-runs">
            <div className="mb-2 flex items-baseline justify-between gap-3">
              <h2 className="font-semibold">Runs</h2>
              <Link
                href={`/evals/${set.id}/leaderboard`}
                className="text-sm text-accent-700 hover:underline dark:text-accent-300"
                data-testid="set-leaderboard-link"
              >
                Leaderboard from blind votes
              </Link>
            </div>
            <ul className="space-y-1 text-sm">
              {set.runs.map((run) => (
                <li key={run.id}>
                  <Link
                    href={`/evals/runs/${run.id}`}
                    className="text-accent-700 hover:underline dark:text-accent-300"
                    data-testid="set-run-link"
                  >
                    {new Date(run.createdAt).toLocaleString()} · {run.models.join(", ")} · {run.status} ·{" "}
                    {formatUsd(run.spentUsd)}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <ImportPanel setId={set.id} onImported={() => setLoads((count) => count + 1)} />
        <h2 className="pt-2 font-semibold">Cases</h2>
        <SetEditor
          key={editorKey}
          initial={set}
          onSaved={(saved) => setSet({ ...set, ...saved, cases: set.cases })}
        />
      </div>
    </>
  );
}
