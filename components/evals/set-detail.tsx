"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { PageHeader } from "@/components/ui/page-header";
import { fetchJson } from "@/lib/api-client";
import { DEMO_SET_MODELS } from "@/lib/evals/demo-set-models";
import { formatUsd } from "@/lib/format";
import type { SetJson } from "./eval-types";
import { ImportPanel } from "./import-panel";
import { RunLauncher } from "./run-launcher";
import { SetEditor } from "./set-editor";

/** Deleting a set, asked twice: its runs, answers and votes go with it; usage stays. */
function DeleteSet({ set, caseCount }: { set: SetJson; caseCount: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <Button variant="danger-outline" size="sm" onClick={() => setAsking(true)} data-testid="set-delete">
        Delete set
      </Button>
    );
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await fetchJson(`/api/evals/${set.id}`, { method: "DELETE" });
      router.push("/evals");
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  const runs = set.runCount;
  return (
    <ConfirmDelete
      confirmLabel="Delete set"
      testId="set-delete-ask"
      confirmTestId="set-delete-confirm"
      pending={busy}
      error={error}
      onConfirm={remove}
      onCancel={() => setAsking(false)}
    >
      Delete <span className="font-medium">“{set.name}”</span>, its {caseCount} case
      {caseCount === 1 ? "" : "s"}
      {runs === 1 ? " and its run with its answers, grades and votes" : ""}
      {runs > 1 ? ` and its ${runs} runs with their answers, grades and votes` : ""}? What the runs cost stays
      in History’s Usage tab.
    </ConfirmDelete>
  );
}

/** One set: its runs, the launcher and the case editor. */
export function SetDetail({ setId }: { setId: string }) {
  const [set, setSet] = useState<SetJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after an import so the set (and the editor's copy of its cases) is read again.
  const [loads, setLoads] = useState(0);
  // The editor keeps its own copy of the cases: a fresh read of the set gives it a fresh copy.
  const [editorKey, setEditorKey] = useState(0);
  // The editor's own count once it has saved (the set's cases are not read again after a save).
  const [caseCount, setCaseCount] = useState<number | null>(null);
  useEffect(() => {
    void loads;
    fetchJson<SetJson>(`/api/evals/${setId}`)
      .then((loaded) => {
        setSet(loaded);
        setCaseCount(null);
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
        actions={set.canChange ? <DeleteSet set={set} caseCount={caseCount ?? set.cases.length} /> : null}
        description={
          <>
            {set.description}
            {set.createdByName ? (
              <span className="ml-1" data-testid="set-creator">
                Made by {set.createdByName}.
              </span>
            ) : null}
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
                    {formatDateTime(run.createdAt)} · {run.models.join(", ")} · {run.status} ·{" "}
                    {formatUsd(run.spentUsd)}
                    {run.createdByName ? ` · by ${run.createdByName}` : ""}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <ImportPanel
          setId={set.id}
          canImport={set.canChange}
          onImported={() => setLoads((count) => count + 1)}
        />
        <h2 className="pt-2 font-semibold">Cases</h2>
        {set.canChange ? null : (
          <p className="text-sm text-muted" data-testid="set-not-yours">
            Only {set.createdByName ?? "the person who made this set"} or an admin can change its cases. You
            can run it, vote on its answers and export it.
          </p>
        )}
        <SetEditor
          key={editorKey}
          initial={set}
          readOnly={!set.canChange}
          onSaved={(saved, savedCases) => {
            setSet({ ...set, ...saved, cases: set.cases });
            setCaseCount(savedCases);
          }}
        />
      </div>
    </>
  );
}
