import { addDays, DAY_MS, utcDay } from "@/lib/dates";
import type { UsageBucketJson } from "./api-types";

/*
 * Shapes /api/usage buckets into chart rows. Chart geometry needs plain numbers, so costs are
 * converted with Number() here; every figure shown as text still comes from the exact strings.
 */

export const OTHER_SERIES = "other";
const MAX_STACKED_SERIES = 8;
/** Past this many days, empty days are not drawn as gaps (a bar per day would be unreadable anyway). */
const MAX_FILLED_DAYS = 180;

/** Every UTC day of the report, so quiet days show as gaps rather than being skipped. */
export function reportDays(fromIso: string, toIso: string, daysWithData: readonly string[]): string[] {
  const first = fromIso.slice(0, 10);
  // `to` is exclusive: the last day shown is the one containing the millisecond before it.
  const last = utcDay(Date.parse(toIso) - 1);
  const count = (Date.parse(last) - Date.parse(first)) / DAY_MS + 1;
  if (!(count > 0) || count > MAX_FILLED_DAYS) return [...new Set(daysWithData)].sort();
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}

export interface StackedRow {
  day: string;
  values: Record<string, number>;
  exact: Record<string, string | null>;
}

/** Spend per day stacked by model; the smallest spenders share one "other" band. */
export function spendByDay(buckets: readonly UsageBucketJson[], days: readonly string[]) {
  const totals = new Map<string, number>();
  for (const bucket of buckets) {
    const key = bucket.key ?? "unknown";
    totals.set(key, (totals.get(key) ?? 0) + Number(bucket.costUsd ?? 0));
  }
  const ranked = [...totals.entries()].filter(([, usd]) => usd > 0).sort((a, b) => b[1] - a[1]);
  const overflow = ranked.length > MAX_STACKED_SERIES;
  const kept = ranked.slice(0, overflow ? MAX_STACKED_SERIES - 1 : MAX_STACKED_SERIES).map(([key]) => key);
  const series = overflow ? [...kept, OTHER_SERIES] : kept;
  const keptSet = new Set(kept);
  const rows = new Map<string, StackedRow>(days.map((day) => [day, { day, values: {}, exact: {} }]));
  for (const bucket of buckets) {
    if (!bucket.day) continue;
    const row = rows.get(bucket.day);
    if (!row) continue;
    const key = bucket.key ?? "unknown";
    const name = keptSet.has(key) ? key : OTHER_SERIES;
    if (!series.includes(name)) continue;
    row.values[name] = (row.values[name] ?? 0) + Number(bucket.costUsd ?? 0);
    // Exact per-model strings for the tooltip; "other" is only ever shown as an approximate sum.
    if (name !== OTHER_SERIES) row.exact[name] = bucket.costUsd;
  }
  return { rows: [...rows.values()], series };
}

export interface TokenRow {
  day: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  requests: number;
}

export function tokensByDay(buckets: readonly UsageBucketJson[], days: readonly string[]): TokenRow[] {
  const byDay = new Map(buckets.map((bucket) => [bucket.day, bucket]));
  return days.map((day) => {
    const bucket = byDay.get(day);
    return {
      day,
      // Cached input is part of input; drawing it separately makes the stack add up to the total.
      inputTokens: (bucket?.inputTokens ?? 0) - (bucket?.cachedInputTokens ?? 0),
      cachedInputTokens: bucket?.cachedInputTokens ?? 0,
      outputTokens: bucket?.outputTokens ?? 0,
      requests: bucket?.requests ?? 0,
    };
  });
}

export interface KeyedRow {
  key: string;
  requests: number;
  costUsdValue: number;
  costUsd: string | null;
  unpricedRequests: number;
}

export function rankedByKey(
  buckets: readonly UsageBucketJson[],
  sortBy: "requests" | "costUsdValue",
  limit = 12,
): KeyedRow[] {
  return buckets
    .map((bucket) => ({
      key: bucket.key ?? "unknown",
      requests: bucket.requests,
      costUsdValue: Number(bucket.costUsd ?? 0),
      costUsd: bucket.costUsd,
      unpricedRequests: bucket.unpricedRequests,
    }))
    .sort((a, b) => b[sortBy] - a[sortBy] || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** "2026-03-05" → "Mar 5" for axis ticks. */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
