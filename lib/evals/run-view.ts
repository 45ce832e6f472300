import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listVotesForRun } from "@/db/queries/eval-votes";
import {
  countEvalJobsByRun,
  getEvalRunNames,
  getNextEvalJobReserveByRun,
  listEvalResultPageByRun,
  listEvalResultsAfter,
} from "@/db/queries/evals";
import type { EvalResult } from "@/db/schema";
import { canChange } from "@/lib/auth/rules";
import { currentViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { computeRatings } from "./ratings";
import { runFigures } from "./run-figures";
import { getRunOrThrow } from "./runs";
import { caseToJson } from "./sets";
import { answerFigures, answerPassed, type ModelSummary, summariseRun } from "./summary";

const idSchema = z.uuid();

/** Ids in paths are UUIDs; anything else is a 400 naming it, not a database error. */
export function parseEvalId(id: string, what: "set" | "run"): string {
  if (!idSchema.safeParse(id).success)
    throw new AppError("bad_request:evals", `"${id}" is not an eval ${what} id (expected a UUID).`);
  return id;
}

export interface ModelProgress {
  model: string;
  total: number;
  done: number;
  open: number;
  cancelled: number;
}

function resultToJson(result: EvalResult) {
  return {
    id: result.id,
    model: result.modelId,
    status: result.status,
    pass: answerPassed(result),
    output: result.output,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    costUsd: result.costUsd,
    judgeCostUsd: result.judgeCostUsd,
    ttftMs: result.ttftMs,
    totalMs: result.totalMs,
    simulated: result.simulated,
    estimated: result.estimated,
    assertions: result.assertions,
    judge: result.judge,
  };
}
export type EvalResultJson = ReturnType<typeof resultToJson>;

/**
 * GET /api/evals/runs/{id}: status, progress and summary per model, and one page of cases; or, with
 * `afterResult`, the results written since that one instead of a page (`newResults`, oldest first, at
 * most `limit`), which is how a live view follows a run without reading it whole every poll.
 */
export async function readRunView(
  rawId: string,
  page: { cursor?: number; limit: number; afterResult?: number },
) {
  const runId = parseEvalId(rawId, "run");
  const run = await getRunOrThrow(runId);
  const db = await getDb();
  const since = page.afterResult;
  const [names, counts, results, fresh, nextCallUsd, votes] = await Promise.all([
    getEvalRunNames({ db, runId }),
    countEvalJobsByRun({ db, runId }),
    since === undefined
      ? listEvalResultPageByRun({ db, runId, afterPosition: page.cursor ?? null, limit: page.limit })
      : { cases: [], nextPosition: null },
    since === undefined ? null : listEvalResultsAfter({ db, runId, afterId: since, limit: page.limit }),
    run.status === "capped" ? getNextEvalJobReserveByRun({ db, runId }) : null,
    listVotesForRun({ db, runId }),
  ]);
  // A page that holds the whole run (the run view's usual read) has every answer the summary needs;
  // reading their figures again took a 500-case, six-model run's page from ~190 to ~150 ms.
  const wholeRun = since === undefined && page.cursor === undefined && results.nextPosition === null;
  const figures = wholeRun
    ? results.cases.flatMap((item) =>
        item.results.map((result) => answerFigures({ ...result, judged: result.judge !== null })),
      )
    : await runFigures(db, runId);
  const progress: ModelProgress[] = run.models.map((model) => {
    const mine = counts.filter((count) => count.modelId === model);
    const sum = (statuses: string[]) =>
      mine
        .filter((count) => statuses.includes(count.status))
        .reduce((total, count) => total + count.count, 0);
    return {
      model,
      total: sum(["queued", "leased", "done", "cancelled"]),
      done: sum(["done"]),
      open: sum(["queued", "leased"]),
      cancelled: sum(["cancelled"]),
    };
  });
  const summary: ModelSummary[] = summariseRun(run.models, figures, computeRatings(votes));
  return {
    run,
    /** The set's name now (null when the set has been deleted). */
    setName: names.setName,
    /** Who started the run (null in single-user mode). */
    createdByName: names.createdByName,
    /** Whether the caller may cancel it: whoever started it or an admin (anyone without sign-in). */
    canChange: canChange(currentViewer(), run.createdBy),
    /** For a capped run: what the call it stopped before could have cost (its reservation). */
    nextCallUsd,
    progress,
    summary,
    cases: results.cases.map((item) => ({
      ...caseToJson(item.case),
      results: Object.fromEntries(item.results.map((result) => [result.modelId, resultToJson(result)])),
    })),
    nextCursor: results.nextPosition,
    /** With afterResult: the results written since, each with its case; null for a page of cases. */
    newResults: fresh?.map((result) => ({ caseId: result.caseId, ...resultToJson(result) })) ?? null,
  };
}
export type RunView = Awaited<ReturnType<typeof readRunView>>;
