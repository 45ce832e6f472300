import { and, eq, gte } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { usageEvents } from "@/db/schema";
import { addUsd, parseUsd, toUsdString } from "@/lib/money";
import { startFakeUpstream } from "../support/fake-upstream";

// The evals API through its route handlers: real provider packages against the local fake
// upstream, the real engine and worker, a throwaway database (Postgres too when DATABASE_URL is set).
const fake = await startFakeUpstream();
if (!process.env.DATABASE_URL) vi.stubEnv("PGLITE_DIR", "memory://");
vi.stubEnv("OPENAI_API_KEY", "test-openai");
vi.stubEnv("OPENAI_BASE_URL", `${fake.url}/v1`);

const sets = await import("@/app/api/evals/route");
const oneSet = await import("@/app/api/evals/[id]/route");
const runs = await import("@/app/api/evals/[id]/runs/route");
const estimateRoute = await import("@/app/api/evals/[id]/estimate/route");
const oneRun = await import("@/app/api/evals/runs/[runId]/route");
const cancel = await import("@/app/api/evals/runs/[runId]/cancel/route");
const demo = await import("@/app/api/evals/demo/route");
const { getDbHandle } = await import("@/db/client");

afterAll(async () => {
  await fake.close();
  await (await getDbHandle()).close();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  body: typeof body === "string" ? body : JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});
