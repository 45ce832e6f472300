"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/api-client";
import { mergeNewResults, RUN_PAGE_SIZE, runNewsUrl, runPageUrl } from "@/lib/evals/run-page";
import { formatInteger, formatUsd } from "@/lib/format";
import { isDemoModelId } from "@/lib/providers/demo-models";
import { AnswerDetail } from "./answer-detail";
import { CalculatorLink } from "./calculator-link";
import type { RunCaseJson, RunEstimate, RunViewJson } from "./eval-types";
import { QualityCostChart } from "./quality-cost-chart";

const linkClass = "text-sm text-accent-700 hover:underline dark:text-accent-300";

import { ResultsMatrix } from "./results-matrix";
import { RunSummary } from "./run-summary";

const POLL_MS = 1_500;
/** After a failed poll of an open run: try again, less often, rather than stop following it. */
const RETRY_MS = 5_000;
const OPEN = new Set(["queued", "running"]);

/** The run as shown, and the newest result id from which following it goes on. */
type RunState = { view: RunViewJson; cases: RunCaseJson[]; followFrom: number };

/** The newest result the cases hold. */
function lastResultId(cases: RunCaseJson[]): number {
  let last = 0;
  for (const item of cases)
    for (const result of Object.values(item.results)) last = Math.max(last, result.id);
  return last;
}

/**
 * Reads the whole run: its status and summary, and every page of cases. Following it goes on from the
 * newest answer of the first page: an answer written to a case of that page while later pages were
 * read has a newer id than any on it (a run's answers are written one batch at a time, under its row
 * lock), whereas a later page's newest could be newer still. Answers read twice replace themselves.
 */
async function loadRun(runId: string): Promise<RunState> {
  const first = await fetchJson<RunViewJson>(runPageUrl(runId));
  const cases = [...first.cases];
  let cursor = first.nextCursor;
  while (cursor !== null) {
    const next = await fetchJson<RunViewJson>(runPageUrl(runId, cursor));
    cases.push(...next.cases);
    cursor = next.nextCursor;
  }
  return { view: first, cases, followFrom: lastResultId(first.cases) };
}

/**
 * A live run's news: its status, progress and summary, with the answers written since the last poll
 * put into the cases already shown, rather than the whole run read again each time (at 500 cases ×
 * 6 models that is 2.5 MiB a poll). Null when an answer names a case the view does not have.
 */
async function followRun(runId: string, current: RunState): Promise<RunState | null> {
  let cases = current.cases;
  let after = current.followFrom;
  let view: RunViewJson;
  let fresh: NonNullable<RunViewJson["newResults"]>;
  do {
    view = await fetchJson<RunViewJson>(runNewsUrl(runId, after));
    fresh = view.newResults ?? [];
    const merged = mergeNewResults(cases, fresh, after);
    if (!merged) return null;
    ({ cases, after } = merged);
  } while (fresh.length >= RUN_PAGE_SIZE);
  return { view, cases, followFrom: after };
}

