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
 */

interface PendingPane {
  callbacks: StreamCallbacks;
  resolve: (outcome: StreamOutcome) => void;
}

const pending = new Map<number, PendingPane>();
let worker: Worker | null = null;
let nextId = 1;

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
  if (worker) return worker;
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
    if (worker === started) {
      worker = null;
      threadStats.running = false;
    }
    console.error(`The streaming thread stopped: ${reason}`);
    failAll("The streaming thread stopped while this answer was streaming. Run it again.");
  };
  started.on("error", (error) => lost(error.message));
  started.on("exit", (code) => lost(`exit code ${code}`));
  // A server keeps it alive with its open requests; a script that is done should not wait for it.
  started.unref();
  worker = started;
  threadStats.running = true;
  return started;
}

export function streamOnThread(
  request: PaneRequest,
  stopSignal: AbortSignal,
  callbacks: StreamCallbacks,
): Promise<StreamOutcome> {
  if (!streamsOnThread()) return streamPane(request, stopSignal, callbacks);
  if (stopSignal.aborted) return Promise.resolve(endedOutcome({ status: "stopped" }));
  const thread = streamingThread();
  const id = nextId++;
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
