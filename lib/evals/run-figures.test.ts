import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  getEvalSetById,
  insertEvalRunWithJobs,
  insertEvalSet,
  listEvalResultFiguresByRun,
} from "@/db/queries/evals";
import { evalResults } from "@/db/schema";
import { forEachTestDatabase } from "@/db/test-databases";
import { runFigures } from "./run-figures";
import { answerFigures, summariseRun } from "./summary";

const MODELS = ["demo/swift", "demo/steady"];

forEachTestDatabase((getHandle) => {
  async function newRun() {
    const { db } = getHandle();
    const set = await insertEvalSet({
      db,
      set: { name: "followed" },
      cases: Array.from({ length: 4 }, (_, index) => ({ prompt: `Case ${index}` })),
    });
    const caseIds = (await getEvalSetById({ db, id: set.id }))?.cases.map((item) => item.id) ?? [];
    const run = await insertEvalRunWithJobs({
      db,
      run: { setId: set.id, setVersion: 1, models: MODELS, maxOutputTokens: 64 },
      caseIds,
      providers: { "demo/swift": "demo", "demo/steady": "demo" },
    });
    return { runId: run.id, caseIds };
  }

  async function answer(
    runId: string,
    caseId: string,
    modelId: string,
    pass: boolean,
    costUsd: string,
    judge: { score: number; costUsd: string } | null = null,
  ) {
    const { db } = getHandle();
    const [row] = await db
      .insert(evalResults)
      .values({
        runId,
        caseId,
        modelId,
        status: "ok",
        output: "…",
        costUsd,
        ttftMs: pass ? 100 : 300,
        totalMs: 500,
        assertions: [
          { type: "contains", pass, score: pass ? 1 : 0, reason: "" },
          ...(judge
            ? [{ type: "llm-rubric", pass: judge.score >= 0.5, score: judge.score, reason: "" }]
            : []),
        ],
        judgeCostUsd: judge?.costUsd ?? null,
        judge: judge
          ? { model: "demo/deliberate", verdicts: [{ pass: judge.score >= 0.5, score: judge.score }] }
          : null,
      })
      .returning({ id: evalResults.id });
    return row?.id as number;
  }

  it("keeps a followed run's figures and adds only the answers written since, with the same summary", async () => {
    const { db } = getHandle();
    const { runId, caseIds } = await newRun();
    const [c0, c1, c2, c3] = caseIds as [string, string, string, string];
    const first = await answer(runId, c0, "demo/swift", true, "0.001");
    await answer(runId, c0, "demo/steady", false, "0.002");
    expect((await runFigures(db, runId)).map((figure) => figure.id)).toEqual([first, first + 1]);

    await answer(runId, c1, "demo/swift", true, "0.001");
    await answer(runId, c2, "demo/swift", false, "0.003");
    const followed = await runFigures(db, runId);
    const whole = (await listEvalResultFiguresByRun({ db, runId })).map(answerFigures);
    expect(followed).toEqual(whole);
    expect(summariseRun(MODELS, followed)).toEqual(summariseRun(MODELS, whole));
    expect(summariseRun(MODELS, followed)[0]).toMatchObject({
      answered: 3,
      passed: 2,
      totalCostUsd: "0.005",
    });

    // What was read is not read again: an answer gone from the table (which the product never does)
    // is still counted, because only answers after the newest one read are asked for.
    await db.delete(evalResults).where(eq(evalResults.id, first));
    expect((await runFigures(db, runId)).map((figure) => figure.id)).toContain(first);

    // Two polls at once read the same new answers; each is counted once.
    await answer(runId, c3, "demo/swift", true, "0.001");
    await answer(runId, c3, "demo/steady", true, "0.002");
    const [left, right] = await Promise.all([runFigures(db, runId), runFigures(db, runId)]);
    expect(left).toBe(right);
    const ids = left.map((figure) => figure.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
  });

  it("knows which answers a judge read without reading its record, for the judge's score and cost", async () => {
    const { db } = getHandle();
    const { runId, caseIds } = await newRun();
    await answer(runId, caseIds[0] as string, "demo/swift", true, "0.001", { score: 0.9, costUsd: "0.0002" });
    await answer(runId, caseIds[1] as string, "demo/swift", true, "0.001");
    await answer(runId, caseIds[2] as string, "demo/swift", false, "0.001", {
      score: 0.3,
      costUsd: "0.0001",
    });
    const figures = await runFigures(db, runId);
    expect(figures.map((figure) => figure.judged)).toEqual([true, false, true]);
    const [swift] = summariseRun(MODELS, figures);
    expect(swift?.judgeCostUsd).toBe("0.0003");
    expect(swift?.judgeScore).toBeCloseTo(0.6);
    expect(swift).toMatchObject({ answered: 3, passed: 2, graded: 3 });
  });

  it("keeps each run's figures apart", async () => {
    const { db } = getHandle();
    const one = await newRun();
    const two = await newRun();
    await answer(one.runId, one.caseIds[0] as string, "demo/swift", true, "0.001");
    await answer(two.runId, two.caseIds[0] as string, "demo/swift", false, "0.004");
    await answer(two.runId, two.caseIds[1] as string, "demo/swift", false, "0.004");
    expect(await runFigures(db, one.runId)).toHaveLength(1);
    expect(await runFigures(db, two.runId)).toHaveLength(2);
    expect(summariseRun(MODELS, await runFigures(db, two.runId))[0]?.totalCostUsd).toBe("0.008");
  });
});