/** A run live: progress per model while it works, then the summary, chart and matrix. */
export function RunView({ runId }: { runId: string }) {
  const [state, setState] = useState<RunState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ caseId: string; model: string } | null>(null);
  const [cancelling, setCancelling] = useState(false);

  // The state the next poll builds on; a ref, so that polling does not restart with every answer.
  const latest = useRef<RunState | null>(null);
  // Reads run one after another (the poll and the Cancel button's), so an older one never lands last.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const read = useCallback(async (): Promise<{ status: string; ok: boolean }> => {
    const current = latest.current;
    try {
      const live = current !== null && OPEN.has(current.view.run.status);
      let next = live ? await followRun(runId, current) : null;
      // A run read whole: the first time, once it has ended (the finished run as stored, whatever a
      // poll may have missed), or when following it lost its place.
      if (!next || (live && !OPEN.has(next.view.run.status))) next = await loadRun(runId);
      latest.current = next;
      setState(next);
      setError(null);
      return { status: next.view.run.status, ok: true };
    } catch (failure) {
      setError((failure as Error).message);
      return { status: current?.view.run.status ?? "failed", ok: false };
    }
  }, [runId]);
  const refresh = useCallback(() => {
    const next = queue.current.then(read);
    queue.current = next;
    return next;
  }, [read]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const tick = async () => {
      const { status, ok } = await refresh();
      // An open run is polled again, and after a failed poll (shown) a little later.
      if (live && OPEN.has(status)) timer = setTimeout(tick, ok ? POLL_MS : RETRY_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [refresh]);

  const simulated = useMemo(() => new Set((state?.view.run.models ?? []).filter(isDemoModelId)), [state]);
  if (!state) return <p className="text-sm text-muted">{error ?? "Loading the run…"}</p>;
  const { view, cases } = state;
  const { run } = view;
  const open = OPEN.has(run.status);
  const selectedCase = selected ? cases.find((item) => item.id === selected.caseId) : undefined;

  const cancel = async () => {
    setCancelling(true);
    try {
      await fetchJson(`/api/evals/runs/${runId}/cancel`, { method: "POST" });
      await refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <div className="space-y-4" data-testid="run-view" data-status={run.status}>
      <Card className="space-y-3">
        <p className="text-sm text-muted" data-testid="run-facts">
          {/* In running text, so underlined (not told apart by colour alone). */}
          <Link href={`/evals/${run.setId}`} className={`${linkClass} underline underline-offset-2`}>
            “{view.setName ?? "Deleted set"}”
          </Link>{" "}
          (version {run.setVersion}) · started {formatDateTime(run.createdAt)}
          {view.createdByName ? ` by ${view.createdByName}` : ""}
          {run.finishedAt ? `, ended ${formatDateTime(run.finishedAt)}` : ""} · up to{" "}
          {formatInteger(run.maxOutputTokens)} output tokens an answer ·{" "}
          {run.judgeModel ? `judge ${run.judgeModel}` : "no judge"}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm">
            Status: <strong data-testid="run-status">{run.status}</strong>
          </span>
          <span className="text-sm tabular-nums" data-testid="run-spent">
            Spent {formatUsd(run.spentUsd)}
            {run.maxCostUsd ? ` of a ${formatUsd(run.maxCostUsd)} cap` : ""}
          </span>
          {run.status === "capped" ? (
            <span className="text-sm text-amber-700 dark:text-amber-400" data-testid="run-capped">
              Stopped at the cap: {formatUsd(run.spentUsd)} of {formatUsd(run.maxCostUsd)} spent
              {view.nextCallUsd
                ? `, and the next call could have cost up to ${formatUsd(view.nextCallUsd)}`
                : ""}
              . The answers so far are kept.
            </span>
          ) : null}
          {simulated.size > 0 ? (
            <span className="text-xs text-violet-600 dark:text-violet-300">
              Simulated models: canned answers, realistic timing, nothing billed.
            </span>
          ) : null}
          <span className="flex-1" />
          {open && view.canChange ? (
            <Button onClick={cancel} disabled={cancelling} data-testid="cancel-run">
              Cancel run
            </Button>
          ) : null}
          <Link href={`/evals/runs/${run.id}/vote`} className={linkClass} data-testid="run-vote-link">
            Blind vote
          </Link>
          <Link
            href={`/evals/${run.setId}/leaderboard`}
            className={linkClass}
            data-testid="run-leaderboard-link"
          >
            Leaderboard
          </Link>
          <Link href={`/evals/${run.setId}`} className={linkClass}>
            Back to the set
          </Link>
        </div>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="run-progress">
          {view.progress.map((item) => {
            const summary = view.summary.find((entry) => entry.model === item.model);
            const share = item.total > 0 ? (item.done / item.total) * 100 : 0;
            return (
              <li key={item.model} className="text-sm" data-testid="progress-row" data-model={item.model}>
                <div className="flex justify-between gap-2">
                  <span className="truncate">{item.model}</span>
                  <span className="tabular-nums" data-testid="progress-count">
                    {item.done} / {item.total}
                  </span>
                </div>
                <div className="mt-1 h-1.5 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
                  <div className="h-full bg-accent-600" style={{ width: `${share}%` }} />
                </div>
                <div className="mt-0.5 text-xs text-muted">
                  {summary?.errors ? `${summary.errors} error${summary.errors === 1 ? "" : "s"} · ` : ""}
                  {item.cancelled ? `${item.cancelled} not run · ` : ""}
                  {formatUsd(summary?.totalCostUsd)}
                </div>
              </li>
            );
          })}
        </ul>
        {error ? (
          <p className="text-sm text-rose-600" role="alert">
            {error}
          </p>
        ) : null}
      </Card>
      <RunSummary
        summary={view.summary}
        simulated={simulated}
        prices={(run.estimate as RunEstimate | null)?.models ?? []}
      />
      <QualityCostChart summary={view.summary} />
      {/* Only a finished run: a capped or cancelled one compares models over different cases. */}
      {run.status === "done" ? (
        <CalculatorLink
          summary={view.summary}
          run={{
            id: run.id,
            setName: view.setName ?? "Deleted set",
            date: (run.finishedAt ?? run.createdAt).slice(0, 10),
          }}
        />
      ) : null}
      <ResultsMatrix cases={cases} models={run.models} selected={selected} onSelect={setSelected} />
      {selected && selectedCase ? (
        <AnswerDetail
          key={`${selected.caseId}|${selected.model}`}
          item={selectedCase}
          model={selected.model}
          models={run.models}
        />
      ) : null}
    </div>
  );
}
