"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ControlGroup } from "@/components/ui/chart-parts";
import { Checkbox } from "@/components/ui/checkbox";
import { controlClass } from "@/components/ui/control-class";
import { Select } from "@/components/ui/select";
import {
  CAPABILITIES,
  type Capability,
  type CatalogQuery,
  MODALITIES,
  type Modality,
} from "@/lib/catalog/read/query";
import { COLUMN_KEYS, COLUMN_LABELS, type ColumnKey, FIXED_COLUMNS } from "@/lib/catalog/views/columns";

const CONTEXT_OPTIONS = [
  { label: "Any context", value: null },
  { label: "≥ 8K", value: 8_000 },
  { label: "≥ 32K", value: 32_000 },
  { label: "≥ 128K", value: 128_000 },
  { label: "≥ 200K", value: 200_000 },
  { label: "≥ 1M", value: 1_000_000 },
] as const;

const CAPABILITY_LABELS: Record<Capability, string> = {
  tools: "Tool calling",
  reasoning: "Reasoning",
  structured: "Structured output",
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

function PriceInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  testId: string;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      {label}
      <span className="relative">
        <span className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-muted">$</span>
        <input
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          value={value ?? ""}
          placeholder="any"
          data-testid={testId}
          onChange={(event) =>
            onChange(event.target.value === "" ? null : Math.max(0, Number(event.target.value)))
          }
          className={`${controlClass} w-24 pl-5`}
        />
      </span>
      <span className="text-muted">/1M</span>
    </label>
  );
}

