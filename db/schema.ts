import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/*
 * Every table of the product. Money is `numeric` (exact decimal strings in JS), never float.
 * Prices are USD per million tokens; costs are USD.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const pricePerMTok = (name: string) => numeric(name, { precision: 20, scale: 10 });
const usd = (name: string) => numeric(name, { precision: 24, scale: 12 });

// ---- Catalog ----

export const catalogMeta = pgTable("catalog_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});
export type CatalogMeta = typeof catalogMeta.$inferSelect;

export const providers = pgTable("providers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  website: text("website"),
  pricingUrl: text("pricing_url"),
  docsUrl: text("docs_url"),
  envKey: text("env_key"),
  createdAt: createdAt(),
});
export type Provider = typeof providers.$inferSelect;
export type NewProvider = typeof providers.$inferInsert;

export const models = pgTable("models", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  creator: text("creator"),
  family: text("family"),
  openWeights: boolean("open_weights"),
  releaseDate: text("release_date"),
  knowledgeCutoff: text("knowledge_cutoff"),
  createdAt: createdAt(),
});
export type Model = typeof models.$inferSelect;
export type NewModel = typeof models.$inferInsert;

export const offerings = pgTable(
  "offerings",
  {
    id: text("id").primaryKey(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    providerModelId: text("provider_model_id").notNull(),
    name: text("name").notNull(),
    contextWindow: integer("context_window"),
    maxOutputTokens: integer("max_output_tokens"),
    inputModalities: text("input_modalities").array(),
    outputModalities: text("output_modalities").array(),
    toolCall: boolean("tool_call"),
    reasoning: boolean("reasoning"),
    structuredOutput: boolean("structured_output"),
    attachment: boolean("attachment"),
    openWeights: boolean("open_weights"),
    releaseDate: text("release_date"),
    knowledgeCutoff: text("knowledge_cutoff"),
    deprecated: boolean("deprecated"),
    capabilitySource: text("capability_source"),
    /** Set when a sync no longer finds the offering upstream; rows are never deleted. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("offerings_model_idx").on(table.modelId),
    index("offerings_provider_idx").on(table.providerId),
  ],
);
export type Offering = typeof offerings.$inferSelect;
export type NewOffering = typeof offerings.$inferInsert;

/** Append-only: a changed price is a new row, never an update. */
export const priceObservations = pgTable(
  "price_observations",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    offeringId: text("offering_id")
      .notNull()
      .references(() => offerings.id),
    /** Date the price took effect per its source; null for a source's undated first price. */
    effectiveFrom: text("effective_from"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull().defaultNow(),
    source: text("source").notNull(),
    sourceDate: text("source_date"),
    inputPerMTok: pricePerMTok("input_per_mtok"),
    outputPerMTok: pricePerMTok("output_per_mtok"),
    cacheReadPerMTok: pricePerMTok("cache_read_per_mtok"),
    cacheWritePerMTok: pricePerMTok("cache_write_per_mtok"),
    /** Tier, time-of-day and other structured price rules, decimals kept as strings. */
    rules: jsonb("rules"),
    note: text("note"),
    fingerprint: text("fingerprint").notNull(),
  },
  (table) => [
    index("price_observations_offering_idx").on(table.offeringId, table.effectiveFrom),
    uniqueIndex("price_observations_fingerprint_idx").on(table.offeringId, table.source, table.fingerprint),
  ],
);
export type PriceObservation = typeof priceObservations.$inferSelect;
export type NewPriceObservation = typeof priceObservations.$inferInsert;

