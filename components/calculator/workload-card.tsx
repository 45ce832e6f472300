"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Workload } from "@/lib/calculator/schema";
import { Field, inputClass, NumberInput } from "./field";
import { MeasuredPicker } from "./measured-picker";
import { NeedsFields } from "./needs-fields";
import { RoutingEditor } from "./routing-editor";
import { type CalculatorPresetOption, presetRangeText, presetSourceLabel, volumeOf } from "./scenario-state";
import { TokenCounter } from "./token-counter";
import { VolumeFields } from "./volume-fields";

function Section({
  title,
  testId,
  open,
  children,
}: {
  title: string;
  testId: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details
      className="group border-t border-zinc-100 pt-2 dark:border-zinc-800"
      open={open}
      data-testid={testId}
    >
      <summary className="cursor-pointer list-none text-xs font-medium text-zinc-700 select-none dark:text-zinc-300">
        <span className="mr-1 inline-block transition group-open:rotate-90">▸</span>
        {title}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

/** One workload: its tokens per request, its volume, what it needs, and optional routing mix. */
export function WorkloadCard({
  workload,
  index,
  preset,
  explanation,
  errors,
  isCatalogModel,
  onChange,
  onRemove,
}: {
  workload: Workload;
  index: number;
  preset: CalculatorPresetOption | undefined;
  explanation: string | undefined;
  errors: string[];
  isCatalogModel: (id: string) => boolean;
  onChange: (workload: Workload) => void;
  onRemove: () => void;
}) {
  const patch = (change: Partial<Workload>) => onChange({ ...workload, ...change });
  const measuredCount = Object.keys(workload.measuredOutputTokens ?? {}).length;
  return (
    <article
      className="min-w-0 space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="workload"
      data-index={index}
    >
      <div className="flex items-start gap-2">
        <input
          className={`${inputClass} flex-1 font-semibold`}
          data-testid="workload-name"
          aria-label="Workload name"
          value={workload.name}
          onChange={(event) => patch({ name: event.target.value })}
        />
        <Button
          variant="remove"
          className="h-8 px-2 text-sm"
          data-testid="remove-workload"
          aria-label={`Remove ${workload.name}`}
          onClick={onRemove}
        >
          ✕
        </Button>
      </div>
      {preset ? (
        <p
          className="flex flex-wrap items-center gap-1.5 text-[11px] text-muted"
          data-testid="workload-preset"
        >
          <Badge>{preset.name}</Badge>
          {presetRangeText(preset)}
          <span>({presetSourceLabel(preset)})</span>
        </p>
      ) : null}
      <div className="grid grid-cols-3 gap-2">
        <Field label="Input" unit="tokens / request">
          <NumberInput
            testId="workload-input-tokens"
            integer
            value={workload.inputTokens}
            onChange={(value) => patch({ inputTokens: value ?? 0 })}
          />
        </Field>
        <Field label="Output" unit="tokens / request">
          <NumberInput
            testId="workload-output-tokens"
            integer
            value={workload.outputTokens}
            onChange={(value) => patch({ outputTokens: value ?? 0 })}
          />
        </Field>
        <Field label="Cached input" unit="% of input">
          <NumberInput
            testId="workload-cached-share"
            max={100}
            value={Math.round(workload.cachedInputShare * 10_000) / 100}
            onChange={(value) => patch({ cachedInputShare: Math.min(1, Math.max(0, (value ?? 0) / 100)) })}
          />
        </Field>
      </div>
      <VolumeFields
        volume={volumeOf(workload)}
        explanation={explanation}
        onChange={(volume) => patch({ volume, requestsPerMonth: undefined })}
      />
      {errors.length > 0 ? (
        <ul
          role="alert"
          className="space-y-0.5 text-xs text-rose-600 dark:text-rose-400"
          data-testid="workload-errors"
        >
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <Section title="Count tokens in a sample text" testId="section-tokens">
        <TokenCounter
          onUseInput={(tokens) => patch({ inputTokens: tokens })}
          onUseOutput={(tokens) => patch({ outputTokens: tokens })}
        />
      </Section>
      <Section
        title={`Measured tokens${measuredCount > 0 ? ` (${measuredCount} models)` : ""}`}
        testId="section-measured"
        open={measuredCount > 0}
      >
        <MeasuredPicker
          workload={workload}
          isCatalogModel={isCatalogModel}
          onApply={(measured) => patch(measured)}
        />
      </Section>
      <Section
        title="Needs: context, modalities, tools"
        testId="section-needs"
        open={workload.needs !== undefined}
      >
        <NeedsFields needs={workload.needs} onChange={(needs) => patch({ needs })} />
      </Section>
      <Section title="Routing mix" testId="section-routing" open>
        <RoutingEditor routing={workload.routing} onChange={(routing) => patch({ routing })} />
      </Section>
    </article>
  );
}
