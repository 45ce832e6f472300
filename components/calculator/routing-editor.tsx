"use client";

import { ModelPicker } from "@/components/catalog/model-picker";
import { Button } from "@/components/ui/button";
import { MAX_ROUTE_MODELS, type Workload } from "@/lib/calculator/schema";
import { NumberInput } from "./field";
import { useRowKeys } from "./use-row-keys";

type Routing = NonNullable<Workload["routing"]>;

// A common pattern to start from: a small model takes most traffic, the flagship the hard cases.
const EXAMPLE_MIX: Routing = [
  { model: "openai/gpt-4o-mini", percent: 70 },
  { model: "openai/gpt-4o", percent: 30 },
];

/**
 * One routed model: the offering it sends to, and a search of the priced catalog that replaces it
 * (any priced model, whatever the estimate's model filter, needs or quality bar leave in its list).
 */
function RoutedModel({
  index,
  model,
  onPick,
}: {
  index: number;
  model: string;
  onPick: (id: string) => void;
}) {
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <p
        className="truncate font-mono text-xs"
        title={model}
        data-testid="routing-model"
        data-model-id={model}
      >
        {model || <span className="font-sans text-muted">No model chosen</span>}
      </p>
      <ModelPicker
        exclude={[model]}
        onPick={onPick}
        label={`Routed model ${index + 1}, now ${model || "none"}: search for another`}
        placeholder={model ? "Search to change the model" : "Search for a model"}
        inputTestId="routing-search"
        optionTestId="routing-option"
        className="w-full"
      />
    </div>
  );
}

export function RoutingEditor({
  routing,
  onChange,
}: {
  routing: Routing | undefined;
  onChange: (routing: Routing | undefined) => void;
}) {
  const splits = routing ?? [];
  // Each row keeps its own search text, so its key follows the row.
  const rowKeys = useRowKeys(splits.length);
  const total = splits.reduce((sum, split) => sum + split.percent, 0);
  const update = (index: number, patch: Partial<Routing[number]>) =>
    onChange(splits.map((split, at) => (at === index ? { ...split, ...patch } : split)));

  if (splits.length === 0) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span>Send part of the traffic to a cheaper model and see what the mix saves.</span>
        <Button data-testid="routing-add" onClick={() => onChange(EXAMPLE_MIX)}>
          Add routing mix (70% small / 30% flagship)
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2" data-testid="routing-editor">
      {splits.map((split, index) => (
        <div key={rowKeys.keyOf(index)} className="flex items-end gap-2">
          <RoutedModel index={index} model={split.model} onPick={(model) => update(index, { model })} />
          <div className="w-20 shrink-0">
            <NumberInput
              testId="routing-percent"
              ariaLabel={`Share of requests for model ${index + 1}`}
              max={100}
              value={split.percent}
              onChange={(value) => update(index, { percent: value ?? 0 })}
            />
          </div>
          <span className="text-xs text-muted">%</span>
          <Button
            variant="remove"
            className="px-1"
            aria-label={`Remove routed model ${index + 1}${split.model ? ` (${split.model})` : ""}`}
            data-testid="routing-remove"
            onClick={() => {
              rowKeys.remove(index);
              const next = splits.filter((_, at) => at !== index);
              onChange(next.length > 0 ? next : undefined);
            }}
          >
            ✕
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button
          size="xs"
          data-testid="routing-add"
          disabled={splits.length >= MAX_ROUTE_MODELS}
          onClick={() => onChange([...splits, { model: "", percent: Math.max(0, 100 - total) }])}
        >
          + model
        </Button>
        <span
          className={
            Math.abs(total - 100) < 1e-9 ? "text-muted" : "font-medium text-rose-600 dark:text-rose-400"
          }
          data-testid="routing-total"
        >
          Total {Number(total.toFixed(4))}% {Math.abs(total - 100) < 1e-9 ? "" : "(must be 100%)"}
        </span>
      </div>
    </div>
  );
}
