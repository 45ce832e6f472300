"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { type ComboboxOption, ModelCombobox, useMatchingOptions } from "@/components/ui/model-combobox";

const MAX_MATCHES = 8;

/** Searchable multi-select over offerings, typo-tolerant like the catalog search. */
export function HistoryPicker({
  options,
  selected,
  max,
  onChange,
}: {
  options: [string, string][];
  selected: string[];
  max: number;
  onChange: (ids: string[]) => void;
}) {
  const [query, setQuery] = useState("");
  const comboboxOptions = useMemo<ComboboxOption[]>(
    () => options.map(([id, name]) => ({ id, label: name, detail: id })),
    [options],
  );
  const nameOf = useMemo(() => new Map(options), [options]);
  const matches = useMatchingOptions(comboboxOptions, query, { max: MAX_MATCHES, exclude: selected });
  const full = selected.length >= max;

  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-wrap gap-1.5">
        {selected.map((id) => (
          <li
            key={id}
            data-testid="history-selected"
            data-offering-id={id}
            className="flex items-center gap-1 rounded-full border border-zinc-300 py-0.5 pr-1 pl-2.5 text-xs dark:border-zinc-700"
          >
            <span className="max-w-56 truncate" title={id}>
              {nameOf.get(id) ?? id}
            </span>
            <Button
              variant="remove"
              className="px-1"
              aria-label={`Remove ${nameOf.get(id) ?? id}`}
              data-testid="history-remove"
              onClick={() => onChange(selected.filter((other) => other !== id))}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <div className="w-full max-w-md">
        <ModelCombobox
          onTextChange={setQuery}
          disabled={full}
          showList={query.trim() !== "" && matches.length > 0}
          label="Add an offering to the price history"
          placeholder={
            full ? `Up to ${max} offerings; remove one to add another` : "Add an offering, e.g. claude sonnet"
          }
          options={matches}
          onPick={(id) => onChange([...selected, id])}
          inputTestId="history-search"
          optionTestId="history-option"
        />
      </div>
    </div>
  );
}
