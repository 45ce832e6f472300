"use client";

import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModelCombobox } from "@/components/ui/model-combobox";
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
  const latest = useRef<string[]>([...selected]);
  latest.current = [...selected];
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
            {/* A simulated model's own name says so ("Swift (Simulated)"; lib/providers/demo-models.ts). */}
            {byId.get(id)?.label ?? id}
            <Button
              variant="remove"
              className="px-1"
              disabled={disabled}
              onClick={() => onChange(selected.filter((item) => item !== id))}
              aria-label={`Remove ${id}`}
            >
              ✕
            </Button>
          </span>
        ))}
        <span className="text-xs text-muted">
          {selected.length}/{MAX_MODELS} models
        </span>
      </div>
      <ModelCombobox
        onTextChange={setFilter}
        disabled={disabled || full}
        placeholder={
          full ? `${MAX_MODELS} models is the most a run holds` : "Add a model: search by name or provider"
        }
        message={matches.length === 0 ? { text: "No model matches." } : null}
        options={matches.map((model) => ({
          id: model.id,
          label: model.label,
          detail:
            model.simulated && model.providerName !== "Simulated"
              ? `${model.providerName} · Simulated`
              : model.providerName,
          aside: `${formatPerMTok(model.inputPerMTok)} / ${formatPerMTok(model.outputPerMTok)} · ${formatTokens(model.contextWindow)}`,
          disabled: selected.includes(model.id),
        }))}
        onPick={(id) => {
          // The latest list, not this render's: two picks can land before the next render.
          if (latest.current.includes(id)) return;
          latest.current = [...latest.current, id];
          onChange(latest.current);
        }}
        inputTestId="model-search"
        optionTestId="model-option"
      />
    </div>
  );
}
