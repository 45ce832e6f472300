import type { ModelEstimate } from "@/lib/calculator/schema";

/**
 * Chart rows. Amounts here are JS numbers: they only place bars and lines, while every figure a
 * person reads (tooltips, table, CSV) comes from the estimate's exact decimal strings.
 */
export interface ModelBarRow {
  model: string;
  label: string;
  monthlyUsd: string;
  monthlyUsdValue: number;
  /** Monthly USD per workload name, for the stacked chart. */
  byWorkload: Record<string, number>;
  exactByWorkload: Record<string, string>;
}

export function modelBars(results: readonly ModelEstimate[]): ModelBarRow[] {
  return results.map((result) => ({
    model: result.model,
    label: result.name,
    monthlyUsd: result.monthlyUsd,
    monthlyUsdValue: Number(result.monthlyUsd),
    byWorkload: Object.fromEntries(
      result.workloads.map((workload) => [workload.name, Number(workload.monthlyUsd)]),
    ),
    exactByWorkload: Object.fromEntries(
      result.workloads.map((workload) => [workload.name, workload.monthlyUsd]),
    ),
  }));
}

// Log-spaced multipliers of today's volume, 0.1× to 10×.
export const VOLUME_MULTIPLIERS = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10] as const;

export interface VolumeRow {
  multiplier: number;
  /** Requests a month across all workloads at this multiple. */
  requestsPerMonth: number;
  costs: Record<string, number>;
}

/** How the monthly bill grows with volume: per-request cost × requests, for each model. */
export function costAgainstVolume(results: readonly ModelEstimate[]): VolumeRow[] {
  const baseRequests =
    results[0]?.workloads.reduce((sum, workload) => sum + workload.requestsPerMonth, 0) ?? 0;
  return VOLUME_MULTIPLIERS.map((multiplier) => ({
    multiplier,
    requestsPerMonth: Math.round(baseRequests * multiplier),
    costs: Object.fromEntries(
      results.map((result) => [
        result.model,
        result.workloads.reduce(
          (sum, workload) => sum + Number(workload.perRequestUsd) * workload.requestsPerMonth * multiplier,
          0,
        ),
      ]),
    ),
  }));
}
