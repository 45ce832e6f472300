"use client";

import { Select } from "@/components/ui/select";
import {
  type EvalRunEvidence,
  QUALITY_BAR_OPTIONS,
  QUALITY_BAR_SOURCES,
  type QualityBar,
  simulatedByNote,
} from "@/lib/calculator/quality-bar";
import { Field, NumberInput } from "./field";

/** A bar someone would plausibly start from: mid-table on each source's own scale. */
const STARTING_MIN: Record<QualityBar["source"], number> = {
  index: 50,
  eval: 80,
  lmarena: 1400,
  aider: 50,
  "swe-bench": 50,
  livebench: 50,
};

/**
 * "At least N on source X": the estimate then ranks only models that meet it. The eval pass rate is
 * offered when the scenario came from an eval run, which is named under the fields.
 */
export function QualityBarFields({
  bar,
  evalRun,
  onChange,
}: {
  bar: QualityBar | null | undefined;
  evalRun: EvalRunEvidence | null | undefined;
  onChange: (bar: QualityBar | null) => void;
}) {
  const source = bar?.source ?? null;
  const sources = QUALITY_BAR_SOURCES.filter((option) => option !== "eval" || evalRun || source === "eval");
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
          {sources.map((option) => (
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
      {evalRun ? (
        <p className="col-span-2 text-xs text-muted sm:col-span-4" data-testid="quality-bar-eval-run">
          Eval pass rates from{" "}
          <a
            className="underline underline-offset-2"
            href={`/evals/runs/${encodeURIComponent(evalRun.runId)}`}
          >
            “{evalRun.setName}”, {evalRun.date}
          </a>
          :{" "}
          {evalRun.passRates
            .map((rate) => `${rate.model} ${rate.passed}/${rate.graded}${simulatedByNote(rate.simulatedBy)}`)
            .join(", ")}
          .
        </p>
      ) : null}
    </div>
  );
}
