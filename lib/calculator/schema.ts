import { z } from "zod";
import { storableJson } from "@/lib/storable-text";
import { evalRunSchema, type QualityEvidence, qualityBarSchema, type SolvedTaskCost } from "./quality-bar";

/**
 * The calculator's scenario: workloads with their tokens and volume, optional routing mixes, a
 * budget. The same schema validates POST /api/estimate, saved scenarios and the URL state.
 */
export const MAX_WORKLOADS = 12;
export const MAX_ROUTE_MODELS = 6;
export const MAX_COMPARE_MODELS = 50;

const tokens = (what: string) =>
  z
    .number({ error: `${what} must be a number of tokens` })
    .int(`${what} must be a whole number of tokens`)
    .min(0, `${what} cannot be negative`)
    .max(10_000_000, `${what} can be at most 10,000,000 tokens`);

export const volumeSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("requests"),
    requestsPerMonth: z
      .number()
      .min(0, "requestsPerMonth cannot be negative")
      .max(1e10, "requestsPerMonth is too large"),
  }),
  z.object({
    mode: z.literal("team"),
    teamSize: z
      .number()
      .int("teamSize must be a whole number")
      .min(1, "teamSize must be at least 1")
      .max(1_000_000),
    requestsPerPersonPerDay: z.number().min(0).max(100_000, "requestsPerPersonPerDay is too large"),
    workingDaysPerMonth: z.number().min(1).max(31, "workingDaysPerMonth can be at most 31").default(21),
  }),
]);
export type Volume = z.infer<typeof volumeSchema>;

export const routeSplitSchema = z.object({
  model: z.string().min(1).max(200),
  /** Share of the workload's requests, in percent. */
  percent: z.number().min(0, "percent cannot be negative").max(100, "percent can be at most 100"),
});

export const workloadSchema = z
  .object({
    name: z.string().trim().min(1, "Give each workload a name").max(100),
    /** Preset id from the guides' use-case table, when the workload started from one. */
    preset: z.string().max(60).nullish(),
    inputTokens: tokens("inputTokens"),
    outputTokens: tokens("outputTokens"),
    /** Share of input tokens served from the provider's prompt cache, 0 to 1. */
    cachedInputShare: z
      .number()
      .min(0, "cachedInputShare must be between 0 and 1")
      .max(1, "cachedInputShare must be between 0 and 1")
      .default(0),
    /** Either requestsPerMonth (the public API's shape) or a volume object. */
    requestsPerMonth: z.number().min(0).max(1e10).optional(),
    volume: volumeSchema.optional(),
    /** Capabilities the workload needs; models without them are left out, with the reason. */
    needs: z
      .object({
        minContextTokens: z.number().int().min(0).optional(),
        inputModalities: z.array(z.enum(["text", "image", "audio", "video", "pdf"])).optional(),
        tools: z.boolean().optional(),
      })
      .optional(),
    /** A routing mix (e.g. 70% small model, 30% flagship); percents must add up to 100. */
    routing: z.array(routeSplitSchema).max(MAX_ROUTE_MODELS).optional(),
    /** Output tokens measured per model in a playground session ("use measured tokens"). */
    measuredOutputTokens: z.record(z.string(), tokens("measuredOutputTokens")).optional(),
    measuredInputTokens: z.record(z.string(), tokens("measuredInputTokens")).optional(),
  })
  .refine((workload) => workload.requestsPerMonth !== undefined || workload.volume !== undefined, {
    message: "Give requestsPerMonth or a volume",
    path: ["requestsPerMonth"],
  })
  .refine(
    (workload) =>
      !workload.routing ||
      workload.routing.length === 0 ||
      Math.abs(workload.routing.reduce((sum, split) => sum + split.percent, 0) - 100) < 1e-9,
    {
      message: "Routing percents must add up to 100",
      path: ["routing"],
    },
  );
export type Workload = z.infer<typeof workloadSchema>;

export const estimateRequestSchema = z
  .object({
    workloads: z
      .array(workloadSchema, { error: "workloads must be a list" })
      .min(1, "Add at least one workload")
      .max(MAX_WORKLOADS, `At most ${MAX_WORKLOADS} workloads`),
    /** Compare only these catalog models; default: every model with a known price. */
    models: z
      .array(z.string().min(1).max(200))
      .max(MAX_COMPARE_MODELS, `At most ${MAX_COMPARE_MODELS} models`)
      .optional(),
    /** Apply a batch discount where the catalog has one. */
    batch: z.boolean().default(false),
    budgetUsdPerMonth: z.number().min(0).max(1e12).nullish(),
    /** People sharing the bill, for the per-member figure (defaults to the largest team volume). */
    teamMembers: z.number().int().min(1).max(1_000_000).nullish(),
    includeDeprecated: z.boolean().default(false),
    /** Compare only models scoring at least `min` on `source`; unscored models are listed apart. */
    qualityBar: qualityBarSchema.nullish(),
    /** Pass rates from an eval run of the team's own prompts ("Use in calculator"), for an eval bar. */
    evalRun: evalRunSchema.nullish(),
  })
  .refine((request) => request.qualityBar?.source !== "eval" || request.evalRun, {
    message: "An eval pass-rate bar needs the eval run's pass rates (evalRun)",
    path: ["evalRun"],
  });
export type EstimateRequest = z.infer<typeof estimateRequestSchema>;

/** Scenarios are saved as jsonb, so every string in them is made storable first. */
export const scenarioSchema = z.preprocess(
  storableJson,
  z.object({
    name: z.string().trim().min(1, "Give the scenario a name").max(120),
    state: estimateRequestSchema,
  }),
);
export type ScenarioInput = z.infer<typeof scenarioSchema>;

/** Per-request and monthly figures are exact decimal strings of USD. */
export interface WorkloadEstimate {
  name: string;
  requestsPerMonth: number;
  inputTokens: number;
  outputTokens: number;
  perRequestUsd: string;
  monthlyUsd: string;
  applied: { tier: string | null; cache: boolean; batch: boolean; measured: boolean };
}

export interface ModelEstimate {
  model: string;
  name: string;
  provider: string;
  monthlyUsd: string;
  yearlyUsd: string;
  perMemberUsd: string | null;
  fitsBudget: boolean | null;
  workloads: WorkloadEstimate[];
  /** With a quality bar: the score the model was held to, and Aider's cost per solved task if known. */
  quality?: QualityEvidence;
  aiderCost?: SolvedTaskCost | null;
}

export interface RoutingEstimate {
  workload: string;
  splits: { model: string; percent: number; monthlyUsd: string | null }[];
  blendedMonthlyUsd: string | null;
  /** The mix's priciest model taking all the traffic. */
  baselineModel: string | null;
  baselineMonthlyUsd: string | null;
  savingsUsd: string | null;
  savingsPercent: number | null;
  unknown: string[];
}

export interface EstimateResponse {
  asOf: string;
  requestsPerMonth: { workload: string; requests: number; explanation: string }[];
  results: ModelEstimate[];
  /** Models that could not be priced: never shown as $0. */
  unpriced: { model: string; reason: string }[];
  /** Models left out because they lack what a workload needs. */
  excluded: { model: string; reason: string }[];
  routing: RoutingEstimate[];
  /** Set when the request has a quality bar: `results` then holds only the models meeting it. */
  qualityBar: {
    label: string;
    belowBar: { model: string; reason: string }[];
    unscored: { model: string; reason: string }[];
  } | null;
}
