"use client";

import { useCallback, useRef, useState } from "react";
import { AppError } from "@/lib/errors";
import type { PlaygroundEvent } from "@/lib/playground/schema";
import { readEvents } from "@/lib/sse";

/** One model's answer to one prompt, as the pane shows it. */
export interface PaneTurn {
  runId: string | null;
  prompt: string;
  output: string;
  status: "waiting" | "streaming" | "ok" | "stopped" | "error";
  simulated: boolean;
  error: { code: string; message: string } | null;
  retry: { attempt: number; waitMs: number; reason: string } | null;
  /** Why the answer shown was not saved (the server said so after it ended). */
  unsaved: string | null;
  /** Why a Stop did not take (no instance was running this pane, or the request failed). */
  stopFailed: string | null;
  /** Client-side clock, for live numbers before the server's exact ones arrive. */
  startedAtMs: number;
  firstTokenAtMs: number | null;
  metrics: {
    ttftMs: number | null;
    durationMs: number;
    tokensPerSecond: number | null;
    inputTokens: number;
    outputTokens: number;
    reasoningTokens: number;
    costUsd: string | null;
    estimated: boolean;
  } | null;
}

export interface RunInput {
  prompt: string;
  system?: string;
  models: string[];
  temperature?: number;
  maxOutputTokens?: number;
  overrides?: Record<string, { temperature?: number; maxOutputTokens?: number }>;
}

export type Turns = Record<string, PaneTurn[]>;

function emptyTurn(prompt: string, runId: string | null): PaneTurn {
  return {
    runId,
    prompt,
    output: "",
    status: "waiting",
    simulated: false,
    error: null,
    retry: null,
    unsaved: null,
    stopFailed: null,
    startedAtMs: performance.now(),
    firstTokenAtMs: null,
    metrics: null,
  };
}

/**
 * Client side of POST /api/playground/runs: one request streams every pane; each pane's turns are kept so a
 * session reads as side-by-side conversations.
 */
