"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { modelSearchClass } from "@/components/ui/control-class";
import { fetchJson } from "@/lib/api-client";
import type { ApiModel } from "@/lib/catalog/export";
import { formatPerMTok } from "@/lib/format";

/** Searches the catalog API and hands back an offering id; used to add models to a comparison. */
export function ModelPicker({
  onPick,
  exclude,
  disabled,
  placeholder = "Add a model: search by name or provider",
}: {
  onPick: (id: string) => void;
  exclude: readonly string[];
  disabled?: boolean;
  placeholder?: string;
}) {
  const [text, setText] = useState("");
  const term = text.trim();
  const results = useQuery({
    queryKey: ["model-search", term],
    queryFn: ({ signal }) =>
      fetchJson<{ models: ApiModel[] }>(`/api/models?q=${encodeURIComponent(term)}&priced=1`, { signal }),
    enabled: term.length >= 2,
    staleTime: 60_000,
  });
  const options = (results.data?.models ?? []).filter((model) => !exclude.includes(model.id)).slice(0, 8);

  return (
    <div className="relative w-full max-w-md">
      <input
        type="search"
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        placeholder={disabled ? "Six models is the most a comparison holds" : placeholder}
        aria-label="Search models to add"
        data-testid="model-picker"
        className={modelSearchClass}
      />
      {term.length >= 2 && !disabled ? (
        <ul className="absolute z-20 mt-1 w-full overflow-hidden rounded-md border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {results.isLoading ? <li className="px-3 py-2 text-sm text-muted">Searching…</li> : null}
          {results.error ? (
            <li className="px-3 py-2 text-sm text-rose-600">{(results.error as Error).message}</li>
          ) : null}
          {results.data && options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-muted">No match.</li>
          ) : null}
          {options.map((model) => (
            <li key={model.id}>
              <button
                type="button"
                data-testid="model-picker-option"
                data-model-id={model.id}
                onClick={() => {
                  onPick(model.id);
                  setText("");
                }}
                className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800"
              >
                <span className="min-w-0 truncate">
                  {model.name} <span className="text-xs text-muted">{model.providerName}</span>
                </span>
                <span className="shrink-0 text-xs text-muted tabular">
                  {formatPerMTok(model.inputPerMTok === null ? null : String(model.inputPerMTok))} /{" "}
                  {formatPerMTok(model.outputPerMTok === null ? null : String(model.outputPerMTok))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
