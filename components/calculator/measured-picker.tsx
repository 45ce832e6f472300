"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { Workload } from "@/lib/calculator/schema";
import { formatDate, formatInteger } from "@/lib/format";
import { type MeasuredModel, measureSession } from "./measured-tokens";
import { fetchSessionRuns, usePlaygroundSessions } from "./use-calculator-api";

type Measured = Pick<Workload, "measuredInputTokens" | "measuredOutputTokens">;

/** "Use measured tokens": each model's own average lengths from a playground session. */
export function MeasuredPicker({
  workload,
  isCatalogModel,
  onApply,
}: {
  workload: Workload;
  isCatalogModel: (id: string) => boolean;
  onApply: (measured: Measured) => void;
}) {
  const [open, setOpen] = useState(false);
  const sessions = usePlaygroundSessions(open);
  const [sessionId, setSessionId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pulled, setPulled] = useState<{ measured: MeasuredModel[]; skipped: string[] } | null>(null);
  const applied = Object.entries(workload.measuredOutputTokens ?? {});

  const pull = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = measureSession(await fetchSessionRuns(sessionId), isCatalogModel);
      setPulled(result);
      if (result.measured.length === 0) {
        setError("No successful answers from catalog or simulated models in that session.");
        return;
      }
      onApply({
        measuredInputTokens: Object.fromEntries(
          result.measured.map((row) => [row.catalogModel, row.inputTokens]),
        ),
        measuredOutputTokens: Object.fromEntries(
          result.measured.map((row) => [row.catalogModel, row.outputTokens]),
        ),
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!open && applied.length === 0) {
    return (
      <Button size="xs" data-testid="measured-open" onClick={() => setOpen(true)}>
        Use measured tokens from a playground session…
      </Button>
    );
  }
  return (
    <div className="space-y-2 text-xs" data-testid="measured-picker">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          className="min-w-0 flex-1"
          data-testid="measured-session-select"
          aria-label="Playground session"
          value={sessionId}
          onChange={(event) => setSessionId(event.target.value)}
          onFocus={() => setOpen(true)}
        >
          <option value="">{sessions.isLoading ? "Loading sessions…" : "Pick a playground session"}</option>
          {(sessions.data ?? []).map((session) => (
            <option key={session.id} value={session.id}>
              {session.title} · {formatDate(session.createdAt.slice(0, 10))} · {session.models.length} models
            </option>
          ))}
        </Select>
        <Button data-testid="use-measured" disabled={!sessionId || busy} onClick={pull}>
          {busy ? "Reading…" : "Use measured tokens"}
        </Button>
        {applied.length > 0 ? (
          <Button
            size="xs"
            data-testid="measured-clear"
            onClick={() => {
              setPulled(null);
              onApply({ measuredInputTokens: undefined, measuredOutputTokens: undefined });
            }}
          >
            Clear measured
          </Button>
        ) : null}
      </div>
      {sessions.error ? (
        <p role="alert" className="text-rose-600">
          {sessions.error.message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      {applied.length > 0 ? (
        <ul className="space-y-0.5 text-zinc-600 dark:text-zinc-400" data-testid="measured-list">
          {applied.map(([model, outputTokens]) => {
            const source = pulled?.measured.find((row) => row.catalogModel === model);
            return (
              <li key={model} className="flex flex-wrap items-center gap-1.5">
                <span className="font-mono">{model}</span>
                <span>
                  {formatInteger(workload.measuredInputTokens?.[model] ?? workload.inputTokens)} in ·{" "}
                  {formatInteger(outputTokens)} out tokens / request
                </span>
                {source ? <span className="text-muted">({source.samples} answers)</span> : null}
                {source?.simulated ? (
                  <Badge
                    tone="violet"
                    title={`Measured on ${source.sourceModel}, which is priced like ${model}`}
                  >
                    simulated: {source.sourceModel}
                  </Badge>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {pulled && pulled.skipped.length > 0 ? (
        <p className="text-muted">Not in the catalog, so not priced: {pulled.skipped.join(", ")}</p>
      ) : null}
    </div>
  );
}
