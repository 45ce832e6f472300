"use client";

import { useId, useMemo, useState } from "react";
import { controlClass } from "@/components/ui/control-class";
import { buildSearchEntry, matchScore } from "@/lib/catalog/fuzzy";

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
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const listId = useId();
  const index = useMemo(
    () => options.map(([id, name]) => ({ id, name, search: buildSearchEntry(name, id) })),
    [options],
  );
  const nameOf = useMemo(() => new Map(options), [options]);
  const matches = useMemo(() => {
    if (!query.trim()) return [];
    return index
      .map((option) => ({ option, score: matchScore(query, option.search) }))
      .filter(({ option, score }) => score > 0 && !selected.includes(option.id))
      .sort((a, b) => b.score - a.score || a.option.id.length - b.option.id.length)
      .slice(0, MAX_MATCHES)
      .map(({ option }) => option);
  }, [index, query, selected]);
  const full = selected.length >= max;

  const pick = (id: string) => {
    onChange([...selected, id]);
    setQuery("");
    setHighlight(0);
  };

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
            <button
              type="button"
              aria-label={`Remove ${nameOf.get(id) ?? id}`}
              data-testid="history-remove"
              onClick={() => onChange(selected.filter((other) => other !== id))}
              className="rounded-full px-1 text-muted hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="relative w-full max-w-md">
        <input
          type="search"
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-label="Add an offering to the price history"
          data-testid="history-search"
          disabled={full}
          placeholder={
            full ? `Up to ${max} offerings; remove one to add another` : "Add an offering, e.g. claude sonnet"
          }
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") setHighlight((value) => Math.min(value + 1, matches.length - 1));
            else if (event.key === "ArrowUp") setHighlight((value) => Math.max(value - 1, 0));
            else if (event.key === "Escape") setOpen(false);
            else if (event.key === "Enter" && matches[highlight]) {
              event.preventDefault();
              pick(matches[highlight].id);
            } else return;
            event.preventDefault();
          }}
          className={`${controlClass} w-full disabled:opacity-60`}
        />
        {open && matches.length > 0 ? (
          <div
            id={listId}
            role="listbox"
            className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          >
            {matches.map((option, position) => (
              <div
                key={option.id}
                role="option"
                tabIndex={-1}
                aria-selected={position === highlight}
                data-testid="history-option"
                data-offering-id={option.id}
                onMouseDown={(event) => {
                  // Keep focus in the input so the list does not close before the click lands.
                  event.preventDefault();
                  pick(option.id);
                }}
                onMouseEnter={() => setHighlight(position)}
                className={`cursor-pointer px-2.5 py-1.5 ${position === highlight ? "bg-accent-50 dark:bg-zinc-800" : ""}`}
              >
                <span className="block truncate">{option.name}</span>
                <span className="block truncate font-mono text-xs text-muted">{option.id}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
