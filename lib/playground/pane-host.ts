import { Worker } from "node:worker_threads";
import type { PaneMessage, PaneRequestMessage } from "./pane-messages";
import {
  endedOutcome,
  type PaneRequest,
  type StreamCallbacks,
  type StreamOutcome,
  streamPane,
} from "./stream-model";
import { streamsOnThread, threadStats } from "./streaming-report";

/**
 * Runs playground panes on the streaming thread (stream-worker.ts) and relays what it says; deltas
 * arrive already coalesced by streamPane. Outside the Next.js server (unit tests run the TypeScript
 * sources, which a worker thread cannot load), or with PLAYGROUND_STREAM_THREAD=off, panes run on
 * this thread with the same code.
 *
 * One thread per process: each route's bundle (the playground's, the eval worker's) has its own copy
 * of this module, so the thread and its panes live on globalThis. With a thread per bundle, the first
 * eval run after a start began on a cold thread, loading its modules while its first calls' tokens
 * arrived (bench:ttft).
 */

interface PendingPane {
  callbacks: StreamCallbacks;
  resolve: (outcome: StreamOutcome) => void;
}

interface Host {
  worker: Worker | null;
  pending: Map<number, PendingPane>;
  nextId: number;
}
const shared = globalThis as unknown as { __streamingThreadHost?: Host };
shared.__streamingThreadHost ??= { worker: null, pending: new Map(), nextId: 1 };
const host = shared.__streamingThreadHost;
const pending = host.pending;

function lostOutcome(message: string): StreamOutcome {
  return endedOutcome({
    status: "error",
    fault: { code: "unknown", message, status: null, retryable: false, retryAfterMs: null },
  });
}

function failAll(message: string) {
  for (const [id, pane] of pending) {
    pending.delete(id);
    pane.resolve(lostOutcome(message));
  }
}

function streamingThread(): Worker {
  if (host.worker) return host.worker;
  const started = new Worker(new URL("./stream-worker.ts", import.meta.url));
  started.on("message", (message: PaneMessage) => {
    if (message.kind === "priority") {
      threadStats.priority = { nice: message.nice, raised: message.raised };
      return;
    }
    const pane = pending.get(message.id);
    if (!pane) return;
    if (message.kind === "delta") pane.callbacks.onDelta(message.text);
    else if (message.kind === "retry")
      pane.callbacks.onRetry?.(message.attempt, message.waitMs, message.fault);
    else {
      pending.delete(message.id);
      pane.resolve(message.kind === "outcome" ? message.outcome : lostOutcome(message.message));
    }
  });
  const lost = (reason: string) => {
    if (host.worker === started) {
      host.worker = null;
      threadStats.running = false;
    }
    console.error(`The streaming thread stopped: ${reason}`);
    failAll("The streaming thread stopped while this answer was streaming. Run it again.");
  };
  started.on("error", (error) => lost(error.message));
  started.on("exit", (code) => lost(`exit code ${code}`));
  // A server keeps it alive with its open requests; a script that is done should not wait for it.
  started.unref();
  host.worker = started;
  threadStats.running = true;
  threadStats.threadsStarted += 1;
  return started;
}

/** Starts the streaming thread ahead of the first answer (at server start), where answers use one. */
export function startStreamingThread(): void {
  if (streamsOnThread()) streamingThread();
}

export function streamOnThread(
  request: PaneRequest,
  stopSignal: AbortSignal,
  callbacks: StreamCallbacks,
): Promise<StreamOutcome> {
  if (!streamsOnThread()) return streamPane(request, stopSignal, callbacks);
  if (stopSignal.aborted) return Promise.resolve(endedOutcome({ status: "stopped" }));
  const thread = streamingThread();
  const id = host.nextId++;
  const stop = () => thread.postMessage({ op: "stop", id } satisfies PaneRequestMessage);
  stopSignal.addEventListener("abort", stop, { once: true });
  return new Promise<StreamOutcome>((resolve) => {
    pending.set(id, {
      callbacks,
      resolve: (outcome) => {
        stopSignal.removeEventListener("abort", stop);
        resolve(outcome);
      },
    });
    thread.postMessage({ op: "run", id, request } satisfies PaneRequestMessage);
    threadStats.panesStreamed += 1;
  });
}
