"use client";

import { useMemo, useState } from "react";
import { modelSearchClass } from "@/components/ui/control-class";
import { formatPerMTok, formatTokens } from "@/lib/format";
import type { PlaygroundModel } from "@/lib/playground/models";
import { MAX_MODELS } from "@/lib/playground/schema";

const KIND_ORDER: PlaygroundModel["kind"][] = ["demo", "local", "compatible", "catalog"];

/** Searchable picker of 1–6 models, with price and context beside each. */
export function ModelSelect({
  models,
  selected,
  onChange,
  disabled,
}: {
  models: readonly PlaygroundModel[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState(false);
  const byId = useMemo(() => new Map(models.map((model) => [model.id, model])), [models]);
  const term = filter.trim().toLowerCase();
  const matches = useMemo(
    () =>
      models
        .filter(
          (model) => !term || `${model.label} ${model.id} ${model.providerName}`.toLowerCase().includes(term),
        )
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
        .slice(0, 60),
    [models, term],
  );
  const full = selected.length >= MAX_MODELS;

  return (
    <div className="space-y-2" data-testid="model-select">
      <div className="flex flex-wrap items-center gap-1.5">
        {selected.map((id) => (
          <span
            key={id}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pr-1 pl-2.5 text-xs dark:border-zinc-700 dark:bg-zinc-800"
            data-testid="selected-model"
            data-model-id={id}
          >
            {byId.get(id)?.label ?? id}
            {byId.get(id)?.simulated ? (
              <span className="text-[10px] text-violet-600 dark:text-violet-300">Simulated</span>
            ) : null}
            <button
              type="button"
              disabled={disabled}
              onClick={() => onChange(selected.filter((item) => item !== id))}
              className="rounded-full px-1 text-muted hover:text-rose-600"
              aria-label={`Remove ${id}`}
            >
              ✕
            </button>
          </span>
        ))}
        <span className="text-xs text-muted">
          {selected.length}/{MAX_MODELS} models
        </span>
      </div>
      <div className="relative">
        <input
          type="search"
          value={filter}
          disabled={disabled || full}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(event) => {
            setFilter(event.target.value);
            setOpen(true);
          }}
          placeholder={
            full ? `${MAX_MODELS} models is the most a run holds` : "Add a model: search by name or provider"
          }
          aria-label="Search models to add"
          data-testid="model-search"
          className={modelSearchClass}
        />
        {open && !full ? (
          <ul className="absolute z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
            {matches.length === 0 ? (
              <li className="px-3 py-2 text-sm text-muted">No model matches.</li>
            ) : null}
            {matches.map((model) => {
              const chosen = selected.includes(model.id);
              return (
                <li key={model.id}>
                  <button
                    type="button"
                    disabled={chosen}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      onChange([...selected, model.id]);
                      setFilter("");
                    }}
                    data-testid="model-option"
                    data-model-id={model.id}
                    className="flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-zinc-50 disabled:opacity-40 dark:hover:bg-zinc-800"
                  >
                    <span className="min-w-0 truncate">
                      {model.label}{" "}
                      <span className="text-xs text-muted">
                        {model.providerName}
                        {model.simulated ? " · Simulated" : ""}
                      </span>
                    </span>
                    <span className="shrink-0 text-xs text-muted tabular">
                      {formatPerMTok(model.inputPerMTok)} / {formatPerMTok(model.outputPerMTok)} ·{" "}
                      {formatTokens(model.contextWindow)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