export const editorialFacts = pgTable(
  "editorial_facts",
  {
    id: text("id").primaryKey(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    data: jsonb("data"),
    source: text("source").notNull(),
    sourceDate: text("source_date").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("editorial_facts_subject_idx").on(table.subjectType, table.subjectId)],
);
export type EditorialFact = typeof editorialFacts.$inferSelect;
export type NewEditorialFact = typeof editorialFacts.$inferInsert;

/**
 * Append-only benchmark and arena scores, attached to a model (so every offering of it shows them).
 * A changed score is a new row; the fingerprint (source, benchmark, split, name tested, value)
 * keeps a reload from duplicating one.
 */
export const qualityScores = pgTable(
  "quality_scores",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    source: text("source").notNull(),
    benchmark: text("benchmark").notNull(),
    split: text("split").notNull(),
    modelTested: text("model_tested").notNull(),
    setting: text("setting"),
    value: numeric("value", { precision: 12, scale: 4 }).notNull(),
    unit: text("unit").notNull(),
    ciLow: numeric("ci_low", { precision: 12, scale: 4 }),
    ciHigh: numeric("ci_high", { precision: 12, scale: 4 }),
    sampleSize: integer("sample_size"),
    details: jsonb("details"),
    sourceDate: text("source_date").notNull(),
    url: text("url"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull().defaultNow(),
    fingerprint: text("fingerprint").notNull(),
  },
  (table) => [
    index("quality_scores_model_idx").on(table.modelId),
    uniqueIndex("quality_scores_fingerprint_idx").on(table.modelId, table.fingerprint),
  ],
);
export type QualityScoreRow = typeof qualityScores.$inferSelect;
export type NewQualityScoreRow = typeof qualityScores.$inferInsert;

// ---- Sign-in (shared deployments) ----
// The four tables better-auth keeps (through its drizzle adapter), plus personal API tokens.
// In the embedded single-user mode they stay empty and every created_by column is null.

export const authUsers = pgTable("auth_users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** "admin" or "member"; set once when the user first signs in (see lib/auth/roles.ts). */
  role: text("role").notNull().default("member"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type AuthUser = typeof authUsers.$inferSelect;

export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("auth_sessions_user_idx").on(table.userId)],
);

export const authAccounts = pgTable(
  "auth_accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("auth_accounts_user_idx").on(table.userId)],
);

export const authVerifications = pgTable(
  "auth_verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("auth_verifications_identifier_idx").on(table.identifier)],
);

/** Personal API tokens: only the SHA-256 of the secret is kept; the secret is shown once at creation. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the secret, so a person can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// ---- Playground sessions ----

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    clientId: text("client_id"),
    /** Who started it; null in single-user mode. */
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("sessions_updated_idx").on(table.updatedAt)],
);
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

/** One prompt sent to every pane of a session. */
export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    turnIndex: integer("turn_index").notNull(),
    prompt: text("prompt").notNull(),
    system: text("system"),
    params: jsonb("params").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("runs_session_idx").on(table.sessionId, table.turnIndex)],
);
export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;

/** One model's answer within a run, including partial output of stopped or failed streams. */
export const runResults = pgTable(
  "run_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    status: text("status").notNull(),
    output: text("output").notNull().default(""),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    inputTokens: integer("input_tokens"),
    cachedInputTokens: integer("cached_input_tokens"),
    outputTokens: integer("output_tokens"),
    reasoningTokens: integer("reasoning_tokens"),
    costUsd: usd("cost_usd"),
    ttftMs: integer("ttft_ms"),
    durationMs: integer("duration_ms"),
    simulated: boolean("simulated").notNull().default(false),
    estimated: boolean("estimated").notNull().default(false),
    createdAt: createdAt(),
  },
  // One answer per model in a run: of two requests saving the same pane at once, the second loses.
  (table) => [uniqueIndex("run_results_run_model_idx").on(table.runId, table.modelId)],
);
export type RunResult = typeof runResults.$inferSelect;
export type NewRunResult = typeof runResults.$inferInsert;

/**
 * The per-client run limit, shared by every app instance: a run holds one of the client's numbered
 * slots until it ends, and a lease that expires frees the slot of an instance that crashed.
 */
