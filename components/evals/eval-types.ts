import type { EvalRunWithCreator, EvalSetSummary } from "@/db/queries/evals";
import type { EvalRun, EvalSet } from "@/db/schema";
import type { RunEstimate } from "@/lib/evals/estimate";
import type { RunView } from "@/lib/evals/run-view";
import type { Assertion } from "@/lib/evals/schema";

/** What the evals pages read from the API, as JSON (dates become strings on the way). */
type Jsonified<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export type SetSummaryJson = Jsonified<EvalSetSummary>;
export type RunJson = Jsonified<EvalRun>;
export interface CaseJson {
  id?: string;
  prompt: string;
  system: string | null;
  vars: Record<string, string> | null;
  expected: string | null;
  assert: Assertion[] | null;
}
export type SetJson = Jsonified<EvalSet> & {
  createdByName: string | null;
  runCount: number;
  canChange: boolean;
  cases: CaseJson[];
  runs: Jsonified<EvalRunWithCreator>[];
};
export type RunViewJson = Omit<RunView, "run"> & { run: RunJson };
export type RunCaseJson = RunViewJson["cases"][number];
export type { RunEstimate };
