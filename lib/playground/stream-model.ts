import type { LanguageModelV3, LanguageModelV3Prompt } from "@ai-sdk/provider";
import { getLanguageModel } from "@/lib/providers/registry";
import { type StreamTap, tapSignal } from "@/lib/providers/stream-tap";
import { coalesceDeltas } from "./coalesce";
import { backoffMs, classifyFault, type Fault, StreamTimeoutError } from "./faults";

/**
 * Streams one model's answer with the metrics the playground shows. Retries 429 and 5xx with
 * backoff, but only before the first token: after that a retry would bill the answer twice.
 *
 * It reads the provider package's own stream (LanguageModelV3.doStream) rather than going through
 * streamText: the playground needs only text and usage, and skipping the tool and step machinery
 * keeps the per-chunk cost low when many panes stream at once. Under that, the stream tap
 * (lib/providers/stream-tap.ts) hands the answer's text over as its bytes arrive, without the
 * package's per-token stages; the package still reads usage, finish reasons and faults.
 *
 * The AI SDK's own retry and timeout options (`maxRetries`, `timeout: { chunkMs }`) belong to
 * streamText, which this path skips, so the loop below keeps its own: it retries only before the
 * first token, tells the pane each wait as it starts (onRetry), and times the first token apart from
 * the gaps after it. Stopping is the SDK's: the attempt's signal is the call's `abortSignal`.
 */
export const MAX_ATTEMPTS = 3;
export const FIRST_TOKEN_TIMEOUT_MS = 60_000;
export const IDLE_TIMEOUT_MS = 30_000;

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface StreamSettings {
  system?: string;
  messages: ChatMessage[];
  temperature?: number;
  maxOutputTokens?: number;
}

export interface StreamUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  cachedInputTokens: number | null;
}

export interface StreamOutcome {
  status: "ok" | "stopped" | "error";
  output: string;
  usage: StreamUsage;
  ttftMs: number | null;
  durationMs: number;
  finishReason: string | null;
  fault: Fault | null;
  attempts: number;
  /**
   * Whether a request may have been billed: one was in flight when it was stopped, or the provider
   * answered with output, usage or a server error. A call rejected up front (429, 4xx) or stopped
   * before it was sent (or while waiting to retry) was not, and gets no cost.
   */
  reachedProvider: boolean;
}

export interface StreamCallbacks {
  onDelta: (text: string) => void;
  onRetry?: (attempt: number, waitMs: number, fault: Fault) => void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

function toPrompt(settings: StreamSettings): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = settings.system ? [{ role: "system", content: settings.system }] : [];
  for (const message of settings.messages) {
    prompt.push({ role: message.role, content: [{ type: "text", text: message.content }] });
  }
  return prompt;
}

const EMPTY_USAGE: StreamUsage = {
  inputTokens: null,
  outputTokens: null,
  reasoningTokens: null,
  cachedInputTokens: null,
};

/** An outcome with nothing reported: no usage, no text, no fault unless given. */
export function endedOutcome(fields: Pick<StreamOutcome, "status"> & Partial<StreamOutcome>): StreamOutcome {
  return {
    output: "",
    usage: EMPTY_USAGE,
    ttftMs: null,
    durationMs: 0,
    finishReason: null,
    fault: null,
    attempts: 0,
    reachedProvider: false,
    ...fields,
  };
}

