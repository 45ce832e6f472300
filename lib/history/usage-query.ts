/**
 * Usage-tab state read from the page URL and turned into /api/usage query strings. Presets count
 * whole UTC days (the API buckets by UTC day), so "7 days" is today plus the six before it.
 */
import { addDays, utcDay } from "@/lib/dates";

export const RANGE_PRESETS = ["7", "30", "90"] as const;
export type RangeChoice = (typeof RANGE_PRESETS)[number] | "custom";
export const STATUSES = ["ok", "stopped", "error"] as const;
export const EVENTS_PAGE_SIZE = 25;

export interface UsageState {
  range: RangeChoice;
  /** Custom range, both ends inclusive, as YYYY-MM-DD. */
  from: string;
  to: string;
  includeSimulated: boolean;
  provider: string;
  model: string;
  status: string;
  /** Email of the team member whose calls to show; empty for everyone. */
  member: string;
  page: number;
}

const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The page's URL parameters, as strings; absent ones are null. */
export type UsageParams = Partial<
  Record<
    "range" | "from" | "to" | "includeSimulated" | "provider" | "model" | "status" | "member" | "page",
    string | null
  >
>;

export function readUsageState(params: UsageParams, nowMs = Date.now()): UsageState {
  const rawRange = params.range ?? null;
  const today = utcDay(nowMs);
  const from = params.from ?? null;
  const to = params.to ?? null;
  const custom = rawRange === "custom" || (rawRange === null && isDay(from));
  const range: RangeChoice = custom
    ? "custom"
    : (((RANGE_PRESETS as readonly string[]).includes(rawRange ?? "") ? rawRange : "30") as RangeChoice);
  const page = Number(params.page ?? "0");
  return {
    range,
    from: isDay(from) ? from : addDays(today, -29),
    to: isDay(to) ? to : today,
    includeSimulated: ["1", "true"].includes(params.includeSimulated ?? ""),
    provider: params.provider ?? "",
    model: params.model ?? "",
    status: params.status ?? "",
    member: params.member ?? "",
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

/** First UTC day of a preset range. */
function presetFrom(range: RangeChoice, nowMs = Date.now()): string {
  const days = range === "custom" ? 30 : Number(range);
  return addDays(utcDay(nowMs), -(days - 1));
}

/**
 * The API filter as a query string. The API's `to` is exclusive, so a custom end day is sent as
 * the midnight after it, an exact timestamp whatever the API does with bare dates.
 */
export function apiFilterQuery(
  state: UsageState,
  options: { withFilters?: boolean } = {},
  nowMs = Date.now(),
): URLSearchParams {
  const query = new URLSearchParams();
  if (state.range === "custom") {
    query.set("from", state.from);
    query.set("to", `${addDays(state.to, 1)}T00:00:00Z`);
  } else {
    query.set("from", presetFrom(state.range, nowMs));
  }
  if (state.includeSimulated) query.set("includeSimulated", "1");
  if (options.withFilters !== false) {
    if (state.provider) query.set("provider", state.provider);
    if (state.model) query.set("model", state.model);
    if (state.status) query.set("status", state.status);
    if (state.member) query.set("member", state.member);
  }
  return query;
}

export function withParams(base: URLSearchParams, extra: Record<string, string | number>): string {
  const query = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) query.set(key, String(value));
  return query.toString();
}
