import { formatUsd } from "@/lib/format";

/**
 * A monthly amount: whole dollars, as a bill reads, unless it is under $10, where rounding would
 * turn a real cost into "$0" or double it; those keep their cents.
 */
export function formatMonthlyUsd(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return formatUsd(decimal);
  return formatUsd(decimal, Math.abs(Number(decimal)) >= 10 ? "whole" : "cents");
}