const request = (path: string, init: RequestInit = {}) => new Request(`http://test.local${path}`, init);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function createSet(cases: unknown[], name = "Support answers") {
  const response = await sets.POST(request("/api/evals", json({ name, cases })), {} as never);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

async function waitForRun(runId: string, done: (body: RunBody) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await oneRun.GET(request(`/api/evals/runs/${runId}`), params({ runId }));
    const body = (await response.json()) as RunBody;
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`run still ${body.run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type RunBody = {
  run: { status: string; spentUsd: string };
  progress: { model: string; done: number; total: number }[];
  summary: {
    model: string;
    passRate: number | null;
    passed: number;
    graded: number;
    totalCostUsd: string | null;
  }[];
  cases: {
    id: string;
    position: number;
    results: Record<string, { id: number; output: string; pass: boolean | null }>;
  }[];
  nextCursor: number | null;
  newResults: { caseId: string; id: number; model: string; output: string }[] | null;
};

describe("evals API", () => {
  it("creates, lists, reads and edits a set, refusing a stale edit with 412", async () => {
    const set = await createSet([
      { prompt: "What is 2 + 2?", expected: "4", assert: [{ type: "contains", value: "4" }] },
    ]);
    const list = await (await sets.GET(request("/api/evals"), {} as never)).json();
    expect(
      list.sets.some((item: { id: string; caseCount: number }) => item.id === set.id && item.caseCount === 1),
    ).toBe(true);
    const patch = (ifMatch: string) =>
      oneSet.PATCH(
        request(`/api/evals/${set.id}`, {
          ...json({ name: "Renamed" }, { "if-match": ifMatch }),
          method: "PATCH",
        }),
        params({ id: set.id }),
      );
    expect((await patch('"1"')).status).toBe(200);
    const stale = await patch('"1"');
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.details.currentVersion).toBe(2);
    const read = await oneSet.GET(request(`/api/evals/${set.id}`), params({ id: set.id }));
    expect(read.headers.get("etag")).toBe('"2"');
    expect((await read.json()).cases[0].prompt).toBe("What is 2 + 2?");
  });

  it("answers bad input with 4xx and field errors, never a 500", async () => {
    const bad = await sets.POST(
      request("/api/evals", json({ name: "", cases: [{ prompt: "" }] })),
      {} as never,
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("bad_request:evals");
    expect(Object.keys(body.error.details.fieldErrors)).toEqual(
      expect.arrayContaining(["name", "cases.0.prompt"]),
    );
    const badAssertion = await sets.POST(
      request(
        "/api/evals",
        json({ name: "x", cases: [{ prompt: "p", assert: [{ type: "smells-right" }] }] }),
      ),
      {} as never,
    );
    expect(badAssertion.status).toBe(400);
    const negative = await sets.POST(
      request(
        "/api/evals",
        json({
          name: "x",
          cases: [{ prompt: "p", assert: [{ type: "levenshtein", value: "p", threshold: -1 }] }],
        }),
      ),
      {} as never,
    );
    expect(negative.status).toBe(400);
    expect((await negative.json()).error.details.fieldErrors["cases.0.assert.0.threshold"]).toEqual([
      "A threshold cannot be negative.",
    ]);
    const nul = await sets.POST(
      request("/api/evals", json({ name: "x", cases: [{ prompt: "a\u0000b" }] })),
      {} as never,
    );
    expect(nul.status).toBe(400);
    const notJson = await sets.POST(
      request("/api/evals", json("{", { "content-type": "text/plain" })),
      {} as never,
    );
    expect(notJson.status).toBe(415);
    const badId = await oneSet.GET(request("/api/evals/nope"), params({ id: "nope" }));
    expect(badId.status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await oneSet.GET(request(`/api/evals/${missing}`), params({ id: missing }))).status).toBe(404);
    expect((await oneRun.GET(request(`/api/evals/runs/${missing}`), params({ runId: missing }))).status).toBe(
      404,
    );
    expect(
      (
        await cancel.POST(
          request(`/api/evals/runs/${missing}/cancel`, { method: "POST" }),
          params({ runId: missing }),
        )
      ).status,
    ).toBe(404);
  });

  it("refuses a set over 2,000 cases or 5 MB with 413", async () => {
    const many = Array.from({ length: 2_001 }, (_, index) => ({ prompt: `Case ${index}` }));
    const tooMany = await sets.POST(request("/api/evals", json({ name: "big", cases: many })), {} as never);
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.details.maxCases).toBe(2_000);
    const huge = [{ prompt: "x".repeat(99_000) }];
    const heavy = Array.from({ length: 60 }, () => huge[0]);
    const tooHeavy = await sets.POST(
      request("/api/evals", json({ name: "heavy", cases: heavy })),
      {} as never,
    );
    expect(tooHeavy.status).toBe(413);
  });

  it("refuses runs with no models, too many, unknown ones or a bad cap", async () => {
    const set = await createSet([{ prompt: "Hi" }]);
    const start = (body: unknown) =>
      runs.POST(request(`/api/evals/${set.id}/runs`, json(body)), params({ id: set.id }));
    expect((await start({ models: [] })).status).toBe(400);
    const seven = [
      "demo/swift",
      "demo/steady",
      "demo/deliberate",
      "openai/gpt-4o-mini",
      "openai/gpt-4o",
      "openai/o3-mini",
      "openai/gpt-4.1",
    ];
    expect((await start({ models: seven })).status).toBe(400);
    const unknown = await start({ models: ["nope/model"] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.details.fieldErrors.models[0]).toContain("nope/model");
    expect((await start({ models: ["demo/swift"], maxCostUsd: "-1" })).status).toBe(400);
    expect((await start({ models: ["demo/swift"], maxCostUsd: "lots" })).status).toBe(400);
    // A cap reserves each call's worst case, which an unknown price cannot give: refused, not run as free.
    const unpriced = await start({ models: ["demo/swift", "ollama/llama3"], maxCostUsd: "5" });
    expect(unpriced.status).toBe(400);
    const refusal = (await unpriced.json()).error;
    expect(refusal.message).toContain("ollama/llama3");
    expect(refusal.details.fieldErrors.maxCostUsd[0]).toContain("ollama/llama3");
    expect((await start({ models: ["demo/swift", "ollama/llama3"] })).status).toBe(201);
    const tooSmall = await start({ models: ["demo/swift"], maxCostUsd: "0.0000001" });
    expect(tooSmall.status).toBe(400);
    expect((await tooSmall.json()).error.message).toContain("does not cover the first call");
  });

  it("runs the demo set on a simulated and a fake-upstream model, with estimate, progress, summary and pages", async () => {
    fake.setScenario("*", { ttftMs: 5, tokensPerSecond: 2_000, outputTokens: 12 });
    const demoSet = (await (
      await demo.POST(request("/api/evals/demo", { method: "POST" }), {} as never)
    ).json()) as {
      id: string;
    };
    const again = await (await demo.POST(request("/api/evals/demo", { method: "POST" }), {} as never)).json();
    expect(again.id).toBe(demoSet.id);
    const body = { models: ["demo/swift", "openai/gpt-4o-mini"], maxOutputTokens: 100 };
    const estimate = await (
      await estimateRoute.POST(
        request(`/api/evals/${demoSet.id}/estimate`, json(body)),
        params({ id: demoSet.id }),
      )
    ).json();
    expect(estimate.estimate.models).toHaveLength(2);
    const started = await runs.POST(
      request(`/api/evals/${demoSet.id}/runs`, json(body)),
      params({ id: demoSet.id }),
    );
    expect(started.status).toBe(201);
    const { runId, estimate: runEstimate } = await started.json();
    expect(runEstimate.models[1].costUsd).toMatch(/^0\.\d+$/);
    expect(runEstimate.totalUsd).toMatch(/^0\.\d+$/);

    const finished = await waitForRun(runId, (run) => run.run.status === "done");
    expect(finished.progress.every((item) => item.done === item.total && item.total === 22)).toBe(true);
    const [swift, openai] = finished.summary;
    // The simulated model gets some of the demo set right and some wrong; the fake upstream's
    // generated text answers none of it.
    expect(swift?.passed).toBeGreaterThan(0);
    expect(swift?.passed).toBeLessThan(swift?.graded ?? 0);
    expect(openai?.passRate).toBe(0);
    expect(openai?.totalCostUsd).toMatch(/^0\.\d+$/);

    const page = async (cursor?: number): Promise<RunBody> => {
      const query = `?limit=10${cursor === undefined ? "" : `&cursor=${cursor}`}`;
      return (await oneRun.GET(request(`/api/evals/runs/${runId}${query}`), params({ runId }))).json();
    };
    const first = await page();
    expect(first.cases.map((item) => item.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const second = await page(first.nextCursor ?? undefined);
    const third = await page(second.nextCursor ?? undefined);
    expect(third.cases.map((item) => item.position)).toEqual([20, 21]);
    expect(third.nextCursor).toBeNull();
    // A page holding the whole run sums its own answers; a partial page reads every answer's figures:
    // the summary is the same either way.
    const whole: RunBody = await (
      await oneRun.GET(request(`/api/evals/runs/${runId}?limit=100`), params({ runId }))
    ).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.cases).toHaveLength(22);
    expect(whole.summary).toEqual(first.summary);
    expect(whole.summary).toEqual(third.summary);
    expect(whole.summary).toEqual(finished.summary);
    expect(Object.keys(first.cases[0]?.results ?? {}).sort()).toEqual(["demo/swift", "openai/gpt-4o-mini"]);
    const badCursor = await oneRun.GET(request(`/api/evals/runs/${runId}?cursor=x`), params({ runId }));
    expect(badCursor.status).toBe(400);
    expect(whole.newResults).toBeNull();

    // A live view's poll: the answers written after a given one, oldest first, each with its case, and
    // the same summary; no page of cases.
    const news = async (afterResult: number, limit = 100): Promise<RunBody> =>
      (
        await oneRun.GET(
          request(`/api/evals/runs/${runId}?limit=${limit}&afterResult=${afterResult}`),
          params({ runId }),
        )
      ).json();
    const answers = whole.cases
      .flatMap((item) => Object.values(item.results).map((result) => ({ caseId: item.id, ...result })))
      .sort((a, b) => a.id - b.id);
    expect(answers).toHaveLength(44);
    const all = await news(0);
    expect(all.cases).toEqual([]);
    expect(all.summary).toEqual(whole.summary);
    expect(all.newResults?.map((result) => [result.caseId, result.id, result.output])).toEqual(
      answers.map((result) => [result.caseId, result.id, result.output]),
    );
    const middle = answers[29]?.id ?? 0;
    const later = await news(middle, 10);
    expect(later.newResults?.map((result) => result.id)).toEqual(
      answers.slice(30, 40).map((result) => result.id),
    );
    expect((await news(answers.at(-1)?.id ?? 0)).newResults).toEqual([]);
    const both = await oneRun.GET(
      request(`/api/evals/runs/${runId}?cursor=3&afterResult=0`),
      params({ runId }),
    );
    expect(both.status).toBe(400);
    expect((await both.json()).error.details.fieldErrors.afterResult[0]).toContain("not both");
  });

  it("grades rubrics with a judge on the fake upstream: its prompt, verdict, threshold and cost apart", async () => {
    fake.reset();
    const startedAt = new Date();
    // The judge gives a score and no pass or fail: 0.4 fails a plain rubric (0.5 passes) and passes
    // a rubric whose threshold is 0.3.
    fake.setScenario("gpt-4.1-mini", {
      ttftMs: 5,
      text: '{"score": 0.4, "reasoning": "Half of what the rubric asks."}',
    });
    const set = await createSet([
      {
        prompt: "What is 2 + 2?",
        assert: [
          { type: "llm-rubric", value: "Answers with the number four." },
          { type: "llm-rubric", value: "Answers with the number four.", threshold: 0.3 },
          { type: "contains", value: "4" },
        ],
      },
    ]);
    const started = await runs.POST(
      request(
        `/api/evals/${set.id}/runs`,
        json({ models: ["demo/swift"], judge: "openai/gpt-4.1-mini", maxOutputTokens: 100 }),
      ),
      params({ id: set.id }),
    );
    expect(started.status).toBe(201);
    const { runId, estimate } = await started.json();
    expect(estimate.totalUsd).toMatch(/^0\.\d+$/);
    const finished = await waitForRun(runId, (run) => run.run.status === "done");
    const result = finished.cases[0]?.results["demo/swift"] as unknown as {
      output: string;
      costUsd: string | null;
      judgeCostUsd: string | null;
      assertions: { type: string; pass: boolean | null; score?: number | null; reason: string }[];
      judge: {
        model: string;
        verdicts: {
          rubric: string;
          prompt: { system: string; prompt: string };
          output: string;
          pass: boolean | null;
          score: number | null;
          reasoning: string;
          threshold?: number;
          scoreOnly?: boolean;
          costUsd: string | null;
        }[];
      };
    };
    const [plain, held] = result.assertions;
    expect(plain).toMatchObject({ type: "llm-rubric", pass: false, score: 0.4 });
    expect(held).toMatchObject({ type: "llm-rubric", pass: true, score: 0.4 });
    expect(held?.reason).toBe("Half of what the rubric asks. Score 0.4 ≥ threshold 0.3.");
    // The judge's prompt and reply are kept; its verdict was a score only, read as a fail on its own.
    expect(result.judge.model).toBe("openai/gpt-4.1-mini");
    const [plainVerdict, heldVerdict] = result.judge.verdicts;
    expect(plainVerdict).toMatchObject({ pass: false, score: 0.4, scoreOnly: true });
    expect(plainVerdict?.threshold).toBeUndefined();
    expect(heldVerdict).toMatchObject({ threshold: 0.3, scoreOnly: true });
    expect(heldVerdict?.prompt.prompt).toContain("Rubric: Answers with the number four.");
    expect(heldVerdict?.prompt.prompt).toContain(result.output);
    // What the upstream was asked is that prompt, once per rubric, and nothing else was sent to it.
    const asked = fake.requests();
    expect(asked).toHaveLength(2);
    for (const call of asked) {
      expect(call.model).toBe("gpt-4.1-mini");
      expect(JSON.stringify(call.body)).toContain(JSON.stringify(heldVerdict?.prompt.system).slice(1, 60));
    }
    // Its cost is the judge's, apart from the answer's, and is the sum of its two calls.
    expect(result.judgeCostUsd).toMatch(/^0\.\d+$/);
    const callCosts = result.judge.verdicts.map((verdict) => parseUsd(verdict.costUsd ?? "unknown"));
    expect(toUsdString(parseUsd(result.judgeCostUsd ?? "unknown"))).toBe(toUsdString(addUsd(...callCosts)));
    const { db } = await getDbHandle();
    const judgeCalls = await db
      .select()
      .from(usageEvents)
      .where(
        and(
          eq(usageEvents.source, "judge"),
          eq(usageEvents.model, "openai/gpt-4.1-mini"),
          gte(usageEvents.occurredAt, startedAt),
        ),
      );
    const asUsd = (value: string | null) => toUsdString(parseUsd(value ?? "unknown"));
    expect(judgeCalls.map((event) => asUsd(event.costUsd)).sort()).toEqual(
      result.judge.verdicts.map((verdict) => asUsd(verdict.costUsd)).sort(),
    );
  });

  it("cancels a run: its open work is dropped and the status says so", async () => {
    fake.setScenario("*", { ttftMs: 300, tokensPerSecond: 50, outputTokens: 40 });
    const set = await createSet(Array.from({ length: 30 }, (_, index) => ({ prompt: `Slow case ${index}` })));
    const started = await runs.POST(
      request(`/api/evals/${set.id}/runs`, json({ models: ["openai/gpt-4o-mini"] })),
      params({ id: set.id }),
    );
    const { runId } = await started.json();
    const response = await cancel.POST(
      request(`/api/evals/runs/${runId}/cancel`, { method: "POST" }),
      params({ runId }),
    );
    expect((await response.json()).status).toBe("cancelled");
    const after = await waitForRun(runId, () => true);
    expect(after.run.status).toBe("cancelled");
    expect(after.progress[0]?.done).toBeLessThan(30);
  });
});
