import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  aggregateUsage,
  listUsageEvents,
  type UsageBucket,
  type UsageEventWithMember,
  type UsageFilter,
} from "@/db/queries/usage";
import { csvCell } from "@/lib/csv";
import { DAY_MS } from "@/lib/dates";
import { trimDecimal } from "@/lib/format";
import { addUsd, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import { storableString } from "@/lib/storable-text";

const DEFAULT_RANGE_DAYS = 30;
const MIN_YEAR = 1970;
const MAX_YEAR = 9998;

const dateParam = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/,
    "use a date such as 2026-11-01 or an ISO timestamp",
  )
  .transform((value, context) => {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    // JavaScript rolls 2025-02-30 over to March 2; a date that changes when rebuilt was not real.
    const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
    const rebuilt = new Date(Date.UTC(year, month - 1, day));
    if (Number.isNaN(date.getTime()) || rebuilt.getUTCMonth() !== month - 1 || rebuilt.getUTCDate() !== day) {
      context.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    // Postgres refuses year 0, and a bare end day is moved to the next midnight, which must stay in range.
    if (year < MIN_YEAR || year > MAX_YEAR) {
      context.addIssue({ code: "custom", message: `use a date between ${MIN_YEAR} and ${MAX_YEAR}` });
      return z.NEVER;
    }
    return { date, bareDay: value.length === 10 };
  });

const flag = z
  .enum(["1", "0", "true", "false"], { message: "use true or false" })
  .transform((value) => value === "1" || value === "true");

const usageFilterSchema = z
  .object({
    from: dateParam.optional(),
    to: dateParam.optional(),
    includeSimulated: flag.optional(),
    model: storableString().pipe(z.string().max(200)).optional(),
    provider: storableString().pipe(z.string().max(100)).optional(),
    status: z.enum(["ok", "stopped", "error"], { message: "status must be ok, stopped or error" }).optional(),
    member: storableString()
      .pipe(z.string().trim().toLowerCase().max(320, "member must be an email"))
      .optional(),
  })
  .transform((value) => {
    // `to` is exclusive as a timestamp; a bare date means "through the end of that day".
    const to = value.to
      ? new Date(value.to.date.getTime() + (value.to.bareDay ? DAY_MS : 0))
      : new Date(Date.now() + 1000);
    const from = value.from?.date ?? new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    return { ...value, from, to, includeSimulated: value.includeSimulated ?? false };
  })
  .refine((value) => value.from < value.to, { message: "from must be before to", path: ["from"] })
  .refine((value) => value.to.getTime() - value.from.getTime() <= 3660 * DAY_MS, {
    message: "the range can be at most 10 years",
    path: ["to"],
  });

export const usageQuerySchema = z.intersection(
  usageFilterSchema,
  z.object({
    groupBy: z
      .enum(["day", "model", "provider", "member"], {
        message: "groupBy must be day, model, provider or member",
      })
      .default("day"),
    split: z
      .enum(["model", "provider", "member"], { message: "split must be model, provider or member" })
      .optional(),
  }),
);

export const eventsQuerySchema = z.intersection(
  usageFilterSchema,
  z.object({
    limit: z.coerce
      .number({ message: "limit must be a number" })
      .int()
      .min(1)
      .max(5000, "limit can be at most 5000")
      .default(200),
    offset: z.coerce.number({ message: "offset must be a number" }).int().min(0).default(0),
    format: z.enum(["json", "csv"], { message: "format must be json or csv" }).default("json"),
  }),
);

/**
 * The whole range as one bucket, added up from the grouped rows: counts and token sums are integers
 * and costs exact numeric(24,12) sums, so this equals a second ungrouped SQL aggregate.
 */
function totalOf(buckets: readonly UsageBucket[]): UsageBucket {
  const sum = (pick: (bucket: UsageBucket) => number) =>
    buckets.reduce((total, bucket) => total + pick(bucket), 0);
  const costs = buckets.flatMap((bucket) => (bucket.costUsd === null ? [] : [parseUsd(bucket.costUsd)]));
  return {
    day: null,
    key: null,
    requests: sum((bucket) => bucket.requests),
    inputTokens: sum((bucket) => bucket.inputTokens),
    cachedInputTokens: sum((bucket) => bucket.cachedInputTokens),
    outputTokens: sum((bucket) => bucket.outputTokens),
    reasoningTokens: sum((bucket) => bucket.reasoningTokens),
    costUsd:
      costs.length === 0 ? null : toUsdString(costs.reduce((total, cost) => addUsd(total, cost), ZERO_USD)),
    unpricedRequests: sum((bucket) => bucket.unpricedRequests),
  };
}

export async function usageReport(query: z.infer<typeof usageQuerySchema>) {
  const filter: UsageFilter = query;
  const split = query.groupBy === "day" ? query.split : undefined;
  const buckets = await aggregateUsage({ db: await getDb(), filter, groupBy: query.groupBy, split });
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    groupBy: query.groupBy,
    split: split ?? null,
    includeSimulated: filter.includeSimulated,
    totals: totalOf(buckets),
    buckets: buckets.map((bucket) => ({
      ...bucket,
      costUsd: bucket.costUsd === null ? null : trimDecimal(bucket.costUsd),
    })),
  };
}

export async function usageEvents(query: z.infer<typeof eventsQuerySchema>): Promise<UsageEventWithMember[]> {
  return listUsageEvents({
    db: await getDb(),
    filter: query,
    limit: query.limit,
    offset: query.offset,
  });
}

const CSV_HEADER = [
  "occurred_at",
  "provider",
  "model",
  "status",
  "input_tokens",
  "cached_input_tokens",
  "output_tokens",
  "reasoning_tokens",
  "cost_usd",
  "ttft_ms",
  "duration_ms",
  "simulated",
  "estimated",
  "session_id",
  "member",
];

export function usageEventsToCsv(events: readonly UsageEventWithMember[]): string {
  const lines = events.map((event) =>
    [
      event.occurredAt,
      event.provider,
      event.model,
      event.status,
      event.inputTokens,
      event.cachedInputTokens,
      event.outputTokens,
      event.reasoningTokens,
      event.costUsd === null ? null : trimDecimal(event.costUsd),
      event.ttftMs,
      event.durationMs,
      event.simulated,
      event.estimated,
      event.sessionId,
      event.member,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${CSV_HEADER.join(",")}\n${lines.join("\n")}${lines.length > 0 ? "\n" : ""}`;
}
