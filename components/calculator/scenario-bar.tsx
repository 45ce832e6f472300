"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/api-client";
import type { EstimateRequest } from "@/lib/calculator/schema";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { inputClass } from "./field";
import { type SavedScenario, useDeleteScenario, useSaveScenario, useScenarios } from "./use-calculator-api";

/** Name and save the scenario, copy its link, and reopen or delete saved ones. */
export function ScenarioBar({
  state,
  shareUrl,
  onOpen,
}: {
  state: EstimateRequest;
  shareUrl: string;
  onOpen: (scenario: SavedScenario) => void;
}) {
  const [name, setName] = useState("");
  // The scenario being edited and the version it was loaded at, so a save cannot silently overwrite another edit.
  const [opened, setOpened] = useState<{ id: string; version: number } | null>(null);
  const currentId = opened?.id ?? null;
  const [reloadError, setReloadError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [showList, setShowList] = useState(false);
  const scenarios = useScenarios();
  const save = useSaveScenario();
  const remove = useDeleteScenario();

  const conflict = save.error instanceof AppError && save.error.status === 412 ? save.error : null;

  const doSave = (asNew: boolean, ifMatch = opened ? `"${opened.version}"` : undefined) =>
    save.mutate(
      { id: asNew ? null : currentId, name, state, ifMatch: asNew ? undefined : ifMatch },
      { onSuccess: (saved) => setOpened({ id: saved.id, version: saved.version }) },
    );

  const open = (scenario: SavedScenario) => {
    setName(scenario.name);
    setOpened({ id: scenario.id, version: scenario.version });
    onOpen(scenario);
  };

  const reloadOpened = async () => {
    if (!currentId) return;
    try {
      open(await fetchJson<SavedScenario>(`/api/scenarios/${encodeURIComponent(currentId)}`));
      save.reset();
      setReloadError(null);
    } catch (error) {
      setReloadError((error as Error).message);
    }
  };

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-2">
        <input
          className={`${inputClass} max-w-64 flex-1`}
          data-testid="scenario-name"
          aria-label="Scenario name"
          placeholder="Name this scenario"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button
          variant="primary"
          data-testid="scenario-save"
          disabled={save.isPending}
          onClick={() => doSave(false)}
        >
          {currentId ? "Save changes" : "Save"}
        </Button>
        {currentId ? (
          <Button data-testid="scenario-save-new" onClick={() => doSave(true)}>
            Save as new
          </Button>
        ) : null}
        <Button
          data-testid="scenario-list-toggle"
          aria-expanded={showList}
          onClick={() => setShowList(!showList)}
        >
          Saved scenarios{scenarios.data ? ` (${scenarios.data.length})` : ""}
        </Button>
        {save.isSuccess && !save.isPending ? (
          <span className="text-xs text-emerald-600 dark:text-emerald-400" data-testid="scenario-saved">
            Saved
          </span>
        ) : null}
      </div>
      {conflict ? (
        <div
          role="alert"
          data-testid="scenario-conflict"
          className="flex flex-wrap items-center gap-2 text-xs text-amber-700 dark:text-amber-400"
        >
          <span>This scenario was changed elsewhere after you opened it.</span>
          <Button size="xs" data-testid="scenario-conflict-reload" onClick={reloadOpened}>
            Reload theirs
          </Button>
          <Button
            size="xs"
            data-testid="scenario-conflict-overwrite"
            onClick={() => doSave(false, (conflict.details as { etag?: string } | undefined)?.etag)}
          >
            Overwrite with mine
          </Button>
          <Button size="xs" onClick={() => doSave(true)}>
            Save mine as new
          </Button>
          {reloadError ? <span className="text-rose-600">{reloadError}</span> : null}
        </div>
      ) : save.error ? (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {save.error.message}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <span className="shrink-0 text-xs font-medium text-muted">Share</span>
        <input
          readOnly
          className={`${inputClass} flex-1 font-mono text-xs text-zinc-600 dark:text-zinc-400`}
          data-testid="share-url"
          aria-label="Link to this scenario"
          value={shareUrl}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          onClick={async () => {
            await navigator.clipboard?.writeText(shareUrl).catch(() => undefined);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {showList ? (
        <div data-testid="scenario-list" className="text-sm">
          {scenarios.error ? (
            <p role="alert" className="text-xs text-rose-600">
              {scenarios.error.message}
            </p>
          ) : null}
          {scenarios.data?.length === 0 ? (
            <p className="text-xs text-muted">No saved scenarios yet.</p>
          ) : null}
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {(scenarios.data ?? []).map((scenario) => (
              <li
                key={scenario.id}
                className="flex items-center gap-2 py-1.5"
                data-testid="scenario-item"
                data-scenario-id={scenario.id}
              >
                <span className="min-w-0 flex-1 truncate font-medium">{scenario.name}</span>
                <span className="hidden text-xs text-muted sm:inline">
                  {scenario.state.workloads.length} workloads · {formatDate(scenario.updatedAt.slice(0, 10))}
                </span>
                <Button size="xs" data-testid="scenario-open" onClick={() => open(scenario)}>
                  Open
                </Button>
                <Button
                  variant="danger-outline"
                  size="xs"
                  data-testid="scenario-delete"
                  onClick={() => {
                    if (currentId === scenario.id) setOpened(null);
                    remove.mutate(scenario.id);
                  }}
                >
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