export async function streamModel(
  model: LanguageModelV3,
  settings: StreamSettings,
  stopSignal: AbortSignal,
  callbacks: StreamCallbacks,
  timeouts = { firstTokenMs: FIRST_TOKEN_TIMEOUT_MS, idleMs: IDLE_TIMEOUT_MS },
): Promise<StreamOutcome> {
  const startedAt = performance.now();
  let output = "";
  let ttftMs: number | null = null;
  let attempt = 0;
  let reachedProvider = false;

  for (;;) {
    if (stopSignal.aborted) {
      const durationMs = performance.now() - startedAt;
      return endedOutcome({
        status: "stopped",
        output,
        ttftMs,
        durationMs,
        attempts: attempt,
        reachedProvider,
      });
    }
    attempt += 1;
    const attemptController = new AbortController();
    const onStop = () => attemptController.abort(stopSignal.reason);
    stopSignal.addEventListener("abort", onStop, { once: true });
    // Not a timer per token: a token only moves the deadline, and the timer, when it fires before
    // the deadline it finds, sleeps again until then.
    let limitMs = timeouts.firstTokenMs;
    let phase: "first token" | "next chunk" = "first token";
    let deadline = performance.now() + limitMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      const left = deadline - performance.now();
      if (left <= 0) attemptController.abort(new StreamTimeoutError(limitMs, phase));
      else timer = setTimeout(watch, left);
    };
    timer = setTimeout(watch, limitMs);
    const arm = () => {
      deadline = performance.now() + timeouts.idleMs;
      if (phase === "next chunk") return;
      // The first token: from here the (shorter) idle limit applies, so the timer is set anew once.
      phase = "next chunk";
      limitMs = timeouts.idleMs;
      clearTimeout(timer);
      timer = setTimeout(watch, limitMs);
    };

    let streamError: unknown = null;
    let usage: StreamUsage = EMPTY_USAGE;
    let finishReason: string | null = null;
    // Times run from when this attempt's request was sent (see StreamTap.sentAt), or from the attempt's
    // start when the tap did not send it. Only the attempt that answers has text, so its clock is the answer's.
    const attemptStartedAt = performance.now();
    const sentAt = () => tap.sentAt ?? attemptStartedAt;
    const onText = (delta: string) => {
      if (delta.length === 0 || attemptController.signal.aborted) return;
      if (ttftMs === null) ttftMs = performance.now() - sentAt();
      output += delta;
      callbacks.onDelta(delta);
      arm();
    };
    const tap: StreamTap = { onText, engaged: false };
    try {
      const { stream } = await model.doStream({
        prompt: toPrompt(settings),
        temperature: settings.temperature,
        maxOutputTokens: settings.maxOutputTokens,
        abortSignal: tapSignal(tap, attemptController.signal),
      });
      const reader = stream.getReader();
      for (;;) {
        const { done, value: part } = await reader.read();
        if (done) break;
        if (part.type === "text-delta") {
          // A tapped stream's text has already arrived through onText.
          if (!tap.engaged) onText(part.delta);
        } else if (part.type === "reasoning-delta") {
          arm();
        } else if (part.type === "error") {
          streamError = part.error;
        } else if (part.type === "finish") {
          finishReason = part.finishReason.unified;
          usage = {
            inputTokens: part.usage.inputTokens.total ?? null,
            outputTokens: part.usage.outputTokens.total ?? null,
            reasoningTokens: part.usage.outputTokens.reasoning ?? null,
            cachedInputTokens: part.usage.inputTokens.cacheRead ?? null,
          };
        }
      }
    } catch (error) {
      streamError = error;
    } finally {
      clearTimeout(timer);
      stopSignal.removeEventListener("abort", onStop);
    }

    const timeout =
      attemptController.signal.reason instanceof StreamTimeoutError ? attemptController.signal.reason : null;
    const fault = streamError && !stopSignal.aborted ? classifyFault(timeout ?? streamError) : null;
    reachedProvider ||=
      !fault || output.length > 0 || usage.inputTokens !== null || (fault.status ?? 0) >= 500;
    const sofar = {
      output,
      ttftMs,
      durationMs: performance.now() - (ttftMs === null ? startedAt : sentAt()),
      attempts: attempt,
      reachedProvider,
      // A provider may still send its usage after a bad chunk; that count is kept over an estimate.
      usage,
      finishReason,
    };
    if (stopSignal.aborted) return endedOutcome({ status: "stopped", ...sofar });
    if (!fault) return endedOutcome({ status: "ok", ...sofar });
    const canRetry = fault.retryable && output.length === 0 && attempt < MAX_ATTEMPTS;
    if (!canRetry) return endedOutcome({ status: "error", ...sofar, fault });
    const waitMs = backoffMs(attempt, fault);
    callbacks.onRetry?.(attempt, waitMs, fault);
    await sleep(waitMs, stopSignal);
  }
}

/** What the playground asks of one pane: a model id rather than a model, so it can cross threads. */
export interface PaneRequest {
  modelId: string;
  settings: StreamSettings;
  /** False when nobody watches the answer arrive: no deltas are sent, only the outcome. */
  deltas?: boolean;
}

/**
 * Streams one pane by model id, with its deltas coalesced (see coalesce.ts). A model that cannot even
 * be built (no key, unknown id) ends as a fault in its pane, like any other, so the caller always
 * gets an outcome.
 */
export async function streamPane(
  request: PaneRequest,
  stopSignal: AbortSignal,
  callbacks: StreamCallbacks,
): Promise<StreamOutcome> {
  let model: LanguageModelV3;
  try {
    model = getLanguageModel(request.modelId).model;
  } catch (error) {
    return endedOutcome({ status: "error", fault: classifyFault(error) });
  }
  const deltas = request.deltas === false ? null : coalesceDeltas(callbacks.onDelta);
  try {
    return await streamModel(model, request.settings, stopSignal, {
      ...callbacks,
      onDelta: (text) => deltas?.push(text),
    });
  } finally {
    deltas?.flush();
  }
}