export function ProviderPicker({
  providers,
  selected,
  onChange,
}: {
  providers: readonly { id: string; name: string; offeringCount: number }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [filter, setFilter] = useState("");
  const visible = providers.filter((provider) =>
    `${provider.name} ${provider.id}`.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  return (
    <details className="relative" data-testid="provider-filter">
      <summary className={`${controlClass} flex cursor-pointer list-none items-center gap-1`}>
        Providers{selected.length > 0 ? ` (${selected.length})` : ""} <span className="text-xs">▾</span>
      </summary>
      <div className="absolute z-20 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <input
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Find a provider"
          className={`${controlClass} mb-2 w-full`}
          data-testid="provider-filter-search"
        />
        <div className="max-h-72 overflow-y-auto">
          {visible.map((provider) => (
            <Checkbox
              key={provider.id}
              className="rounded px-1 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-800"
              checked={selected.includes(provider.id)}
              onChange={() => onChange(toggle(selected, provider.id))}
              data-testid={`provider-option-${provider.id}`}
            >
              <span className="flex-1 truncate">{provider.name}</span>
              <span className="text-xs text-muted">{provider.offeringCount}</span>
            </Checkbox>
          ))}
        </div>
        {selected.length > 0 ? (
          <Button variant="link" onClick={() => onChange([])} className="mt-2 text-xs">
            Clear providers
          </Button>
        ) : null}
      </div>
    </details>
  );
}

export function ColumnMenu({
  visible,
  onChange,
}: {
  visible: readonly ColumnKey[];
  onChange: (next: ColumnKey[]) => void;
}) {
  return (
    <details className="relative" data-testid="column-menu">
      <summary className={`${controlClass} flex cursor-pointer list-none items-center gap-1`}>
        Columns <span className="text-xs">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {COLUMN_KEYS.filter((key) => !FIXED_COLUMNS.includes(key)).map((key) => (
          <Checkbox
            key={key}
            className="px-1 py-1"
            checked={visible.includes(key)}
            onChange={() => onChange(toggle(visible, key))}
            data-testid={`column-toggle-${key}`}
          >
            {COLUMN_LABELS[key]}
          </Checkbox>
        ))}
      </div>
    </details>
  );
}

export function CatalogFilters({
  query,
  update,
}: {
  query: CatalogQuery;
  update: (patch: Partial<CatalogQuery>) => void;
}) {
  // A 0:0 blend has no meaning; keep the last valid ratio instead.
  const updateRatio = (ratio: [number, number]) => {
    if (ratio[0] + ratio[1] > 0) update({ ratio });
  };
  return (
    <div className="space-y-2" data-testid="catalog-filters">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <ControlGroup label="Input">
          {MODALITIES.map((modality) => (
            <Chip
              key={modality}
              on={query.input.includes(modality)}
              testId={`filter-input-${modality}`}
              onClick={() => update({ input: toggle<Modality>(query.input, modality) })}
            >
              {modality}
            </Chip>
          ))}
        </ControlGroup>
        <ControlGroup label="Output">
          {MODALITIES.filter((modality) => modality !== "pdf").map((modality) => (
            <Chip
              key={modality}
              on={query.output.includes(modality)}
              testId={`filter-output-${modality}`}
              onClick={() => update({ output: toggle<Modality>(query.output, modality) })}
            >
              {modality}
            </Chip>
          ))}
        </ControlGroup>
        <ControlGroup label="Needs">
          {CAPABILITIES.map((capability) => (
            <Chip
              key={capability}
              on={query.caps.includes(capability)}
              testId={`filter-cap-${capability}`}
              onClick={() => update({ caps: toggle<Capability>(query.caps, capability) })}
            >
              {CAPABILITY_LABELS[capability]}
            </Chip>
          ))}
          <Chip
            on={query.openWeights}
            testId="filter-open-weights"
            onClick={() => update({ openWeights: !query.openWeights })}
          >
            Open weights only
          </Chip>
        </ControlGroup>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-1.5 text-xs text-muted">
          Context
          <Select
            value={query.minContext ?? ""}
            data-testid="filter-min-context"
            onChange={(event) =>
              update({ minContext: event.target.value === "" ? null : Number(event.target.value) })
            }
          >
            {CONTEXT_OPTIONS.map((option) => (
              <option key={option.label} value={option.value ?? ""}>
                {option.label}
              </option>
            ))}
          </Select>
        </label>
        <PriceInput
          label="Max input"
          value={query.maxInput}
          onChange={(maxInput) => update({ maxInput })}
          testId="filter-max-input"
        />
        <PriceInput
          label="Max output"
          value={query.maxOutput}
          onChange={(maxOutput) => update({ maxOutput })}
          testId="filter-max-output"
        />
        <PriceInput
          label="Max blended"
          value={query.maxBlended}
          onChange={(maxBlended) => update({ maxBlended })}
          testId="filter-max-blended"
        />
        <label
          className="flex items-center gap-1 text-xs text-muted"
          title="Weights of input and output tokens in the blended price"
        >
          Blend input:output
          <input
            type="number"
            min={0}
            max={999}
            value={query.ratio[0]}
            data-testid="ratio-input"
            onChange={(event) => updateRatio([clampWeight(event.target.value), query.ratio[1]])}
            className={`${controlClass} w-14`}
          />
          :
          <input
            type="number"
            min={0}
            max={999}
            value={query.ratio[1]}
            data-testid="ratio-output"
            onChange={(event) => updateRatio([query.ratio[0], clampWeight(event.target.value)])}
            className={`${controlClass} w-14`}
          />
        </label>
        <Checkbox
          compact
          checked={query.deprecated === "show"}
          onChange={() => update({ deprecated: query.deprecated === "show" ? "hide" : "show" })}
          data-testid="filter-show-deprecated"
        >
          Show deprecated
        </Checkbox>
        <Checkbox
          compact
          checked={query.priced}
          onChange={() => update({ priced: !query.priced })}
          data-testid="filter-priced"
        >
          Known prices only
        </Checkbox>
      </div>
    </div>
  );
}

function clampWeight(value: string): number {
  const parsed = Math.round(Number(value));
  return Number.isFinite(parsed) ? Math.min(999, Math.max(0, parsed)) : 0;
}
