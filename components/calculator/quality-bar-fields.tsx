"use client";

import { Select } from "@/components/ui/select";
import { QUALITY_BAR_OPTIONS, QUALITY_BAR_SOURCES, type QualityBar } from "@/lib/calculator/quality-bar";
import { Field, NumberInput } from "./field";

/** A bar someone would plausibly start from: mid-table on each source's own scale. */
const STARTING_MIN: Record<QualityBar["source"], number> = {
  index: 50,
  lmarena: 1400,
  aider: 50,
  "swe-bench": 50,
  livebench: 50,
};

/** "At least N on source X": the estimate then ranks only models that meet it. */
export function QualityBarFields({
  bar,
  onChange,
}: {
  bar: QualityBar | null | undefined;
  onChange: (bar: QualityBar | null) => void;
}) {
  const source = bar?.source ?? null;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="quality-bar">
      <Field
        label="Quality bar"
        unit="compare only models scored at least…"
        className="col-span-2 sm:col-span-2"
      >
        <Select
          data-testid="quality-bar-source"
          value={source ?? ""}
          onChange={(event) => {
            const next = event.target.value as QualityBar["source"] | "";
            // Each source has its own scale (Elo, percent, index), so a new source starts afresh.
            onChange(next ? { source: next, min: STARTING_MIN[next] } : null);
          }}
        >
          <option value="">No quality bar</option>
          {QUALITY_BAR_SOURCES.map((option) => (
            <option key={option} value={option}>
              {QUALITY_BAR_OPTIONS[option].label}
            </option>
          ))}
        </Select>
      </Field>
      {bar ? (
        <Field
          label="At least"
          unit={QUALITY_BAR_OPTIONS[bar.source].unit}
          className="col-span-2 sm:col-span-1"
        >
          <NumberInput
            testId="quality-bar-min"
            max={QUALITY_BAR_OPTIONS[bar.source].max}
            value={bar.min}
            onChange={(min) => onChange({ source: bar.source, min: min ?? 0 })}
          />
        </Field>
      ) : null}
    </div>
  );
}
