"use client";

import { type ComponentProps, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { fieldBoxClass } from "@/components/ui/control-class";
import { formatPerMTok, formatTokens } from "@/lib/format";
import type { PlaygroundModel } from "@/lib/playground/models";
import { Markdown } from "./markdown";
import { PaneMetrics } from "./pane-metrics";
import type { PaneTurn } from "./use-playground-stream";

export interface PaneOverride {
  temperature?: number;
  maxOutputTokens?: number;
}

const STATUS_LABEL: Record<PaneTurn["status"], string> = {
  waiting: "Waiting",
  streaming: "Streaming",
  ok: "Done",
  stopped: "Stopped",
  error: "Failed",
};

const iconButton = buttonClassName("ghost", "xs");

const PaneButton = (props: ComponentProps<typeof Button>) => <Button variant="ghost" size="xs" {...props} />;

/** One model's side of the conversation: earlier turns, the live answer, its numbers and controls. */
export function Pane({
  modelId,
  info,
  turns,
  override,
  onOverride,
  onStop,
  onRetry,
  onRemove,
  canRetry,
  busy,
}: {
  modelId: string;
  info: PlaygroundModel | undefined;
  turns: PaneTurn[];
  override: PaneOverride;
  onOverride: (override: PaneOverride) => void;
  onStop: () => void;
  onRetry: () => void;
  onRemove: () => void;
  canRetry: boolean;
  busy: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const current = turns.at(-1);
  const earlier = turns.slice(0, -1);
  const streaming = current?.status === "streaming" || current?.status === "waiting";

  const copy = async () => {
    if (!current) return;
    await navigator.clipboard.writeText(current.output).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section
      className="flex min-h-[320px] min-w-0 flex-col rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="pane"
      data-model-id={modelId}
      data-status={current?.status ?? "idle"}
    >
      <header className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <div className="flex items-center justify-between gap-2">
          <div className="flex min-w-0 items-center gap-1.5">
            <h2 className="truncate text-sm font-semibold" title={modelId}>
              {info?.label ?? modelId}
            </h2>
            {info?.simulated || current?.simulated ? (
              <Badge tone="violet" testId="simulated-badge">
                Simulated
              </Badge>
            ) : null}
          </div>
          {current ? (
            <span className="shrink-0 text-[11px] text-muted" data-testid="pane-status">
              {STATUS_LABEL[current.status]}
            </span>
          ) : null}
        </div>
        <div className="mt-0.5 flex items-center justify-between gap-2">
          <p className="min-w-0 truncate text-[11px] text-muted" title={modelId}>
            {info?.providerName ?? modelId.split("/")[0]} · {formatPerMTok(info?.inputPerMTok)} /{" "}
            {formatPerMTok(info?.outputPerMTok)} per 1M · {formatTokens(info?.contextWindow)} ctx
          </p>
          <div className="flex shrink-0 items-center">
            <details className="relative">
              <summary
                className={`${iconButton} cursor-pointer list-none`}
                title="Temperature and max tokens for this pane"
              >
                ⚙
              </summary>
              <div className="absolute right-0 z-20 mt-1 w-52 space-y-2 rounded-md border border-zinc-200 bg-white p-3 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
                <label className="block">
                  Temperature (blank = shared)
                  <input
                    type="number"
                    min={0}
                    max={2}
                    step={0.1}
                    value={override.temperature ?? ""}
                    onChange={(event) =>
                      onOverride({
                        ...override,
                        temperature: event.target.value === "" ? undefined : Number(event.target.value),
                      })
                    }
                    className={`mt-1 h-7 w-full ${fieldBoxClass} px-2`}
                    data-testid="pane-temperature"
                  />
                </label>
                <label className="block">
                  Max output tokens (blank = shared)
                  <input
                    type="number"
                    min={1}
                    max={65536}
                    value={override.maxOutputTokens ?? ""}
                    onChange={(event) =>
                      onOverride({
                        ...override,
                        maxOutputTokens: event.target.value === "" ? undefined : Number(event.target.value),
                      })
                    }
                    className={`mt-1 h-7 w-full ${fieldBoxClass} px-2`}
                    data-testid="pane-max-tokens"
                  />
                </label>
              </div>
            </details>
            {streaming ? (
              <PaneButton onClick={onStop} data-testid="pane-stop" title="Stop this model">
                ■ Stop
              </PaneButton>
            ) : (
              <PaneButton
                onClick={onRetry}
                disabled={!canRetry || busy}
                data-testid="pane-retry"
                title="Run this model again on the same prompt"
              >
                ↻ Retry
              </PaneButton>
            )}
            <PaneButton
              onClick={copy}
              disabled={!current?.output}
              data-testid="pane-copy"
              title="Copy the answer"
            >
              {copied ? "Copied" : "Copy"}
            </PaneButton>
            <PaneButton
              onClick={onRemove}
              disabled={busy}
              data-testid="pane-remove"
              title="Remove this model"
            >
              ✕
            </PaneButton>
          </div>
        </div>
      </header>
      <div className="flex-1 space-y-3 overflow-y-auto px-3 py-3" data-testid="pane-body">
        {earlier.map((turn, index) => (
          <details
            key={`${turn.runId}-${index}`}
            className="rounded-md bg-zinc-50 px-2 py-1.5 text-xs dark:bg-zinc-800/50"
            data-testid="pane-earlier-turn"
          >
            <summary className="cursor-pointer truncate text-zinc-600 dark:text-zinc-300">
              <span className="font-medium">You:</span> {turn.prompt}
            </summary>
            <div className="mt-2">
              <Markdown text={turn.output || "(no output)"} />
            </div>
          </details>
        ))}
        {current ? (
          <div data-testid="pane-answer">
            {turns.length > 1 ? <p className="mb-2 text-xs text-muted">You: {current.prompt}</p> : null}
            {current.retry ? (
              <p
                className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
                data-testid="pane-retrying"
              >
                Retry {current.retry.attempt} in {Math.round(current.retry.waitMs / 100) / 10} s:{" "}
                {current.retry.reason}
              </p>
            ) : null}
            {current.output ? (
              <Markdown text={current.output} />
            ) : streaming ? (
              <p className="text-sm text-muted" data-testid="pane-waiting">
                Waiting for the first token…
              </p>
            ) : null}
            {current.error ? (
              <p
                className="mt-2 rounded-md border border-rose-200 bg-rose-50 px-2 py-1.5 text-xs text-rose-800 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-200"
                data-testid="pane-error"
                data-code={current.error.code}
              >
                {current.error.message}
                {current.output ? " The partial answer above is kept." : ""}
              </p>
            ) : null}
            {current.status === "stopped" && !current.unsaved ? (
              <p className="mt-2 text-xs text-muted">Stopped. The partial answer is saved.</p>
            ) : null}
            {current.stopFailed && streaming ? (
              <p className="mt-2 text-xs text-amber-700 dark:text-amber-300" data-testid="pane-stop-failed">
                {current.stopFailed}
              </p>
            ) : null}
            {current.unsaved ? (
              <p
                className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-800 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
                data-testid="pane-not-saved"
              >
                {current.unsaved}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-muted">Ready. Write a prompt and press Run.</p>
        )}
      </div>
      {current ? <PaneMetrics turn={current} /> : null}
    </section>
  );
}
