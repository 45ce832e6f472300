"use client";

import { Button } from "@/components/ui/button";
import { MAX_ROUTE_MODELS, type Workload } from "@/lib/calculator/schema";
import { inputClass, NumberInput } from "./field";

type Routing = NonNullable<Workload["routing"]>;

/** The datalist every routing row suggests models from: the priced models of the last estimate. */
export const MODEL_OPTIONS_ID = "calculator-model-options";

// A common pattern to start from: a small model takes most traffic, the flagship the hard cases.
const EXAMPLE_MIX: Routing = [
  { model: "openai/gpt-4o-mini", percent: 70 },
  { model: "openai/gpt-4o", percent: 30 },
];

/** Splits a workload's requests across 2–6 models; the percents must add up to 100. */
export function RoutingEditor({
  routing,
  onChange,
}: {
  routing: Routing | undefined;
  onChange: (routing: Routing | undefined) => void;
}) {
  const splits = routing ?? [];
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
        <div key={index} className="flex items-center gap-2">
          <input
            className={`${inputClass} flex-1 font-mono text-xs`}
            list={MODEL_OPTIONS_ID}
            data-testid="routing-model"
            aria-label={`Routed model ${index + 1}`}
            placeholder="provider/model"
            value={split.model}
            onChange={(event) => update(index, { model: event.target.value.trim() })}
          />
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
            aria-label={`Remove routed model ${index + 1}`}
            data-testid="routing-remove"
            onClick={() => {
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
