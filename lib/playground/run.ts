import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { getRunById, getSessionById, insertRun, listRunsWithResultsBySession } from "@/db/queries/sessions";
import { canChange } from "@/lib/auth/rules";
import { currentViewer } from "@/lib/auth/viewer";
import type { CatalogData } from "@/lib/catalog/read/served";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { oneLine } from "@/lib/format";
import type { ResolvedModelInfo } from "@/lib/providers/registry";
import { encodeEvent } from "@/lib/sse";
import { callModel, resolveModels } from "./call-model";
import { redactSecrets } from "./faults";
import { acquireRunSlot, listenForRemoteStops, registerPane } from "./limits";
import type { MeteredCall } from "./meter";
import { saveAnswer, saveNewSession } from "./save";
import type { PlaygroundEvent, PlaygroundRunRequest } from "./schema";
import type { ChatMessage, StreamOutcome } from "./stream-model";

/**
 * POST /api/playground/runs: one prompt to several models at once, streamed as server-sent events. Every
 * pane is independent: its fault, retry, stop and cost are its own, and each is saved as it ends.
 */

/** Longest the run's rows wait for first tokens before they are written anyway. */
const WRITE_GATE_MAX_MS = 3_000;

function paramsOf(body: PlaygroundRunRequest): Record<string, unknown> {
  return {
    temperature: body.temperature,
    maxOutputTokens: body.maxOutputTokens,
    overrides: body.overrides ?? {},
  };
}

/** Each pane keeps its own model's conversation: earlier prompts with that model's own answers. */
function historyFor(
  model: string,
  previous: Awaited<ReturnType<typeof listRunsWithResultsBySession>>,
): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const run of previous) {
    const answer = run.results.find((result) => result.modelId === model && result.output.length > 0);
    if (!answer) continue;
    messages.push({ role: "user", content: run.prompt }, { role: "assistant", content: answer.output });
  }
  return messages;
}

function saveErrorEvent(model: string, reason: "taken" | "failed"): PlaygroundEvent {
  return reason === "taken"
    ? {
        type: "save-error",
        model,
        code: "answer_taken",
        message:
          "This answer was not saved: another request saved this model's answer in the same run first. Its usage was recorded.",
      }
    : {
        type: "save-error",
        model,
        code: "save_failed",
        message:
          "This answer was not saved: the database refused it (was the session deleted?). Its usage was recorded if the call was made.",
      };
}

