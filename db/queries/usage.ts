import { and, desc, eq, getTableColumns, gte, lt, type SQL, sql } from "drizzle-orm";
import { type Db, dbError, executeRows } from "../client";
import { authUsers, type UsageEvent, usageEvents } from "../schema";

export interface UsageFilter {
  from: Date;
  to: Date;
  includeSimulated: boolean;
  model?: string;
  provider?: string;
  status?: string;
  /** The email of the team member who made the calls. */
  member?: string;
}

/** What usage can be grouped or split by; `member` is the email of whoever made the call. */
export type UsageKey = "model" | "provider" | "member";

function whereOf(filter: UsageFilter): SQL | undefined {
  return and(
    gte(usageEvents.occurredAt, filter.from),
    lt(usageEvents.occurredAt, filter.to),
    filter.includeSimulated ? undefined : eq(usageEvents.simulated, false),
    filter.model ? eq(usageEvents.model, filter.model) : undefined,
    filter.provider ? eq(usageEvents.provider, filter.provider) : undefined,
    filter.status ? eq(usageEvents.status, filter.status) : undefined,
    filter.member
      ? sql`${usageEvents.createdBy} in (select ${authUsers.id} from ${authUsers} where ${authUsers.email} = ${filter.member})`
      : undefined,
  );
}

const keyExpression = (key: UsageKey): SQL =>
  key === "member" ? sql`member_user.email` : sql`${usageEvents[key]}`;

export interface UsageBucket {
  day: string | null;
  key: string | null;
  requests: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Exact sum as a decimal string; null when no event in the bucket has a known cost. */
  costUsd: string | null;
  unpricedRequests: number;
}

/**
 * Usage aggregated by UTC day, by model or by provider, or by day and model/provider together.
 * Sums run in SQL on numeric columns, so money stays exact.
 */
export async function aggregateUsage({
  db,
  filter,
  groupBy,
  split,
}: {
  db: Db;
  filter: UsageFilter;
  groupBy: "day" | UsageKey | "total";
  split?: UsageKey;
}): Promise<UsageBucket[]> {
  // Grouping on the truncated timestamp (not its text) lets the planner use statistics of the covering
  // index's day expression and hash-aggregate; the text form is made only for the output.
  const dayBucket = sql`date_trunc('day', ${usageEvents.occurredAt} at time zone 'UTC')`;
  const keyName = groupBy === "day" ? (split ?? null) : groupBy === "total" ? null : groupBy;
  const keyColumn = keyName ? keyExpression(keyName) : null;
  // Only a member key reads the users table; the other aggregates stay index-only scans.
  const memberJoin =
    keyName === "member"
      ? sql`left join ${authUsers} member_user on member_user.id = ${usageEvents}.created_by`
      : sql``;
  const selectDay = groupBy === "day" ? sql`to_char(${dayBucket}, 'YYYY-MM-DD')` : sql`null`;
  const selectKey = keyColumn ? sql`${keyColumn}` : sql`null`;
  const groupParts = [groupBy === "day" ? dayBucket : null, keyColumn ? sql`${keyColumn}` : null].filter(
    (part): part is SQL => part !== null,
  );
  const where = whereOf(filter);
  try {
    const rows = await executeRows<{
      day: string | null;
      key: string | null;
      requests: string | number;
      input_tokens: string | number;
      cached_input_tokens: string | number;
      output_tokens: string | number;
      reasoning_tokens: string | number;
      cost_usd: string | null;
      unpriced: string | number;
    }>(
      db,
      sql`select ${selectDay} as day, ${selectKey} as key, count(*) as requests,
            coalesce(sum(${usageEvents.inputTokens}), 0) as input_tokens,
            coalesce(sum(${usageEvents.cachedInputTokens}), 0) as cached_input_tokens,
            coalesce(sum(${usageEvents.outputTokens}), 0) as output_tokens,
            coalesce(sum(${usageEvents.reasoningTokens}), 0) as reasoning_tokens,
            sum(${usageEvents.costUsd})::text as cost_usd,
            count(*) filter (where ${usageEvents.costUsd} is null) as unpriced
          from ${usageEvents}
          ${memberJoin}
          ${where ? sql`where ${where}` : sql``}
          ${groupParts.length > 0 ? sql`group by ${sql.join(groupParts, sql`, `)}` : sql``}
          order by 1, 2`,
    );
    return rows.map((row) => ({
      day: row.day,
      key: row.key,
      requests: Number(row.requests),
      inputTokens: Number(row.input_tokens),
      cachedInputTokens: Number(row.cached_input_tokens),
      outputTokens: Number(row.output_tokens),
      reasoningTokens: Number(row.reasoning_tokens),
      costUsd: row.cost_usd,
      unpricedRequests: Number(row.unpriced),
    }));
  } catch (error) {
    throw dbError("aggregate usage", error);
  }
}

/** An event with the email of the member who made it (null in single-user mode). */
export type UsageEventWithMember = UsageEvent & { member: string | null };

export async function listUsageEvents({
  db,
  filter,
  limit,
  offset,
}: {
  db: Db;
  filter: UsageFilter;
  limit: number;
  offset: number;
}): Promise<UsageEventWithMember[]> {
  try {
    return await db
      .select({ ...getTableColumns(usageEvents), member: authUsers.email })
      .from(usageEvents)
      .leftJoin(authUsers, eq(authUsers.id, usageEvents.createdBy))
      .where(whereOf(filter))
      .orderBy(desc(usageEvents.occurredAt), desc(usageEvents.id))
      .limit(limit)
      .offset(offset);
  } catch (error) {
    throw dbError("list usage events", error);
  }
}
