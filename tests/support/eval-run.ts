import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  claimEvalJobs,
  completeEvalJob,
  type EvalCaseFields,
  getEvalSetById,
  insertEvalRunWithJobs,
  insertEvalSet,
} from "@/db/queries/evals";
import { type EvalSet, evalResults } from "@/db/schema";

/**
 * A finished eval run made the way the app makes one: a set, a queued run, its jobs claimed and
 * each answered through the queue's own queries. Result ids are keyed "<case index> <model id>".
 */
export async function seedAnsweredRun({
  db,
  cases,
  models,
  answer = (caseIndex, modelId) => `Answer ${caseIndex} from ${modelId}`,
  setName = "Seeded set",
  existingSet,
}: {
  db: Db;
  cases: EvalCaseFields[];
  models: string[];
  answer?: (caseIndex: number, modelId: string) => string;
  setName?: string;
  /** A set to run again instead of a new one (`cases` is then ignored). */
  existingSet?: EvalSet;
}) {
  const set = existingSet ?? (await insertEvalSet({ db, set: { name: setName }, cases }));
  const storedCases = (await getEvalSetById({ db, id: set.id }))?.cases ?? [];
  // A provider of its own, so claiming here never takes another test's jobs.
  const provider = `seed-${randomUUID()}`;
  const run = await insertEvalRunWithJobs({
    db,
    run: { setId: set.id, setVersion: set.version, models, maxOutputTokens: 64 },
    caseIds: storedCases.map((item) => item.id),
    providers: Object.fromEntries(models.map((model) => [model, provider])),
  });
  const jobs = await claimEvalJobs({ db, owner: "seed", provider, limit: run.totalJobs, leaseMs: 60_000 });
  const caseIndex = new Map(storedCases.map((item, index) => [item.id, index]));
  for (const job of jobs) {
    await completeEvalJob({
      db,
      jobId: job.id,
      result: {
        runId: run.id,
        caseId: job.caseId,
        modelId: job.modelId,
        status: "ok",
        output: answer(caseIndex.get(job.caseId) ?? -1, job.modelId),
        costUsd: "0.001",
      },
      usage: [],
      spentUsd: "0.001",
    });
  }
  const results = await db.select().from(evalResults).where(eq(evalResults.runId, run.id));
  const resultIds: Record<string, number> = {};
  for (const result of results) resultIds[`${caseIndex.get(result.caseId)} ${result.modelId}`] = result.id;
  return { set, run, caseIds: storedCases.map((item) => item.id), resultIds };
}