export async function startPlaygroundRun(
  body: PlaygroundRunRequest,
  /** createdBy: the signed-in caller, recorded on the session and usage; null in single-user mode. */
  context: { clientId: string; signal: AbortSignal; createdBy: string | null },
): Promise<ReadableStream<Uint8Array>> {
  const runId = body.runId ?? randomUUID();
  const [{ infos, catalog }] = await Promise.all([
    resolveModels(body.models, { surface: "playground", field: "models" }),
    listenForRemoteStops(),
  ]);
  const release = await acquireRunSlot(context.clientId, runId, env().MAX_CONCURRENT_RUNS_PER_CLIENT);
  try {
    return await openRunStream(body, { ...context, runId }, infos, catalog, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function openRunStream(
  body: PlaygroundRunRequest,
  context: { clientId: string; signal: AbortSignal; runId: string; createdBy: string | null },
  infos: Map<string, ResolvedModelInfo>,
  catalog: CatalogData,
  release: () => Promise<void>,
): Promise<ReadableStream<Uint8Array>> {
  const db = await getDb();
  // A new session and run get their ids here and are written while the models already stream, so
  // the database never sits between the user and the first token.
  let sessionId: string;
  let priorTurns: Awaited<ReturnType<typeof listRunsWithResultsBySession>> = [];
  let run: { id: string; prompt: string; system: string | null };
  // A retry replaces the answers its models had in the run when it started, and no later one.
  let replaces = new Map<string, string>();
  let writeRun: () => Promise<unknown>;
  if (body.sessionId) {
    const session = await getSessionById({ db, id: body.sessionId });
    if (!session)
      throw new AppError(
        "not_found:playground",
        `No session with id ${body.sessionId}. It may have been deleted.`,
      );
    // On a team, a session grows only through its owner or an admin; anyone can start their own.
    if (!canChange(currentViewer(), session.createdBy))
      throw new AppError(
        "forbidden:playground",
        "Only the person who started this session or an admin can add to it. Use “Run again…” in History to start your own session from its last prompt.",
      );
    sessionId = session.id;
    const previous = await listRunsWithResultsBySession({ db, sessionId });
    if (body.runId) {
      const existing = await getRunById({ db, id: body.runId });
      if (!existing || existing.sessionId !== sessionId)
        throw new AppError("not_found:playground", `No run ${body.runId} in this session.`);
      run = existing;
      priorTurns = previous.filter((item) => item.turnIndex < existing.turnIndex);
      const earlier = previous.find((item) => item.id === existing.id)?.results ?? [];
      replaces = new Map(earlier.map((result) => [result.modelId, result.id]));
      writeRun = () => Promise.resolve();
    } else {
      run = { id: context.runId, prompt: body.prompt, system: body.system ?? null };
      priorTurns = previous;
      const newRun = run;
      writeRun = () =>
        insertRun({
          db,
          id: newRun.id,
          sessionId,
          prompt: newRun.prompt,
          system: newRun.system,
          params: paramsOf(body),
        });
    }
  } else {
    sessionId = randomUUID();
    run = { id: context.runId, prompt: body.prompt, system: body.system ?? null };
    const title = oneLine(body.prompt, 80);
    const newRun = run;
    const newSessionId = sessionId;
    writeRun = () =>
      saveNewSession({
        db,
        session: { id: newSessionId, title, clientId: context.clientId, createdBy: context.createdBy },
        run: { id: newRun.id, prompt: newRun.prompt, system: newRun.system, params: paramsOf(body) },
      });
  }
  // The rows are written once every pane has its first token (or has ended): an embedded database
  // runs on this thread, and writing earlier would delay first tokens. Answers wait for the run row.
  let panesWaiting = body.models.length;
  let startWrite: () => void = () => {};
  const writeGate = new Promise<void>((resolve) => {
    startWrite = resolve;
  });
  const gateTimer = setTimeout(() => startWrite(), WRITE_GATE_MAX_MS);
  const readyPanes = new Set<string>();
  const paneReadyOnce = (model: string) => {
    if (readyPanes.has(model)) return;
    readyPanes.add(model);
    panesWaiting -= 1;
    if (panesWaiting <= 0) {
      clearTimeout(gateTimer);
      // After this turn of the event loop, so the first tokens reach the socket before any write.
      setImmediate(startWrite);
    }
  };
  const runSaved = writeGate
    .then(() => writeRun())
    .catch((error: Error) => {
      console.error("Could not save the run:", error.message);
      throw error;
    });
  runSaved.catch(() => {});

  const controllers = new Map<string, AbortController>();
  const stopAll = () => {
    for (const controller of controllers.values())
      controller.abort(new DOMException("The client went away", "AbortError"));
  };
  context.signal.addEventListener("abort", stopAll, { once: true });

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: PlaygroundEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encodeEvent(event));
        } catch {
          open = false;
        }
      };
      send({ type: "session", sessionId, runId: run.id });

      const runPane = async (modelId: string) => {
        const info = infos.get(modelId) as ResolvedModelInfo;
        const paneController = new AbortController();
        controllers.set(modelId, paneController);
        const unregister = registerPane(run.id, modelId, paneController);
        send({ type: "start", model: modelId, simulated: info.simulated });
        const markReady = () => paneReadyOnce(modelId);
        const override = body.overrides?.[modelId] ?? {};
        const messages: ChatMessage[] = [
          ...historyFor(modelId, priorTurns),
          { role: "user", content: run.prompt },
        ];
        let outcome: StreamOutcome;
        let metered: MeteredCall;
        try {
          ({ outcome, metered } = await callModel({
            info,
            catalog,
            settings: {
              system: run.system ?? undefined,
              messages,
              temperature: override.temperature ?? body.temperature,
              maxOutputTokens: override.maxOutputTokens ?? body.maxOutputTokens,
            },
            signal: paneController.signal,
            callbacks: {
              onDelta: (text) => {
                send({ type: "delta", model: modelId, text });
                markReady();
              },
              onRetry: (attempt, waitMs, fault) =>
                send({
                  type: "retry",
                  model: modelId,
                  attempt,
                  waitMs: Math.round(waitMs),
                  reason: fault.message,
                }),
            },
          }));
        } finally {
          unregister();
        }
        const { called, tokensPerSecond: rate, callId, ...measured } = metered;
        const { inputTokens, outputTokens, reasoningTokens, cachedInputTokens, costUsd, estimated } =
          measured;
        const { ttftMs, durationMs } = measured;
        markReady();

        if (outcome.status === "error" && outcome.fault) {
          send({
            type: "error",
            model: modelId,
            code: outcome.fault.code,
            message: outcome.fault.message,
            partial: outcome.output.length > 0,
          });
        } else {
          send({
            type: "finish",
            model: modelId,
            status: outcome.status === "stopped" ? "stopped" : "ok",
            usage: { inputTokens, outputTokens, reasoningTokens, cachedInputTokens },
            estimated,
            costUsd,
            ttftMs,
            durationMs,
            tokensPerSecond: rate,
          });
        }

        // A run row that could not be written still leaves the usage to record, under no session.
        const runWritten = await runSaved.then(
          () => true,
          () => false,
        );
        const saved = await saveAnswer({
          db,
          result: {
            ...measured,
            runId: run.id,
            modelId,
            output: outcome.output,
            errorCode: outcome.fault?.code ?? null,
            errorMessage: outcome.fault ? redactSecrets(outcome.fault.message) : null,
          },
          usage: called
            ? {
                ...measured,
                callId,
                provider: info.provider,
                model: modelId,
                sessionId: runWritten ? sessionId : null,
                createdBy: context.createdBy,
              }
            : null,
          replacesId: replaces.get(modelId) ?? null,
        });
        if (!saved.saved) send(saveErrorEvent(modelId, saved.reason));
      };
      // A bug while finishing one pane must still end that pane in the browser, never leave it spinning.
      const panes = body.models.map((modelId) =>
        runPane(modelId).catch((error: unknown) => {
          console.error(
            `Could not finish the answer of ${modelId}:`,
            redactSecrets((error as Error)?.message ?? String(error)),
          );
          send({
            type: "error",
            model: modelId,
            code: "unknown",
            message: "This answer could not be finished; the error was logged.",
            partial: false,
          });
          paneReadyOnce(modelId);
        }),
      );

      await Promise.all(panes);
      context.signal.removeEventListener("abort", stopAll);
      // Freed before "done", so a client that starts its next run on "done" finds the slot free.
      await release();
      send({ type: "done" });
      if (open) controller.close();
    },
    cancel() {
      // The browser closed the stream (tab closed, Stop all): stop paying for tokens.
      stopAll();
    },
  });
}
