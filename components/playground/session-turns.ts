import type { RunWithResults } from "@/db/queries/sessions";
import type { PaneTurn, Turns } from "./use-playground-stream";

type SerializedRun = Omit<RunWithResults, "createdAt" | "results"> & {
  results: (Omit<RunWithResults["results"][number], "createdAt"> & { createdAt: string | Date })[];
};

/** Rebuilds the panes of a saved session: each model's turns in order, with their saved numbers. */
export function turnsFromSession(runs: readonly SerializedRun[]): {
  turns: Turns;
  lastModels: string[];
  lastRun: SerializedRun | null;
} {
  const turns: Turns = {};
  for (const run of runs) {
    for (const result of run.results) {
      const turn: PaneTurn = {
        runId: run.id,
        prompt: run.prompt,
        output: result.output,
        status:
          result.status === "ok" || result.status === "stopped" || result.status === "error"
            ? result.status
            : "ok",
        simulated: result.simulated,
        error: result.errorCode
          ? { code: result.errorCode, message: result.errorMessage ?? result.errorCode }
          : null,
        retry: null,
        unsaved: null,
        stopFailed: null,
        startedAtMs: 0,
        firstTokenAtMs: null,
        metrics: {
          ttftMs: result.ttftMs,
          durationMs: result.durationMs ?? 0,
          tokensPerSecond:
            result.ttftMs !== null &&
            result.durationMs !== null &&
            (result.outputTokens ?? 0) > 0 &&
            result.durationMs > result.ttftMs
              ? Math.round(
                  (((result.outputTokens ?? 0) - (result.reasoningTokens ?? 0)) /
                    (result.durationMs - result.ttftMs)) *
                    10_000,
                ) / 10
              : null,
          inputTokens: result.inputTokens ?? 0,
          outputTokens: result.outputTokens ?? 0,
          reasoningTokens: result.reasoningTokens ?? 0,
          costUsd: result.costUsd,
          estimated: result.estimated,
        },
      };
      turns[result.modelId] = [...(turns[result.modelId] ?? []), turn];
    }
  }
  const lastRun = runs.at(-1) ?? null;
  return { turns, lastModels: lastRun ? lastRun.results.map((result) => result.modelId) : [], lastRun };
}
