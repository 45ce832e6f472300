import type { UsageBucket } from "@/db/queries/usage";

/**
 * The History API's JSON as the browser receives it: the db row types from db/schema.ts with
 * dates serialised to ISO strings. Money stays an exact decimal string; null means unknown.
 */
export interface SessionSummaryJson {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** Who started it on a shared deployment; null in single-user mode. */
  createdByName: string | null;
  /** Whether the caller may rename or delete it: always in single-user mode, else its creator or an admin. */
  canChange: boolean;
  turns: number;
  models: string[];
  costUsd: string | null;
}

export interface RunResultJson {
  id: string;
  modelId: string;
  status: "ok" | "stopped" | "error";
  output: string;
  errorCode: string | null;
  errorMessage: string | null;
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  costUsd: string | null;
  ttftMs: number | null;
  durationMs: number | null;
  simulated: boolean;
  estimated: boolean;
  /** Email of the member who made the call; null in single-user mode. */
  member: string | null;
}

export interface RunJson {
  id: string;
  turnIndex: number;
  prompt: string;
  system: string | null;
  createdAt: string;
  results: RunResultJson[];
}

export interface SessionDetailJson {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  runs: RunJson[];
}

/** Buckets carry no dates, so the query's row type is already their JSON. */
export type UsageBucketJson = UsageBucket;

export interface UsageReportJson {
  from: string;
  to: string;
  groupBy: "day" | "model" | "provider" | "member";
  split: "model" | "provider" | "member" | null;
  includeSimulated: boolean;
  totals: UsageBucketJson;
  buckets: UsageBucketJson[];
}

export interface UsageEventJson {
  id: number;
  occurredAt: string;
  provider: string;
  model: string;
  sessionId: string | null;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: string | null;
  ttftMs: number | null;
  durationMs: number | null;
  status: string;
  simulated: boolean;
  estimated: boolean;
  /** Email of the member who made the call; null in single-user mode. */
  member: string | null;
}
