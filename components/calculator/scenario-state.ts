import type { CalculatorPreset } from "@/lib/calculator/presets";
import type { EstimateRequest, Volume, Workload } from "@/lib/calculator/schema";
import { MAX_WORKLOADS } from "@/lib/calculator/schema";
import { guideName } from "@/lib/catalog/guides/sources";
import { formatDate, formatInteger } from "@/lib/format";

export type CalculatorPresetOption = CalculatorPreset;

/** "TokenMix.ai beginner's guide, Apr 2026": where a preset's typical range comes from. */
export const presetSourceLabel = (preset: CalculatorPreset) =>
  `${guideName(preset.source)}, ${formatDate(preset.sourceDate)}`;

export const presetRangeText = (preset: CalculatorPreset) =>
  `typical ${formatInteger(preset.inputTokensRange.min)}–${formatInteger(preset.inputTokensRange.max)} input, ${formatInteger(preset.outputTokensRange.min)}–${formatInteger(preset.outputTokensRange.max)} output tokens / request`;

// The guide's monthly cost examples are quoted at 10K requests a month, so start there.
export const DEFAULT_REQUESTS_PER_MONTH = 10_000;
export const DEFAULT_TEAM_VOLUME = {
  mode: "team",
  teamSize: 10,
  requestsPerPersonPerDay: 20,
  workingDaysPerMonth: 21,
} as const satisfies Volume;

export function workloadFromPreset(preset: CalculatorPresetOption, name = preset.name): Workload {
  return {
    name,
    preset: preset.id,
    inputTokens: preset.inputTokens,
    outputTokens: preset.outputTokens,
    cachedInputShare: 0,
    volume: { mode: "requests", requestsPerMonth: DEFAULT_REQUESTS_PER_MONTH },
  };
}

export function blankWorkload(name: string): Workload {
  return {
    name,
    inputTokens: 500,
    outputTokens: 300,
    cachedInputShare: 0,
    volume: { mode: "requests", requestsPerMonth: DEFAULT_REQUESTS_PER_MONTH },
  };
}

/** The volume a workload is edited with; the public API's bare requestsPerMonth reads as "requests". */
export function volumeOf(workload: Workload): Volume {
  return (
    workload.volume ?? {
      mode: "requests",
      requestsPerMonth: workload.requestsPerMonth ?? DEFAULT_REQUESTS_PER_MONTH,
    }
  );
}

/** Requests a month as the browser can work it out, for switching modes without losing the volume. */
export function requestsPerMonthOf(volume: Volume): number {
  return volume.mode === "requests"
    ? volume.requestsPerMonth
    : volume.teamSize * volume.requestsPerPersonPerDay * volume.workingDaysPerMonth;
}

export function switchVolumeMode(volume: Volume, mode: Volume["mode"]): Volume {
  if (volume.mode === mode) return volume;
  if (mode === "requests") return { mode, requestsPerMonth: requestsPerMonthOf(volume) };
  return DEFAULT_TEAM_VOLUME;
}

/** A name not yet taken ("Workload 2"), because the estimate keys per-workload figures by name. */
export function uniqueWorkloadName(base: string, workloads: readonly Workload[]): string {
  const taken = new Set(workloads.map((workload) => workload.name));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base} ${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function defaultScenario(presets: readonly CalculatorPresetOption[]): EstimateRequest {
  const support = presets.find((preset) => preset.id === "customer-support-bot") ?? presets[0];
  return {
    workloads: [support ? workloadFromPreset(support, "Support bot") : blankWorkload("Workload 1")],
    batch: false,
    includeDeprecated: false,
    budgetUsdPerMonth: null,
    teamMembers: null,
  };
}

export const canAddWorkload = (state: EstimateRequest) => state.workloads.length < MAX_WORKLOADS;

/** Every workload name in the same order as the estimate's per-workload figures. */
export const workloadNames = (state: EstimateRequest) => state.workloads.map((workload) => workload.name);
