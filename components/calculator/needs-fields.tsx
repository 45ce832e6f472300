"use client";

import { Chip } from "@/components/ui/chart-parts";
import { Checkbox } from "@/components/ui/checkbox";
import type { Workload } from "@/lib/calculator/schema";
import { Field, NumberInput } from "./field";

type Needs = NonNullable<Workload["needs"]>;
type Modality = NonNullable<Needs["inputModalities"]>[number];
const MODALITIES: Modality[] = ["text", "image", "audio", "video", "pdf"];

/** What a model must support to be priced for this workload; the rest are listed as excluded. */
export function NeedsFields({
  needs,
  onChange,
}: {
  needs: Needs | undefined;
  onChange: (needs: Needs) => void;
}) {
  const current = needs ?? {};
  const modalities = current.inputModalities ?? [];
  const toggle = (modality: Modality) =>
    onChange({
      ...current,
      inputModalities: modalities.includes(modality)
        ? modalities.filter((item) => item !== modality)
        : [...modalities, modality],
    });
  return (
    <div className="flex flex-wrap items-end gap-x-5 gap-y-3" data-testid="workload-needs">
      <Field label="Min context" unit="tokens" className="w-32">
        <NumberInput
          testId="needs-min-context"
          integer
          placeholder="any"
          value={current.minContextTokens ?? null}
          onChange={(value) => onChange({ ...current, minContextTokens: value ?? undefined })}
        />
      </Field>
      <div className="flex flex-col gap-1 text-xs">
        <span className="font-medium text-zinc-600 dark:text-zinc-400">Input modalities</span>
        <div className="flex flex-wrap gap-1">
          {MODALITIES.map((modality) => (
            <Chip
              key={modality}
              on={modalities.includes(modality)}
              onClick={() => toggle(modality)}
              testId={`needs-modality-${modality}`}
            >
              {modality}
            </Chip>
          ))}
        </div>
      </div>
      <Checkbox
        compact
        className="h-8 font-medium"
        data-testid="needs-tools"
        checked={current.tools === true}
        onChange={(event) => onChange({ ...current, tools: event.target.checked || undefined })}
      >
        Needs tool calling
      </Checkbox>
    </div>
  );
}
