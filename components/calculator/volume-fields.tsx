"use client";

import type { Volume } from "@/lib/calculator/schema";
import { formatInteger } from "@/lib/format";
import { Field, NumberInput } from "./field";
import { requestsPerMonthOf, switchVolumeMode } from "./scenario-state";

const modeButton = (on: boolean) =>
  `px-2.5 py-1 text-xs font-medium ${
    on
      ? "bg-accent-600 text-white"
      : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
  }`;

/**
 * Volume as requests a month or as a team's daily use. Whichever is edited, the line under it says
 * both: the server's explanation when it has answered, the browser's own product until then.
 */
export function VolumeFields({
  volume,
  explanation,
  onChange,
}: {
  volume: Volume;
  explanation: string | undefined;
  onChange: (volume: Volume) => void;
}) {
  const requests = requestsPerMonthOf(volume);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Volume</span>
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control, not a form section. */}
        <div
          role="group"
          aria-label="Volume mode"
          className="inline-flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700"
        >
          <button
            type="button"
            aria-pressed={volume.mode === "requests"}
            className={modeButton(volume.mode === "requests")}
            data-testid="volume-mode-requests"
            onClick={() => onChange(switchVolumeMode(volume, "requests"))}
          >
            Requests / month
          </button>
          <button
            type="button"
            aria-pressed={volume.mode === "team"}
            className={modeButton(volume.mode === "team")}
            data-testid="volume-mode-team"
            onClick={() => onChange(switchVolumeMode(volume, "team"))}
          >
            Team usage
          </button>
        </div>
      </div>
      {volume.mode === "requests" ? (
        <Field label="Requests" unit="requests / month" className="max-w-48">
          <NumberInput
            testId="workload-requests"
            value={volume.requestsPerMonth}
            onChange={(value) => onChange({ mode: "requests", requestsPerMonth: value ?? 0 })}
          />
        </Field>
      ) : (
        <div className="grid grid-cols-3 gap-2">
          <Field label="Team size" unit="people">
            <NumberInput
              testId="team-size"
              integer
              min={1}
              value={volume.teamSize}
              onChange={(value) => onChange({ ...volume, teamSize: value ?? 1 })}
            />
          </Field>
          <Field label="Each person" unit="requests / working day">
            <NumberInput
              testId="requests-per-person"
              value={volume.requestsPerPersonPerDay}
              onChange={(value) => onChange({ ...volume, requestsPerPersonPerDay: value ?? 0 })}
            />
          </Field>
          <Field label="Working days" unit="days / month">
            <NumberInput
              testId="working-days"
              min={1}
              max={31}
              value={volume.workingDaysPerMonth}
              onChange={(value) => onChange({ ...volume, workingDaysPerMonth: value ?? 21 })}
            />
          </Field>
        </div>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="volume-explanation">
        {explanation ??
          (volume.mode === "team"
            ? `${formatInteger(volume.teamSize)} people × ${formatInteger(volume.requestsPerPersonPerDay)} requests / day × ${formatInteger(volume.workingDaysPerMonth)} working days = ${formatInteger(requests)} requests / month`
            : `${formatInteger(requests)} requests / month`)}
      </p>
    </div>
  );
}
