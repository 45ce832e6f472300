import { formatUsd } from "@/lib/format";

/**
 * A monthly amount: whole dollars, as a bill reads, unless it is under $10, where rounding would
 * turn a real cost into "$0" or double it; those keep their cents.
 */
export function formatMonthlyUsd(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return formatUsd(decimal);
  const value = Math.abs(Number(decimal));
  // Under a cent, cents would print "$0.00" for a real cost: keep significant digits instead.
  if (value > 0 && value < 0.01) return formatUsd(decimal, "auto");
  return formatUsd(decimal, value >= 10 ? "whole" : "cents");
}
