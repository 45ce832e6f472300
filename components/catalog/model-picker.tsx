"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ModelCombobox } from "@/components/ui/model-combobox";
import { fetchJson } from "@/lib/api-client";
import type { ApiModel } from "@/lib/catalog/read/export";
import { formatPerMTok } from "@/lib/format";

/**
 * Searches the priced catalog through the API and hands back an offering id: adds models to a
 * comparison, and picks the model of a calculator routing row.
 */
export function ModelPicker({
  onPick,
  exclude,
  disabled,
  placeholder = "Add a model: search by name or provider",
  disabledPlaceholder = "Six models is the most a comparison holds",
  label,
  inputTestId = "model-picker",
  optionTestId = "model-picker-option",
  className = "w-full max-w-md",
}: {
  onPick: (id: string) => void;
  exclude: readonly string[];
  disabled?: boolean;
  placeholder?: string;
  disabledPlaceholder?: string;
  label?: string;
  inputTestId?: string;
  optionTestId?: string;
  className?: string;
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

  const message = results.isLoading
    ? { text: "Searching…" }
    : results.error
      ? { text: (results.error as Error).message, tone: "error" as const }
      : results.data && options.length === 0
        ? { text: "No match." }
        : null;
  const price = (value: number | null) => formatPerMTok(value === null ? null : String(value));

  return (
    <div className={className}>
      <ModelCombobox
        onTextChange={setText}
        disabled={disabled}
        showList={term.length >= 2}
        placeholder={disabled ? disabledPlaceholder : placeholder}
        label={label}
        message={message}
        options={options.map((model) => ({
          id: model.id,
          label: model.name,
          detail: model.providerName,
          aside: `${price(model.inputPerMTok)} / ${price(model.outputPerMTok)}`,
        }))}
        onPick={onPick}
        inputTestId={inputTestId}
        optionTestId={optionTestId}
      />
    </div>
  );
}
