import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import {
  type ClaimedEvalJob,
  type CompletedEvalJob,
  claimEvalJobs,
  completeEvalJobs,
  type EvalJobCompletion,
  listOpenEvalWork,
  type OpenEvalRun,
  renewEvalJobLeases,
} from "@/db/queries/evals";
import type { NewUsageEvent } from "@/db/schema";
import type { CatalogData } from "@/lib/catalog/read/served";
import { groupCommit } from "@/lib/group-commit";
import { addUsd, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import { callModel } from "@/lib/playground/call-model";
import { redactSecrets } from "@/lib/playground/faults";
import type { MeteredCall } from "@/lib/playground/meter";
import { describeModelId, type ResolvedModelInfo } from "@/lib/providers/registry";
import { JUDGE_MAX_OUTPUT_TOKENS, renderCase } from "./estimate";
import {
  applyRubricThreshold,
  buildJudgePrompt,
  gradeAssertions,
  parseJudgeVerdict,
  type StoredJudgeVerdict,
} from "./grade";
import { type Assertion, type AssertionResult, assertionSchema } from "./schema";

/**
 * Works through queued eval runs. Each instance runs one worker; they share the queue in Postgres
 * (see claimEvalJobs), so work is split between them and survives a restart: a call that finished
 * is written with its job's completion, and a call cut short by a crash is made again once its
 * lease runs out. Calls go through the one run engine (callModel), at most `perProviderLimit` at
 * once to any one provider from this instance.
 */
export const EVAL_LEASE_MS = 60_000;
/** A job whose lease ran out this many times (its call crashed every instance) ends as an error. */
export const MAX_JOB_ATTEMPTS = 3;
/** Longest a freed slot waits for others before the worker claims work for it. */
const CLAIM_GATHER_MS = 20;
/**
 * How long a finished answer waits for others to be written with it. Nobody watches an answer land
 * (progress is polled), its provider slot is already free, and at 50 calls in flight on the embedded
 * database a write per answer was the largest part of the server's CPU per call (bench:ttft).
 */
const WRITE_GATHER_MS = 25;
/** Most finished calls written in one transaction. */
const WRITE_BATCH_MAX = 100;
/**
 * How long the list of open work (which providers have work, in which runs) serves the claims after
 * it was read. Claims check every job's run again, so a list a little old never takes the wrong work:
 * at worst a claim finds nothing, and then the list is read again. Reading it once a claim was a fifth
 * to a quarter of the embedded database's time in an eval run (bench:ttft). A run queued on this
 * instance is seen at once (wake), one queued on another within this time.
 */
const OPEN_WORK_MAX_AGE_MS = 250;

export interface EvalWorkerOptions {
  db: Db;
  catalog: () => Promise<CatalogData>;
  owner?: string;
  perProviderLimit?: number;
  pollMs?: number;
  leaseMs?: number;
  /** Called after each job is written (or found already written); tests use it to follow the work. */
  onJobDone?: (job: ClaimedEvalJob, outcome: { inserted: boolean }) => void;
}

interface InFlight {
  job: ClaimedEvalJob;
  provider: string;
  controller: AbortController;
  /** Still calling its provider: counts against the provider's limit until its calls end. */
  calling: boolean;
}

export class EvalWorker {
  readonly owner: string;
  private readonly options: Required<Omit<EvalWorkerOptions, "onJobDone" | "owner">> &
    Pick<EvalWorkerOptions, "onJobDone">;
  private readonly inFlight = new Map<number, InFlight>();
  private running = false;
  /** Set by crash(): in-flight calls end without writing anything, as if the process had died. */
  private crashed = false;
  private wakeUp: (() => void) | null = null;
  /** A wake() that came while the loop was not waiting: the loop looks again before it sleeps. */
  private wakeMissed = false;
  private loopDone: Promise<void> | null = null;
  private renewal: ReturnType<typeof setInterval> | null = null;
  /**
   * Writes a finished call with the others that finish within WRITE_GATHER_MS or while a write runs,
   * in one transaction (group commit): the queue's statements are paid once per batch, not once per
   * answer. Null when the worker crashed first: nothing is written, as if the process had died.
   */
  private readonly write = groupCommit<EvalJobCompletion, CompletedEvalJob | null>(
    async (completions) =>
      this.crashed ? completions.map(() => null) : completeEvalJobs({ db: this.options.db, completions }),
    {
      gatherMs: WRITE_GATHER_MS,
      maxBatch: WRITE_BATCH_MAX,
      onBatchFailed: (size, error) =>
        console.error(
          `Could not write ${size} eval answers together; writing each alone:`,
          (error as Error)?.message ?? error,
        ),
    },
  );
  /** The open work as last read, and when; null when it must be read again before the next claim. */
  private openWork: { runs: OpenEvalRun[]; readAt: number } | null = null;
  /** Counts wake()s, so a list read while one came is not kept. */
  private wakes = 0;
  /** Slots freed since the last claim, and the timer that claims for them if no more come free. */
  private freedSlots = 0;
  private gatherTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: EvalWorkerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.options = {
      db: options.db,
      catalog: options.catalog,
      perProviderLimit: options.perProviderLimit ?? 4,
      pollMs: options.pollMs ?? 1_000,
      leaseMs: options.leaseMs ?? EVAL_LEASE_MS,
      onJobDone: options.onJobDone,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.crashed = false;
    const { db, leaseMs } = this.options;
    this.renewal = setInterval(
      () => {
        const ids = [...this.inFlight.keys()];
        renewEvalJobLeases({ db, owner: this.owner, ids, leaseMs }).catch(() => {});
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    this.renewal.unref();
    this.loopDone = this.loop();
  }

  /** Looks for work now rather than at the next poll, reading the open work afresh (a run was just queued here). */
  wake(): void {
    this.openWork = null;
    this.wakes += 1;
    this.nudge();
  }

  /** Runs the loop now; the open work already read still serves. */
  private nudge(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wakeMissed = true;
  }

  /**
   * A call ended. Its slot is refilled soon rather than at the next poll, but a claim is a
   * transaction of several statements, so slots freed close together share one: the claim runs once
   * a quarter of the limit is free, or CLAIM_GATHER_MS after the first slot came free. A slot waits
   * at most that long, a small share of a model call.
   */
  private slotFreed(): void {
    this.freedSlots += 1;
    if (this.freedSlots >= Math.max(1, Math.floor(this.options.perProviderLimit / 4))) {
      this.wakeForSlots();
      return;
    }
    if (!this.gatherTimer) {
      this.gatherTimer = setTimeout(() => this.wakeForSlots(), CLAIM_GATHER_MS);
      this.gatherTimer.unref();
    }
  }

  private wakeForSlots(): void {
    if (this.gatherTimer) clearTimeout(this.gatherTimer);
    this.gatherTimer = null;
    this.freedSlots = 0;
    this.nudge();
  }

  /** Stops taking work and waits for the calls in flight to be written. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await this.idle();
    if (this.renewal) clearInterval(this.renewal);
  }

  /** Dies: stops at once, its calls in flight are cut and never written; their leases run out. */
  async crash(): Promise<void> {
    this.crashed = true;
    this.running = false;
    if (this.renewal) clearInterval(this.renewal);
    for (const entry of this.inFlight.values())
      entry.controller.abort(new DOMException("Crashed", "AbortError"));
    this.wake();
    await this.loopDone;
    await this.idle();
  }

  /** Stops this instance's calls of a cancelled run; their partial answers are still written. */
  cancelRun(runId: string): void {
    for (const entry of this.inFlight.values())
      if (entry.job.runId === runId) entry.controller.abort(new DOMException("Run cancelled", "AbortError"));
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let launched = 0;
      try {
        launched = await this.tick();
      } catch (error) {
        console.error("The eval worker could not read its queue:", (error as Error).message);
      }
      if (!this.running) break;
      if (this.wakeMissed) {
        this.wakeMissed = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, launched > 0 ? 20 : this.options.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** Claims what each provider's free capacity allows and starts those calls; returns how many. */
  async tick(): Promise<number> {
    const { db, perProviderLimit, leaseMs } = this.options;
    const freeSlots = (provider: string) =>
      perProviderLimit -
      [...this.inFlight.values()].filter((entry) => entry.provider === provider && entry.calling).length;
    const known =
      this.openWork && performance.now() - this.openWork.readAt < OPEN_WORK_MAX_AGE_MS ? this.openWork : null;
    // No listed provider has a free slot (or nothing was open when the list was read): nothing to
    // claim, and nothing to read until the list is too old or a wake asks for it.
    if (known?.runs.every((run) => freeSlots(run.provider) <= 0)) return 0;
    // One look at the queue serves every provider's claim, and the claims after it for a while.
    const generation = this.wakes;
    const open = known?.runs ?? (await listOpenEvalWork({ db }));
    // A wake during the read (a run just queued here) may not be in what was read: keep nothing then.
    this.openWork = generation !== this.wakes ? null : (known ?? { runs: open, readAt: performance.now() });
    let launched = 0;
    for (const provider of new Set(open.map((run) => run.provider))) {
      if (!this.running) break;
      const limit = freeSlots(provider);
      if (limit <= 0) continue;
      const jobs = await claimEvalJobs({
        db,
        owner: this.owner,
        provider,
        limit,
        leaseMs,
        openRuns: open,
      });
      // A worker that died during the claim makes no call: its leases run out, as a dead process's do.
      if (this.crashed) break;
      // Read the open work again when this provider's may have run out, or a queued run just started
      // (the list would send its next claims the long way, as if it were still queued).
      if (jobs.length < limit || open.some((run) => run.provider === provider && run.status === "queued"))
        this.openWork = null;
      for (const job of jobs) {
        const controller = new AbortController();
        this.inFlight.set(job.id, { job, provider, controller, calling: true });
        launched += 1;
        void this.process(job, controller.signal)
          .catch((error) => {
            // The lease runs out and another attempt is made; nothing was written.
            console.error(`Could not finish an eval answer of ${job.modelId}:`, redactSecrets(String(error)));
          })
          .finally(() => {
            this.callEnded(job.id);
            this.inFlight.delete(job.id);
          });
      }
    }
    return launched;
  }

  /** A job's calls are over (its answer may still be waiting to be written): its slot is free. */
  private callEnded(jobId: number): void {
    const entry = this.inFlight.get(jobId);
    if (!entry?.calling) return;
    entry.calling = false;
    this.slotFreed();
  }

  private async process(job: ClaimedEvalJob, signal: AbortSignal): Promise<void> {
    const catalog = await this.options.catalog();
    const info = describeModelId(job.modelId);
    const base = { runId: job.runId, caseId: job.caseId, modelId: job.modelId };
    if (!info || job.attempts > MAX_JOB_ATTEMPTS) {
      const message = !info
        ? `No provider serves "${job.modelId}".`
        : `Gave up after ${MAX_JOB_ATTEMPTS} attempts: the call was cut short each time.`;
      const done = await this.write({
        jobId: job.id,
        result: { ...base, status: "error", errorCode: "unknown", errorMessage: message },
        usage: [],
        spentUsd: "0",
      });
      if (done) this.options.onJobDone?.(job, done);
      return;
    }

    const assertions = parseAssertions(job.assert);
    const rendered = renderCase(job);
    const { outcome, metered } = await callModel({
      info,
      catalog,
      settings: {
        system: rendered.system,
        messages: [{ role: "user", content: rendered.prompt }],
        maxOutputTokens: job.maxOutputTokens,
      },
      signal,
    });
    if (this.crashed) return;

    const graded: AssertionResult[] = gradeAssertions(
      assertions,
      {
        output: outcome.output,
        latencyMs: metered.durationMs,
        ttftMs: metered.ttftMs,
        costUsd: metered.costUsd,
      },
      { expected: job.expected ?? undefined, vars: job.vars ?? undefined },
    );
    const judged =
      outcome.status === "ok"
        ? await this.judge(
            job,
            assertions,
            graded,
            { prompt: rendered.prompt, output: outcome.output },
            signal,
          )
        : null;
    if (this.crashed) return;
    this.callEnded(job.id);

    const usage: NewUsageEvent[] = [];
    if (metered.called) usage.push(usageEventOf(info, metered, "eval"));
    usage.push(...(judged?.usage ?? []));
    const spent = [metered.costUsd, judged?.costUsd ?? null].filter((cost): cost is string => cost !== null);
    // A call made at a price we do not know counts at its reservation (its worst case), never as free.
    const costUnknown = (metered.called && metered.costUsd === null) || (judged !== null && !judged.costUsd);
    const done = await this.write({
      jobId: job.id,
      result: {
        ...base,
        status: outcome.status,
        output: outcome.output,
        errorCode: outcome.fault?.code ?? null,
        errorMessage: outcome.fault ? redactSecrets(outcome.fault.message) : null,
        inputTokens: metered.inputTokens,
        outputTokens: metered.outputTokens,
        reasoningTokens: metered.reasoningTokens,
        costUsd: metered.costUsd,
        judgeCostUsd: judged?.costUsd ?? null,
        ttftMs: metered.ttftMs,
        totalMs: metered.durationMs,
        simulated: metered.simulated,
        estimated: metered.estimated,
        assertions: graded,
        judge: judged?.record ?? null,
      },
      usage,
      spentUsd:
        costUnknown && job.reserveUsd !== null
          ? job.reserveUsd
          : toUsdString(addUsd(ZERO_USD, ...spent.map((cost) => parseUsd(cost)))),
    });
    if (done) this.options.onJobDone?.(job, done);
    // Its slot was freed before this write, when a capped run's headroom still held its reservation:
    // the claim made then may have found no room, so look again now the reservation is given back
    // (the list of open work still holds the run: a capped run's claim reads its headroom itself).
    if (job.reserveUsd !== null) this.nudge();
  }

  /**
   * Grades the llm-rubric assertions with the run's judge model, through the same engine. The
   * verdict replaces the placeholder result in `graded`; the judge's prompt, answer and reasoning
   * are kept, and its cost is counted apart from the answer's.
   */
  private async judge(
    job: ClaimedEvalJob,
    assertions: Assertion[],
    graded: AssertionResult[],
    answer: { prompt: string; output: string },
    signal: AbortSignal,
  ): Promise<{ record: unknown; costUsd: string | null; usage: NewUsageEvent[] } | null> {
    const rubrics = assertions.flatMap((assertion, index) =>
      assertion.type === "llm-rubric" ? [index] : [],
    );
    if (rubrics.length === 0) return null;
    const judgeInfo = job.judgeModel ? describeModelId(job.judgeModel) : null;
    if (!judgeInfo) {
      for (const index of rubrics)
        graded[index] = {
          type: "llm-rubric",
          pass: null,
          score: null,
          reason: "No judge model was chosen for this run.",
        };
      return null;
    }
    const catalog = await this.options.catalog();
    // The record an answer's page reads (describeJudgeVerdict): the judge's word, prompt and cost.
    const verdicts: (StoredJudgeVerdict & {
      rubric: string;
      prompt: ReturnType<typeof buildJudgePrompt>;
      output: string;
      reasoning: string;
      error: string | null;
      costUsd: string | null;
    })[] = [];
    const usage: NewUsageEvent[] = [];
    let costUsd = ZERO_USD;
    let costKnown = true;
    for (const index of rubrics) {
      const assertion = assertions[index];
      const rubric = typeof assertion?.value === "string" ? assertion.value : "";
      const judgePrompt = buildJudgePrompt({
        rubric,
        prompt: answer.prompt,
        output: answer.output,
        expected: job.expected ?? undefined,
      });
      const { outcome, metered } = await callModel({
        info: judgeInfo,
        catalog,
        settings: {
          system: judgePrompt.system,
          messages: [{ role: "user", content: judgePrompt.prompt }],
          maxOutputTokens: JUDGE_MAX_OUTPUT_TOKENS,
          temperature: 0,
        },
        signal,
      });
      if (metered.called) usage.push(usageEventOf(judgeInfo, metered, "judge"));
      if (metered.costUsd) costUsd = addUsd(costUsd, parseUsd(metered.costUsd));
      else if (metered.called) costKnown = false;
      let verdict: { pass: boolean | null; score: number | null; reasoning: string; error: string | null };
      let passGiven = true;
      try {
        if (outcome.status !== "ok")
          throw new Error(outcome.fault?.message ?? "The judge call did not finish.");
        const { passGiven: given, ...read } = parseJudgeVerdict(outcome.output);
        verdict = { ...read, error: null };
        passGiven = given;
      } catch (error) {
        verdict = { pass: null, score: null, reasoning: "", error: redactSecrets((error as Error).message) };
      }
      const threshold = assertion?.threshold;
      const decided = applyRubricThreshold({ ...verdict, passGiven }, threshold);
      graded[index] = {
        type: "llm-rubric",
        pass: decided.pass,
        score: verdict.score,
        reason: verdict.error
          ? `The judge's verdict could not be read: ${verdict.error}`
          : [verdict.reasoning, decided.note].filter(Boolean).join(" "),
      };
      // The judge's own pass is kept as it said it; the threshold beside it.
      verdicts.push({
        rubric,
        prompt: judgePrompt,
        output: outcome.output,
        ...verdict,
        ...(threshold === undefined ? {} : { threshold }),
        ...(passGiven ? {} : { scoreOnly: true }),
        costUsd: metered.costUsd,
      });
    }
    return {
      record: { model: judgeInfo.id, simulated: judgeInfo.simulated, verdicts },
      costUsd: costKnown ? toUsdString(costUsd) : null,
      usage,
    };
  }
}

function parseAssertions(raw: unknown[] | null): Assertion[] {
  return (raw ?? []).flatMap((item) => {
    const parsed = assertionSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function usageEventOf(
  info: ResolvedModelInfo,
  metered: MeteredCall,
  source: "eval" | "judge",
): NewUsageEvent {
  return {
    callId: metered.callId,
    provider: info.provider,
    model: info.id,
    inputTokens: metered.inputTokens,
    cachedInputTokens: metered.cachedInputTokens,
    outputTokens: metered.outputTokens,
    reasoningTokens: metered.reasoningTokens,
    costUsd: metered.costUsd,
    ttftMs: metered.ttftMs,
    durationMs: metered.durationMs,
    status: metered.status,
    simulated: metered.simulated,
    estimated: metered.estimated,
    source,
  };
}
