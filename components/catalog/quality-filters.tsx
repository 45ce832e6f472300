"use client";

import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-class";
import { SCORE_DEFINITIONS, SCORE_KEYS, type ScoreKey } from "@/lib/catalog/quality/views/scores";
import type { CatalogQuery } from "@/lib/catalog/read/query";

function MinimumInput({
  label,
  value,
  onChange,
  testId,
  max,
  step,
  placeholder,
  wide = false,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  testId: string;
  max?: number;
  step: string;
  placeholder: string;
  /** In the popover: label on the left, inputs aligned on the right. */
  wide?: boolean;
}) {
  return (
    <label className={`flex items-center gap-1.5 text-xs text-muted ${wide ? "w-full justify-between" : ""}`}>
      <span>{label} ≥</span>
      <input
        type="number"
        min={0}
        max={max}
        step={step}
        inputMode="decimal"
        value={value ?? ""}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(event) => {
          const parsed = Number(event.target.value);
          onChange(event.target.value === "" || !Number.isFinite(parsed) ? null : Math.max(0, parsed));
        }}
        className={`${controlClass} w-20`}
      />
    </label>
  );
}

/** Minimum quality index and per-source minimum scores; a model without the score never passes. */
export function QualityFilters({
  query,
  update,
}: {
  query: CatalogQuery;
  update: (patch: Partial<CatalogQuery>) => void;
}) {
  const setScore = (key: ScoreKey, value: number | null) => {
    const { [key]: _dropped, ...rest } = query.minScores;
    update({ minScores: value === null ? rest : { ...rest, [key]: value } });
  };
  const active = Object.keys(query.minScores).length;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="quality-filters">
      <span className="text-xs font-medium text-muted">Quality</span>
      <MinimumInput
        label="Index"
        value={query.minQuality}
        max={100}
        step="1"
        placeholder="0–100"
        testId="filter-min-quality"
        onChange={(minQuality) =>
          update({ minQuality: minQuality === null ? null : Math.min(100, minQuality) })
        }
      />
      <details className="relative" data-testid="filter-min-scores">
        <summary className={`${controlClass} flex cursor-pointer list-none items-center gap-1`}>
          Minimum per source{active > 0 ? ` (${active})` : ""} <span className="text-xs">▾</span>
        </summary>
        <div className="absolute z-20 mt-1 w-80 space-y-1.5 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {SCORE_KEYS.map((key) => (
            <div key={key}>
              <MinimumInput
                wide
                label={SCORE_DEFINITIONS[key].label}
                value={query.minScores[key] ?? null}
                step={SCORE_DEFINITIONS[key].unit === "elo" ? "10" : "1"}
                placeholder={SCORE_DEFINITIONS[key].unit === "elo" ? "rating" : "%"}
                testId={`filter-min-score-${key}`}
                onChange={(value) => setScore(key, value)}
              />
            </div>
          ))}
          <p className="pt-1 text-[11px] text-muted">
            Models without the score are left out, never counted as 0.
          </p>
        </div>
      </details>
      {SCORE_KEYS.filter((key) => query.minScores[key] !== undefined).map((key) => (
        <Button
          key={key}
          variant="remove-pill"
          onClick={() => setScore(key, null)}
          data-testid={`active-min-score-${key}`}
          title="Remove this minimum"
        >
          {SCORE_DEFINITIONS[key].short} ≥ {query.minScores[key]} ✕
        </Button>
      ))}
    </div>
  );
}
