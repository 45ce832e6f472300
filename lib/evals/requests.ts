import "server-only";
import { z } from "zod";
import { normalizeDecimalString } from "@/lib/money";
import { storableJson, storableString } from "@/lib/storable-text";
import { type EvalCaseInput, evalCaseSchema } from "./schema";

/** What the evals API accepts. A set may hold up to MAX_CASES cases in a body of up to MAX_SET_BYTES. */
export const MAX_CASES = 2_000;
export const MAX_SET_BYTES = 5 * 1024 * 1024;
export const MAX_RUN_MODELS = 6;
export const DEFAULT_MAX_OUTPUT_TOKENS = 512;

/** Whether any string or key inside a JSON value holds U+0000. */
function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).some(([key, item]) => key.includes("\u0000") || hasNul(item));
  return false;
}

/** Postgres text cannot hold NUL: a case with one could be run but its answer never saved. */
const storableCase = evalCaseSchema
  .refine((item) => !hasNul(item), {
    message: "contains a NUL character (\\u0000), which cannot be saved; remove it and send again",
  })
  .transform((item) => storableJson(item) as EvalCaseInput);

/** Sizes past the limit are a 413 (see readEvalSetBody), so the array itself is unbounded here. */
const casesSchema = z.array(storableCase);

export const createSetSchema = z.object({
  name: storableString().pipe(z.string().trim().min(1, "Give the set a name").max(200)),
  description: storableString().pipe(z.string().max(5_000)).nullish(),
  cases: casesSchema.default([]),
});
export type CreateSetRequest = z.infer<typeof createSetSchema>;

export const patchSetSchema = z
  .object({
    name: storableString().pipe(z.string().trim().min(1, "Give the set a name").max(200)).optional(),
    description: storableString().pipe(z.string().max(5_000)).nullish(),
    cases: casesSchema.optional(),
  })
  .strict();
export type PatchSetRequest = z.infer<typeof patchSetSchema>;

const usdAmount = z
  .union([z.number().finite(), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal amount such as 2.50")])
  .transform((value) => normalizeDecimalString(value))
  .refine((value) => Number(value) > 0, "must be more than 0")
  .refine((value) => Number(value) < 1e9, "must be less than 1,000,000,000");

const modelId = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !value.includes("\u0000"), "a model id cannot contain a NUL character");

export const startRunSchema = z
  .object({
    models: z
      .array(modelId)
      .min(1, "Pick at least one model")
      .max(MAX_RUN_MODELS, `Pick at most ${MAX_RUN_MODELS} models`)
      .refine((ids) => new Set(ids).size === ids.length, "Each model can appear only once"),
    maxCostUsd: usdAmount.nullish(),
    maxOutputTokens: z.number().int().min(1).max(64_000).default(DEFAULT_MAX_OUTPUT_TOKENS),
    judge: modelId.nullish(),
  })
  .strict();
export type StartRunRequest = z.infer<typeof startRunSchema>;

export const resultsQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Only the results written after this result id (a live view's poll), instead of a page of cases. */
    afterResult: z.coerce.number().int().min(0).optional(),
  })
  .refine((query) => query.cursor === undefined || query.afterResult === undefined, {
    message: "Give cursor (a page of cases) or afterResult (the results since), not both.",
    path: ["afterResult"],
  });
