"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { parseAsString, useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, fieldBoxClass } from "@/components/ui/control-class";
import { fetchJson } from "@/lib/api-client";
import type { PlaygroundModelList } from "@/lib/playground/models";
import { MAX_MODELS } from "@/lib/playground/schema";
import { DiffView } from "./diff-view";
import { ModelSelect } from "./model-select";
import { Pane, type PaneOverride } from "./pane";
import { turnsFromSession } from "./session-turns";
import { usePlaygroundStream } from "./use-playground-stream";

const DEFAULT_MODELS = ["demo/swift", "demo/steady", "demo/deliberate"];

function gridClass(count: number): string {
  if (count <= 1) return "grid-cols-1";
  if (count === 2) return "grid-cols-1 md:grid-cols-2";
  if (count === 3) return "grid-cols-1 md:grid-cols-2 xl:grid-cols-3";
  if (count === 4) return "grid-cols-1 md:grid-cols-2 2xl:grid-cols-4";
  return "grid-cols-1 md:grid-cols-2 xl:grid-cols-3";
}

/** A run setting left to the provider's default while empty. */
function OptionalNumberInput({
  label,
  testId,
  min,
  max,
  step,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  min: number;
  max: number;
  step?: number;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value ?? ""}
        placeholder="default"
        onChange={(event) => onChange(event.target.value === "" ? undefined : Number(event.target.value))}
        className={`${controlClass} w-24`}
        data-testid={testId}
      />
    </label>
  );
}

/** `?models=a,b` picks the models; `?session=` reopens a saved session and `?from=` starts from its last prompt. */
const PLAYGROUND_URL_KEYS = { models: parseAsString, session: parseAsString, from: parseAsString };

