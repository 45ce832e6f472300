// lib/evals/schema.ts
import { z } from "zod";
export const ASSERTION_TYPES = [
  "equals",
  "contains",
  "icontains",
  "not-contains",
  "regex",
  "starts-with",
  "is-json",
  "contains-json",
  "is-valid-json-schema",
  "javascript-number",
  "levenshtein",
  "max-length",
  "latency",
  "cost",
  "llm-rubric",
] as const;
export const assertionSchema = z.object({
  type: z.enum(ASSERTION_TYPES),
  value: z.unknown().optional(),
  threshold: z.number().finite().min(0, "A threshold cannot be negative.").optional(),
});
export type Assertion = z.infer<typeof assertionSchema>;
export const evalCaseSchema = z.object({
  prompt: z.string().min(1).max(100_000),
  system: z.string().max(50_000).optional(),
  vars: z.record(z.string(), z.string()).optional(),
  expected: z.string().max(100_000).optional(),
  assert: z.array(assertionSchema).max(20).optional(),
});
export type EvalCaseInput = z.infer<typeof evalCaseSchema>;
/** What a grader sees about one answer. costUsd is a decimal string (exact money) or null when the price is unknown. */
export interface AnswerObservation {
  output: string;
  latencyMs: number | null;
  ttftMs: number | null;
  costUsd: string | null;
}
export interface AssertionResult {
  type: Assertion["type"];
  pass: boolean | null;
  score: number | null;
  reason: string;
}
