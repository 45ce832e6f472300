"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chart-parts";
import { Checkbox } from "@/components/ui/checkbox";
import { wideInputClass } from "@/components/ui/control-class";
import { Select } from "@/components/ui/select";
import { RANGE_PRESETS, STATUSES, type UsageState } from "@/lib/history/usage-query";
import type { HistoryUrlPatch } from "./use-history-params";

const RANGE_LABELS = { "7": "7 days", "30": "30 days", "90": "90 days", custom: "Custom" } as const;

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Range, simulated toggle and provider/model/status filters; every change goes to the URL. */
function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  const id = `usage-filter-${name}`;
  return (
    <Field id={id} label={label}>
      <Select wide id={id} data-testid={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function UsageFilters({
  state,
  providers,
  models,
  members,
  onChange,
}: {
  state: UsageState;
  providers: string[];
  models: string[];
  /** Emails of the members with usage in the range; empty in single-user mode, which hides the filter. */
  members: string[];
  onChange: (patch: HistoryUrlPatch) => void;
}) {
  // Any filter change starts the events table again from the newest page.
  const set = (patch: HistoryUrlPatch) => onChange({ ...patch, page: null });
  const withCurrent = (options: string[], current: string) =>
    current && !options.includes(current) ? [current, ...options] : options;
  const filtered = state.provider || state.model || state.status || state.member;

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm sm:p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's default styling fights the flex layout. */}
        <div
          role="group"
          aria-label="Date range"
          data-testid="usage-range"
          className="flex flex-wrap gap-1.5"
        >
          {[...RANGE_PRESETS, "custom" as const].map((range) => (
            <Chip
              key={range}
              testId={`usage-range-${range}`}
              on={state.range === range}
              onClick={() =>
                set(
                  range === "custom"
                    ? { range, from: state.from, to: state.to }
                    : { range: range === "30" ? null : range, from: null, to: null },
                )
              }
            >
              {RANGE_LABELS[range]}
            </Chip>
          ))}
        </div>
        <Checkbox
          data-testid="usage-include-simulated"
          checked={state.includeSimulated}
          onChange={(event) => set({ includeSimulated: event.target.checked ? "1" : null })}
        >
          Include simulated (demo) runs
        </Checkbox>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {state.range === "custom" ? (
          <>
            <Field id="usage-from" label="From (UTC)">
              <input
                type="date"
                id="usage-from"
                data-testid="usage-from"
                className={wideInputClass}
                value={state.from}
                max={state.to}
                onChange={(event) => event.target.value && set({ from: event.target.value })}
              />
            </Field>
            <Field id="usage-to" label="To (UTC, inclusive)">
              <input
                type="date"
                id="usage-to"
                data-testid="usage-to"
                className={wideInputClass}
                value={state.to}
                min={state.from}
                onChange={(event) => event.target.value && set({ to: event.target.value })}
              />
            </Field>
          </>
        ) : null}
        <FilterSelect
          name="provider"
          label="Provider"
          anyLabel="All providers"
          value={state.provider}
          options={withCurrent(providers, state.provider)}
          onChange={(provider) => set({ provider })}
        />
        <FilterSelect
          name="model"
          label="Model"
          anyLabel="All models"
          value={state.model}
          options={withCurrent(models, state.model)}
          onChange={(model) => set({ model })}
        />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Any status"
          value={state.status}
          options={STATUSES}
          onChange={(status) => set({ status })}
        />
        {members.length > 0 || state.member ? (
          <FilterSelect
            name="member"
            label="Member"
            anyLabel="Everyone"
            value={state.member}
            options={withCurrent(members, state.member)}
            onChange={(member) => set({ member })}
          />
        ) : null}
        {filtered ? (
          <div className="flex items-end">
            <Button
              variant="link"
              data-testid="usage-clear-filters"
              className="h-9 text-sm"
              onClick={() => set({ provider: null, model: null, status: null, member: null })}
            >
              Clear filters
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