export function Playground() {
  const [urlState, setUrlState] = useQueryStates(PLAYGROUND_URL_KEYS);
  const catalogModels = useQuery({
    queryKey: ["playground-models"],
    queryFn: () => fetchJson<PlaygroundModelList>("/api/playground/models"),
  });
  const modelInfo = useMemo(
    () => new Map((catalogModels.data?.models ?? []).map((model) => [model.id, model])),
    [catalogModels.data],
  );
  const stream = usePlaygroundStream();
  const [selected, setSelected] = useState<string[]>(() => {
    const fromUrl =
      urlState.models
        ?.split(",")
        .map((id) => id.trim())
        .filter(Boolean) ?? [];
    return fromUrl.length > 0 ? fromUrl.slice(0, MAX_MODELS) : DEFAULT_MODELS;
  });
  const [prompt, setPrompt] = useState("");
  const [system, setSystem] = useState("");
  const [temperature, setTemperature] = useState<number | undefined>(undefined);
  const [maxOutputTokens, setMaxOutputTokens] = useState<number | undefined>(1024);
  const [overrides, setOverrides] = useState<Record<string, PaneOverride>>({});
  const [showDiff, setShowDiff] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const loadedFrom = useRef<string | null>(null);

  // ?session=<id> reopens a session to continue it; ?from=<id> starts a new one from its last prompt.
  useEffect(() => {
    const sessionId = urlState.session;
    const fromId = urlState.from;
    const target = sessionId ?? fromId;
    if (!target || loadedFrom.current === target) return;
    loadedFrom.current = target;
    fetchJson<{ id: string; runs: Parameters<typeof turnsFromSession>[0] }>(
      `/api/sessions/${encodeURIComponent(target)}`,
    )
      .then((session) => {
        const { turns, lastModels, lastRun } = turnsFromSession(session.runs);
        if (sessionId) {
          stream.load(session.id, turns);
          if (lastModels.length > 0) setSelected(lastModels);
        } else if (lastRun) {
          setPrompt(lastRun.prompt);
          setSystem(lastRun.system ?? "");
        }
      })
      .catch((error: Error) => setLoadError(error.message));
  }, [urlState.session, urlState.from, stream.load]);

  const overridesFor = useCallback(
    (models: string[]) =>
      Object.fromEntries(
        models.filter((id) => overrides[id]).map((id) => [id, overrides[id] as PaneOverride]),
      ),
    [overrides],
  );

  const run = useCallback(() => {
    const text = prompt.trim();
    if (!text || selected.length === 0 || stream.running) return;
    void stream.run({
      prompt: text,
      system: system.trim() || undefined,
      models: selected,
      temperature,
      maxOutputTokens,
      overrides: overridesFor(selected),
    });
    setPrompt("");
  }, [prompt, selected, stream, system, temperature, maxOutputTokens, overridesFor]);

  // A pane per selected model; a deselected model's turns stay in the session but leave the screen.
  const paneIds = selected;

  const answers = useMemo(
    () =>
      paneIds
        .map((id) => ({
          modelId: id,
          label: modelInfo.get(id)?.label ?? id,
          text: stream.turns[id]?.at(-1)?.output ?? "",
        }))
        .filter((answer) => answer.text.length > 0),
    [paneIds, modelInfo, stream.turns],
  );
  const noKeys = catalogModels.data && catalogModels.data.configuredProviders.length === 0;

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_360px]">
        <div className="space-y-2">
          <details
            className="rounded-md border border-zinc-200 dark:border-zinc-800"
            open={system.length > 0}
          >
            <summary className="cursor-pointer px-3 py-1.5 text-sm text-zinc-600 dark:text-zinc-300">
              System prompt (optional)
            </summary>
            <textarea
              value={system}
              onChange={(event) => setSystem(event.target.value)}
              rows={2}
              placeholder="You are a concise assistant…"
              data-testid="system-input"
              className="block w-full resize-y border-t border-zinc-200 bg-transparent px-3 py-2 text-sm outline-none dark:border-zinc-800"
            />
          </details>
          <textarea
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                run();
              }
            }}
            rows={4}
            placeholder={
              stream.sessionId
                ? "Follow up: this goes to every pane, each with its own history"
                : "Ask all selected models the same thing…"
            }
            aria-label="Prompt"
            data-testid="prompt-input"
            className={`block w-full resize-y ${fieldBoxClass} px-3 py-2 text-sm`}
          />
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="primary"
              onClick={run}
              disabled={stream.running || !prompt.trim() || selected.length === 0}
              data-testid="run-button"
            >
              {stream.sessionId ? "Send to all" : "Run"}{" "}
              <span className="text-xs opacity-75">Ctrl/⌘+Enter</span>
            </Button>
            {stream.running ? (
              <Button variant="danger-outline" onClick={stream.stopAll} data-testid="stop-all">
                Stop all
              </Button>
            ) : null}
            <Button
              onClick={() => {
                stream.reset();
                void setUrlState(null);
              }}
              disabled={stream.running}
              data-testid="new-session"
            >
              New session
            </Button>
            <OptionalNumberInput
              label="Temperature"
              testId="temperature"
              min={0}
              max={2}
              step={0.1}
              value={temperature}
              onChange={setTemperature}
            />
            <OptionalNumberInput
              label="Max output tokens"
              testId="max-tokens"
              min={1}
              max={65536}
              value={maxOutputTokens}
              onChange={setMaxOutputTokens}
            />
            {stream.sessionId ? (
              <Link
                href={`/history?tab=sessions&q=`}
                className="text-xs text-accent-600 dark:text-accent-300 underline underline-offset-2"
                data-testid="session-link"
              >
                Saved session {stream.sessionId.slice(0, 8)}
              </Link>
            ) : null}
          </div>
        </div>
        <div className="space-y-2">
          <ModelSelect
            models={catalogModels.data?.models ?? []}
            selected={selected}
            onChange={setSelected}
            disabled={stream.running}
          />
          {catalogModels.error ? (
            <p className="text-xs text-rose-600">{(catalogModels.error as Error).message}</p>
          ) : null}
          {noKeys ? (
            <p className="text-xs text-muted" data-testid="no-keys-hint">
              No provider keys are set, so only the Simulated models (and local Ollama models, if running) are
              offered. Add keys as described in{" "}
              <Link
                href="/settings"
                className="text-accent-600 dark:text-accent-300 underline underline-offset-2"
              >
                Settings
              </Link>
              .
            </p>
          ) : null}
        </div>
      </div>

      {stream.error || loadError ? (
        <p
          className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-200"
          data-testid="run-error"
        >
          {stream.error ?? loadError}
        </p>
      ) : null}

      <div
        className={`grid gap-3 ${gridClass(paneIds.length)}`}
        data-testid="panes"
        data-count={paneIds.length}
      >
        {paneIds.map((id) => (
          <Pane
            key={id}
            modelId={id}
            info={modelInfo.get(id)}
            turns={stream.turns[id] ?? []}
            override={overrides[id] ?? {}}
            onOverride={(override) => setOverrides((current) => ({ ...current, [id]: override }))}
            onStop={() => void stream.stopPane(id)}
            onRetry={() =>
              void stream.retryPane(id, {
                system: system.trim() || undefined,
                temperature,
                maxOutputTokens,
                overrides: overridesFor([id]),
              })
            }
            onRemove={() => setSelected((current) => current.filter((item) => item !== id))}
            canRetry={Boolean(stream.sessionId && stream.turns[id]?.length)}
            busy={stream.running}
          />
        ))}
      </div>

      {answers.length >= 2 ? (
        <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <Button
            variant="link"
            className="text-sm"
            onClick={() => setShowDiff((value) => !value)}
            data-testid="toggle-diff"
          >
            {showDiff ? "Hide diff" : "Compare two answers word by word"}
          </Button>
          {showDiff ? (
            <div className="mt-3">
              <DiffView answers={answers} />
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