export function usePlaygroundStream() {
  const [turns, setTurns] = useState<Turns>({});
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const runIdRef = useRef<string | null>(null);

  const patchCurrent = useCallback((model: string, patch: (turn: PaneTurn) => PaneTurn) => {
    setTurns((current) => {
      const list = current[model] ?? [];
      const last = list.at(-1);
      if (!last) return current;
      return { ...current, [model]: [...list.slice(0, -1), patch(last)] };
    });
  }, []);

  const stream = useCallback(
    async (body: Record<string, unknown>, models: string[], prompt: string, replaceLast: boolean) => {
      setError(null);
      setRunning(true);
      const controller = new AbortController();
      controllerRef.current = controller;
      setTurns((current) => {
        const next = { ...current };
        for (const model of models) {
          const list = next[model] ?? [];
          const kept = replaceLast ? list.slice(0, -1) : list;
          next[model] = [...kept, emptyTurn(prompt, replaceLast ? (list.at(-1)?.runId ?? null) : null)];
        }
        return next;
      });
      try {
        const response = await fetch("/api/playground/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        if (!response.ok) {
          const failure = AppError.fromBody(response.status, await response.json().catch(() => null));
          throw failure;
        }
        if (!response.body) throw new Error("The server sent no stream.");
        await readEvents<PlaygroundEvent>(response.body, (event) => {
          switch (event.type) {
            case "session":
              setSessionId(event.sessionId);
              runIdRef.current = event.runId;
              for (const model of models) patchCurrent(model, (turn) => ({ ...turn, runId: event.runId }));
              break;
            case "start":
              patchCurrent(event.model, (turn) => ({
                ...turn,
                status: "streaming",
                simulated: event.simulated,
              }));
              break;
            case "delta":
              patchCurrent(event.model, (turn) => ({
                ...turn,
                output: turn.output + event.text,
                retry: null,
                firstTokenAtMs: turn.firstTokenAtMs ?? performance.now(),
              }));
              break;
            case "retry":
              patchCurrent(event.model, (turn) => ({
                ...turn,
                retry: { attempt: event.attempt, waitMs: event.waitMs, reason: event.reason },
              }));
              break;
            case "finish":
              patchCurrent(event.model, (turn) => ({
                ...turn,
                status: event.status,
                retry: null,
                metrics: {
                  ttftMs: event.ttftMs,
                  durationMs: event.durationMs,
                  tokensPerSecond: event.tokensPerSecond,
                  inputTokens: event.usage.inputTokens,
                  outputTokens: event.usage.outputTokens,
                  reasoningTokens: event.usage.reasoningTokens ?? 0,
                  costUsd: event.costUsd,
                  estimated: event.estimated,
                },
              }));
              break;
            case "error":
              patchCurrent(event.model, (turn) => ({
                ...turn,
                status: "error",
                retry: null,
                error: { code: event.code, message: event.message },
              }));
              break;
            case "save-error":
              patchCurrent(event.model, (turn) => ({ ...turn, unsaved: event.message }));
              break;
            case "done":
              break;
          }
        });
      } catch (caught) {
        if (controller.signal.aborted) {
          for (const model of models) {
            patchCurrent(model, (turn) =>
              turn.status === "streaming" || turn.status === "waiting"
                ? { ...turn, status: "stopped" }
                : turn,
            );
          }
        } else {
          setError(caught instanceof Error ? caught.message : String(caught));
          setTurns((current) => {
            const next = { ...current };
            for (const model of models)
              next[model] = (next[model] ?? []).filter((turn) => turn.status !== "waiting");
            return next;
          });
        }
      } finally {
        controllerRef.current = null;
        setRunning(false);
      }
    },
    [patchCurrent],
  );

  const run = useCallback(
    (input: RunInput) =>
      stream({ ...input, sessionId: sessionId ?? undefined }, input.models, input.prompt, false),
    [sessionId, stream],
  );

  /** Runs one pane's last prompt again inside the same run, replacing its answer. */
  const retryPane = useCallback(
    (model: string, input: Omit<RunInput, "models" | "prompt">) => {
      const last = turns[model]?.at(-1);
      if (!last || !sessionId) return;
      return stream(
        { ...input, sessionId, runId: last.runId ?? undefined, prompt: last.prompt, models: [model] },
        [model],
        last.prompt,
        true,
      );
    },
    [sessionId, stream, turns],
  );

  /** Asks whichever server runs the pane to stop it, and says so in the pane when that did not take. */
  const stopPane = useCallback(
    async (model: string) => {
      const runId = runIdRef.current;
      if (!runId) return;
      const failure = await fetch("/api/playground/stop", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ runId, model }),
      }).then(
        async (response) => {
          if (!response.ok)
            return AppError.fromBody(response.status, await response.json().catch(() => null)).message;
          const { stopped } = (await response.json()) as { stopped: number };
          return stopped > 0 ? null : "Stop did not take: no server is running this pane any more.";
        },
        () => "Stop did not take: the server could not be reached.",
      );
      if (failure)
        patchCurrent(model, (turn) =>
          turn.status === "streaming" || turn.status === "waiting" ? { ...turn, stopFailed: failure } : turn,
        );
    },
    [patchCurrent],
  );

  /** Closing the stream aborts every upstream request on the server. */
  const stopAll = useCallback(() => controllerRef.current?.abort(), []);

  const reset = useCallback(() => {
    controllerRef.current?.abort();
    setTurns({});
    setSessionId(null);
    setError(null);
    runIdRef.current = null;
  }, []);

  const load = useCallback((id: string, loaded: Turns) => {
    setSessionId(id);
    setTurns(loaded);
    runIdRef.current = null;
  }, []);

  return { turns, sessionId, running, error, run, retryPane, stopPane, stopAll, reset, load, setError };
}