export const runSlots = pgTable(
  "run_slots",
  {
    clientId: text("client_id").notNull(),
    slot: integer("slot").notNull(),
    runId: uuid("run_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.slot] })],
);
export type RunSlot = typeof runSlots.$inferSelect;

export const usageEvents = pgTable(
  "usage_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "set null" }),
    // A retry gives the answer it replaces a new id, which unlinks the earlier call's event.
    runResultId: uuid("run_result_id").references(() => runResults.id, {
      onDelete: "set null",
      onUpdate: "set null",
    }),
    inputTokens: integer("input_tokens").notNull().default(0),
    cachedInputTokens: integer("cached_input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    costUsd: usd("cost_usd"),
    ttftMs: integer("ttft_ms"),
    durationMs: integer("duration_ms"),
    status: text("status").notNull(),
    simulated: boolean("simulated").notNull().default(false),
    estimated: boolean("estimated").notNull().default(false),
    /** Who made the call; null in single-user mode. */
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    /**
     * The call's own id, made when it was metered. A write that is made again because its reply was
     * lost (a batch's COMMIT answered by a dropped connection) finds its call already recorded and
     * records nothing twice.
     */
    callId: uuid("call_id").notNull().unique().defaultRandom(),
    /** What made the call: "playground", "eval" (an eval answer) or "judge" (grading one). */
    source: text("source").notNull().default("playground"),
  },
  (table) => [
    /*
     * Holds every column the usage aggregates read, so they run as index-only scans over the time
     * range. The UTC-day expression column gives the planner distinct-day statistics (a stable
     * to_char() cannot be indexed), so grouping by that day can choose a hash aggregate.
     */
    index("usage_events_occurred_covering_idx").on(
      table.occurredAt,
      sql`date_trunc('day', ${table.occurredAt} at time zone 'UTC')`,
      table.simulated,
      table.model,
      table.provider,
      table.status,
      table.inputTokens,
      table.cachedInputTokens,
      table.outputTokens,
      table.reasoningTokens,
      table.costUsd,
    ),
    // ON DELETE SET NULL looks events up by these keys; without an index each deleted row scans the table.
    index("usage_events_session_idx").on(table.sessionId).where(sql`${table.sessionId} is not null`),
    index("usage_events_run_result_idx").on(table.runResultId).where(sql`${table.runResultId} is not null`),
    index("usage_events_created_by_idx").on(table.createdBy).where(sql`${table.createdBy} is not null`),
  ],
);
export type UsageEvent = typeof usageEvents.$inferSelect;
export type NewUsageEvent = typeof usageEvents.$inferInsert;

// ---- Calculator ----

export const scenarios = pgTable(
  "scenarios",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    state: jsonb("state").notNull(),
    // Bumped on every write; it is the ETag that lets a save refuse to overwrite someone else's edit.
    version: integer("version").notNull().default(1),
    /** Who saved it; null in single-user mode. */
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("scenarios_updated_idx").on(table.updatedAt)],
);
export type Scenario = typeof scenarios.$inferSelect;
export type NewScenario = typeof scenarios.$inferInsert;

// ---- Evals ----

/** A named list of cases the team grades models on. `version` is bumped by every edit. */
export const evalSets = pgTable(
  "eval_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    /** The built-in demo set: meant for the simulated models. */
    demo: boolean("demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("eval_sets_updated_idx").on(table.updatedAt)],
);
export type EvalSet = typeof evalSets.$inferSelect;
export type NewEvalSet = typeof evalSets.$inferInsert;

/**
 * One case of a set. Cases are never edited in place: an edit of the set retires the old rows
 * (`removedAt`) and writes new ones, so the results of earlier runs keep the case they answered.
 */
export const evalCases = pgTable(
  "eval_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    setId: uuid("set_id")
      .notNull()
      .references(() => evalSets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    prompt: text("prompt").notNull(),
    system: text("system"),
    vars: jsonb("vars").$type<Record<string, string>>(),
    expected: text("expected"),
    assert: jsonb("assert").$type<unknown[]>(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("eval_cases_set_idx").on(table.setId, table.position)],
);
export type EvalCase = typeof evalCases.$inferSelect;
export type NewEvalCase = typeof evalCases.$inferInsert;

export const EVAL_RUN_STATUSES = ["queued", "running", "done", "cancelled", "capped", "failed"] as const;
export type EvalRunStatus = (typeof EVAL_RUN_STATUSES)[number];

/**
 * Every case of a set sent to 1–6 models. `spentUsd` counts answers and judge calls alike. With a
 * cap, `reservedUsd` is the worst case of the calls in flight: spent + reserved never passes the cap.
 */
export const evalRuns = pgTable(
  "eval_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    setId: uuid("set_id")
      .notNull()
      .references(() => evalSets.id, { onDelete: "cascade" }),
    setVersion: integer("set_version").notNull(),
    models: jsonb("models").$type<string[]>().notNull(),
    status: text("status").$type<EvalRunStatus>().notNull().default("queued"),
    maxCostUsd: usd("max_cost_usd"),
    maxOutputTokens: integer("max_output_tokens").notNull(),
    judgeModel: text("judge_model"),
    spentUsd: usd("spent_usd").notNull().default("0"),
    reservedUsd: usd("reserved_usd").notNull().default("0"),
    /** The estimate shown before the run started, kept to compare with what it cost. */
    estimate: jsonb("estimate"),
    totalJobs: integer("total_jobs").notNull(),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("eval_runs_set_idx").on(table.setId, table.createdAt)],
);
export type EvalRun = typeof evalRuns.$inferSelect;
export type NewEvalRun = typeof evalRuns.$inferInsert;

/** One model's answer to one case in a run, written once: the unique key refuses a second. */
export const evalResults = pgTable(
  "eval_results",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => evalCases.id, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    status: text("status").notNull(),
    output: text("output").notNull().default(""),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    reasoningTokens: integer("reasoning_tokens"),
    costUsd: usd("cost_usd"),
    judgeCostUsd: usd("judge_cost_usd"),
    ttftMs: integer("ttft_ms"),
    totalMs: integer("total_ms"),
    simulated: boolean("simulated").notNull().default(false),
    estimated: boolean("estimated").notNull().default(false),
    assertions: jsonb("assertions").$type<unknown[]>().notNull().default([]),
    judge: jsonb("judge"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("eval_results_run_case_model_idx").on(table.runId, table.caseId, table.modelId)],
);
export type EvalResult = typeof evalResults.$inferSelect;
export type NewEvalResult = typeof evalResults.$inferInsert;

/**
 * The durable work queue of eval runs: one row per (run, case, model). A worker leases rows with
 * FOR UPDATE SKIP LOCKED, so several app instances share the work; a lease that runs out (its
 * instance died) is taken again. A row becomes "done" in the same transaction that writes its result.
 */
export const evalJobs = pgTable(
  "eval_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => evalCases.id, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    /** The provider the call goes to, so a worker takes only work its per-provider limit allows. */
    provider: text("provider").notNull(),
    /**
     * The call's worst case (its answer at the max output tokens and its judge calls), held in the
     * run's `reservedUsd` while the job is leased in a capped run. Null when a price is unknown.
     */
    reserveUsd: usd("reserve_usd"),
    status: text("status").$type<"queued" | "leased" | "done" | "cancelled">().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("eval_jobs_run_case_model_idx").on(table.runId, table.caseId, table.modelId),
    index("eval_jobs_open_idx")
      .on(table.provider, table.id)
      .where(sql`${table.status} in ('queued', 'leased')`),
  ],
);
export type EvalJob = typeof evalJobs.$inferSelect;

// ---- Eval votes ----

/**
 * One blind vote between two answers to the same case of an eval run. The ids point at eval runs,
 * sets, cases and results; sides are stored as shown, so a bias towards one side can be measured.
 */
export const evalVotes = pgTable(
  "eval_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    setId: uuid("set_id")
      .notNull()
      .references(() => evalSets.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => evalCases.id, { onDelete: "cascade" }),
    leftResultId: bigint("left_result_id", { mode: "number" })
      .notNull()
      .references(() => evalResults.id, { onDelete: "cascade" }),
    rightResultId: bigint("right_result_id", { mode: "number" })
      .notNull()
      .references(() => evalResults.id, { onDelete: "cascade" }),
    leftModelId: text("left_model_id").notNull(),
    rightModelId: text("right_model_id").notNull(),
    winner: text("winner").$type<"left" | "right" | "tie" | "both_bad">().notNull(),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    check("eval_votes_winner_check", sql`${table.winner} in ('left', 'right', 'tie', 'both_bad')`),
    check("eval_votes_distinct_check", sql`${table.leftResultId} <> ${table.rightResultId}`),
    // One vote per pair and voter, whichever side each answer was shown on: a double key press is one vote.
    uniqueIndex("eval_votes_pair_voter_idx").on(
      table.runId,
      sql`least(${table.leftResultId}, ${table.rightResultId})`,
      sql`greatest(${table.leftResultId}, ${table.rightResultId})`,
      sql`coalesce(${table.createdBy}, '')`,
    ),
    index("eval_votes_set_idx").on(table.setId, table.createdAt),
  ],
);
export type EvalVote = typeof evalVotes.$inferSelect;
export type NewEvalVote = typeof evalVotes.$inferInsert;
