import { getDb, getDbHandle } from "@/db/client";
import {
  cancelEvalRun,
  getEvalRunById,
  getEvalSetById,
  insertEvalRunWithJobs,
  listenForEvalCancels,
  notifyEvalCancel,
  releaseAllEvalLeases,
} from "@/db/queries/evals";
import type { EvalRun } from "@/db/schema";
import { assertCanChange } from "@/lib/auth/viewer";
import { getCatalog } from "@/lib/catalog/read/served";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { compareUsd, parseUsd } from "@/lib/money";
import { resolveModels } from "@/lib/playground/call-model";
import { type EstimateCase, estimateRun, planRun, type RunEstimate } from "./estimate";
import type { StartRunRequest } from "./requests";
import { assertionSchema } from "./schema";
import { EvalWorker } from "./worker";

/** Eval runs: queued here, worked through by the instance's EvalWorker, cancelled from anywhere. */

const globalForWorker = globalThis as unknown as { __evalWorker?: Promise<EvalWorker | null> };

/** Starts this instance's worker once (at server start, or on the first run queued here). */
export function startEvalWorker(): Promise<EvalWorker | null> {
  if (!globalForWorker.__evalWorker) {
    globalForWorker.__evalWorker = (async () => {
      if (env().EVAL_WORKER === "off") return null;
      const handle = await getDbHandle();
      const db = handle.db;
      // The embedded database belongs to this process alone, so a lease left in it is from before a restart.
      if (handle.driver === "pglite") await releaseAllEvalLeases({ db });
      const worker = new EvalWorker({
        db,
        catalog: getCatalog,
        perProviderLimit: env().EVAL_CONCURRENCY_PER_PROVIDER,
      });
      await listenForEvalCancels({ db, onCancel: (runId) => worker.cancelRun(runId) });
      worker.start();
      return worker;
    })().catch((error) => {
      globalForWorker.__evalWorker = undefined;
      throw error;
    });
  }
  return globalForWorker.__evalWorker;
}

export function toEstimateCases(
  cases: { prompt: string; system: string | null; vars: unknown; expected: string | null; assert: unknown }[],
): EstimateCase[] {
  return cases.map((item) => ({
    prompt: item.prompt,
    system: item.system,
    vars: (item.vars as Record<string, string> | null) ?? null,
    expected: item.expected,
    assert: Array.isArray(item.assert)
      ? item.assert.flatMap((raw) => {
          const parsed = assertionSchema.safeParse(raw);
          return parsed.success ? [parsed.data] : [];
        })
      : null,
  }));
}

async function loadSetForRun(setId: string, request: StartRunRequest) {
  const db = await getDb();
  const stored = await getEvalSetById({ db, id: setId });
  if (!stored)
    throw new AppError("not_found:evals", `No eval set with id ${setId}. It may have been deleted.`);
  if (stored.cases.length === 0)
    throw new AppError("bad_request:evals", "This set has no cases yet. Add at least one case, then run it.");
  const ids = [...request.models, ...(request.judge ? [request.judge] : [])];
  const { infos, catalog } = await resolveModels(ids, { surface: "evals", field: "models" });
  const models = request.models.map((id) => infos.get(id)).filter((info) => info !== undefined);
  const judge = request.judge ? (infos.get(request.judge) ?? null) : null;
  return { db, stored, models, judge, catalog };
}

/** What a run would cost, without queueing it (the launcher shows it as models are picked). */
export async function estimateEvalRun(setId: string, request: StartRunRequest): Promise<RunEstimate> {
  return estimateRun(plannedCalls(await loadSetForRun(setId, request), request));
}

/** The calls a run of the set would make, priced from the catalog: what estimates and plans read. */
function plannedCalls(loaded: Awaited<ReturnType<typeof loadSetForRun>>, request: StartRunRequest) {
  return {
    cases: toEstimateCases(loaded.stored.cases),
    models: loaded.models,
    judge: loaded.judge,
    maxOutputTokens: request.maxOutputTokens,
    prices: loaded.catalog.prices,
    entries: loaded.catalog.byId,
  };
}

export async function startEvalRun(
  setId: string,
  request: StartRunRequest,
  createdBy: string | null,
): Promise<{ run: EvalRun; estimate: RunEstimate }> {
  const loaded = await loadSetForRun(setId, request);
  const { db, stored, models } = loaded;
  const { estimate, reservesUsd } = await planRun(plannedCalls(loaded, request));
  if (request.maxCostUsd) checkCapCanReserve(request.maxCostUsd, estimate, reservesUsd, request.models);
  const run = await insertEvalRunWithJobs({
    db,
    run: {
      setId,
      setVersion: stored.set.version,
      models: request.models,
      maxCostUsd: request.maxCostUsd ?? null,
      maxOutputTokens: request.maxOutputTokens,
      judgeModel: request.judge ?? null,
      estimate,
      createdBy,
    },
    caseIds: stored.cases.map((item) => item.id),
    providers: Object.fromEntries(models.map((info) => [info.id, info.provider])),
    reservesUsd,
  });
  // A worker that fails to start leaves the run queued for another instance; the run is saved.
  startEvalWorker()
    .then((worker) => worker?.wake())
    .catch((error) => console.error("The eval worker could not start:", (error as Error).message));
  return { run, estimate };
}

/**
 * A cap is kept by reserving each call's worst case before it is made, which needs every price. A
 * cap too small for the first call would stop the run before it answers anything.
 */
function checkCapCanReserve(
  maxCostUsd: string,
  estimate: RunEstimate,
  reservesUsd: Record<string, (string | null)[]>,
  models: string[],
): void {
  const unpriced = [
    ...estimate.models.filter((item) => item.costUsd === null).map((item) => item.model),
    ...(estimate.judge?.costUsd === null ? [`${estimate.judge.model} (judge)`] : []),
  ];
  if (unpriced.length > 0)
    throw new AppError(
      "bad_request:evals",
      `A cost cap needs every price, and ${unpriced.join(", ")} ${unpriced.length > 1 ? "have" : "has"} none in the catalog. Remove the cap or pick priced models.`,
      { details: { fieldErrors: { maxCostUsd: unpriced.map((model) => `${model} has no known price`) } } },
    );
  const firstUsd = models[0] ? reservesUsd[models[0]]?.[0] : null;
  if (firstUsd && compareUsd(parseUsd(firstUsd), parseUsd(maxCostUsd)) > 0)
    throw new AppError(
      "bad_request:evals",
      `A cap of $${maxCostUsd} does not cover the first call, which can cost up to $${firstUsd}. Raise maxCostUsd to at least that.`,
      { details: { fieldErrors: { maxCostUsd: [`must be at least ${firstUsd}`] } } },
    );
}

/** Cancels a run's open work; on a team only whoever started the run or an admin may. */
export async function cancelRun(runId: string): Promise<EvalRun> {
  const db = await getDb();
  assertCanChange((await getRunOrThrow(runId)).createdBy, "evals", "eval run");
  const run = await cancelEvalRun({ db, runId });
  if (!run) throw new AppError("not_found:evals", `No eval run with id ${runId}.`);
  const worker = await startEvalWorker().catch(() => null);
  worker?.cancelRun(runId);
  await notifyEvalCancel({ db, runId });
  return run;
}

export async function getRunOrThrow(runId: string): Promise<EvalRun> {
  const run = await getEvalRunById({ db: await getDb(), id: runId });
  if (!run) throw new AppError("not_found:evals", `No eval run with id ${runId}.`);
  return run;
}
