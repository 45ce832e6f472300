import type { Workload } from "./schema";

/**
 * Requests per month for one workload. Money is exact only for whole requests (a Money times an
 * integer), so the volume is rounded to the nearest whole request and the explanation says so.
 * When a workload carries both `volume` and `requestsPerMonth`, the volume wins: it is the more
 * specific input and the UI keeps the last typed requestsPerMonth around when switching modes.
 */
export interface ResolvedVolume {
  requestsPerMonth: number;
  /** Team size when the volume was given per person, for the per-member figure. */
  teamSize: number | null;
  explanation: string;
}

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

function plural(value: number, one: string, many: string): string {
  return `${count.format(value)} ${value === 1 ? one : many}`;
}

function withRounding(exact: number, rounded: number): string {
  const requests = plural(rounded, "request/month", "requests/month");
  if (exact === rounded) return requests;
  return `${count.format(exact)} ≈ ${requests} (rounded to whole requests)`;
}

export function resolveVolume(workload: Pick<Workload, "requestsPerMonth" | "volume">): ResolvedVolume {
  const { volume } = workload;
  if (volume?.mode === "team") {
    const exact = volume.teamSize * volume.requestsPerPersonPerDay * volume.workingDaysPerMonth;
    const rounded = Math.round(exact);
    return {
      requestsPerMonth: rounded,
      teamSize: volume.teamSize,
      explanation: `${plural(volume.teamSize, "person", "people")} × ${plural(
        volume.requestsPerPersonPerDay,
        "request/day",
        "requests/day",
      )} × ${plural(volume.workingDaysPerMonth, "day", "days")} = ${withRounding(exact, rounded)}`,
    };
  }
  const exact = volume?.mode === "requests" ? volume.requestsPerMonth : workload.requestsPerMonth;
  if (exact === undefined) throw new RangeError("A workload needs requestsPerMonth or a volume");
  const rounded = Math.round(exact);
  return { requestsPerMonth: rounded, teamSize: null, explanation: withRounding(exact, rounded) };
}
