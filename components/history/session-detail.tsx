"use client";

import { ErrorNote } from "@/components/ui/error-note";
import { formatMs, formatTokens, formatUsd } from "@/lib/format";
import type { RunJson, RunResultJson } from "@/lib/history/api-types";
import { exactUsdTitle, formatDateTime, SimulatedBadge, StatusBadge } from "./history-ui";
import { useSessionDetail } from "./use-history-api";

function Metric({
  label,
  value,
  note,
  title,
}: {
  label: string;
  value: string;
  note?: string | null;
  title?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] uppercase tracking-wide text-muted">{label}</dt>
      <dd className="break-words font-mono text-xs tabular" title={title}>
        {value}
        {note ? <span className="block text-[11px] text-muted">{note}</span> : null}
      </dd>
    </div>
  );
}

// Tailwind needs whole class names, so the column count per number of answers is spelled out.
const GRID_BY_COUNT = ["", "", "md:grid-cols-2", "md:grid-cols-2 xl:grid-cols-3"];

function ResultCard({ result }: { result: RunResultJson }) {
  return (
    <article
      data-testid="session-result"
      data-model-id={result.modelId}
      data-status={result.status}
      className="flex min-w-0 flex-col rounded-md border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <span className="min-w-0 truncate font-mono text-xs font-medium" title={result.modelId}>
          {result.modelId}
        </span>
        <StatusBadge status={result.status} />
        {result.simulated ? <SimulatedBadge label="simulated" /> : null}
      </header>
      {/* Model output is untrusted text: rendered as text, never as HTML or markdown. */}
      <div
        data-testid="result-output"
        className="max-h-80 min-h-16 flex-1 overflow-y-auto whitespace-pre-wrap break-words px-3 py-2 text-sm leading-relaxed"
      >
        {result.output || <span className="italic text-muted">(no output)</span>}
      </div>
      {result.errorMessage ? (
        <p
          data-testid="result-error"
          className="mx-3 mb-2 break-words rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {result.errorCode ? <span className="font-mono">{result.errorCode}: </span> : null}
          {result.errorMessage}
        </p>
      ) : null}
      <dl className="grid grid-cols-3 gap-x-3 gap-y-1.5 border-t border-zinc-100 px-3 py-2 sm:grid-cols-5 dark:border-zinc-800">
        <Metric label="TTFT" value={formatMs(result.ttftMs)} />
        <Metric label="Duration" value={formatMs(result.durationMs)} />
        <Metric
          label="Tokens in"
          value={formatTokens(result.inputTokens)}
          note={result.cachedInputTokens ? `${formatTokens(result.cachedInputTokens)} cached` : null}
        />
        <Metric
          label="Tokens out"
          value={formatTokens(result.outputTokens)}
          note={result.reasoningTokens ? `${formatTokens(result.reasoningTokens)} reasoning` : null}
        />
        <Metric label="Cost" value={formatUsd(result.costUsd)} title={exactUsdTitle(result.costUsd)} />
      </dl>
      {result.estimated ? (
        <p data-testid="result-estimated" className="px-3 pb-2 text-[11px] text-muted">
          Token counts are estimated (the stream ended before the provider reported usage).
        </p>
      ) : null}
    </article>
  );
}

function Turn({ run }: { run: RunJson }) {
  return (
    <section data-testid="session-turn" data-turn-index={run.turnIndex} className="min-w-0">
      <h3 className="mb-2 flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
        Turn {run.turnIndex + 1}
        <span className="text-xs font-normal text-muted">{formatDateTime(run.createdAt)}</span>
      </h3>
      {run.system ? (
        <details className="mb-2 text-sm">
          <summary className="cursor-pointer text-xs text-muted">System prompt</summary>
          <p className="mt-1 whitespace-pre-wrap break-words rounded-md bg-zinc-100 px-3 py-2 dark:bg-zinc-800/60">
            {run.system}
          </p>
        </details>
      ) : null}
      <p
        data-testid="turn-prompt"
        className="mb-3 whitespace-pre-wrap break-words rounded-md bg-accent-50 px-3 py-2 text-sm dark:bg-zinc-800/70"
      >
        {run.prompt}
      </p>
      {run.results.length === 0 ? (
        <p className="text-sm text-muted">No answers were saved for this turn.</p>
      ) : (
        <div className={`grid gap-3 ${GRID_BY_COUNT[Math.min(run.results.length, 3)]}`}>
          {run.results.map((result) => (
            <ResultCard key={result.id} result={result} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Every turn of a saved session with each model's answer and its numbers. */
export function SessionDetail({ sessionId }: { sessionId: string }) {
  const detail = useSessionDetail(sessionId);
  if (detail.isPending) {
    return <p className="py-6 text-center text-sm text-muted">Loading the conversation…</p>;
  }
  if (detail.isError) {
    return <ErrorNote message={detail.error.message} onRetry={() => void detail.refetch()} />;
  }
  return (
    <div data-testid="session-detail" className="flex flex-col gap-6">
      {detail.data.runs.length === 0 ? (
        <p className="text-sm text-muted">This session has no saved turns.</p>
      ) : (
        detail.data.runs.map((run) => <Turn key={run.id} run={run} />)
      )}
    </div>
  );
}
