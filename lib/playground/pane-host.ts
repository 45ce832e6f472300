import { Worker } from "node:worker_threads";
import type { PaneMessage, PaneReply, PaneRequestMessage } from "./pane-messages";
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

/** What the host needs of a thread: node's Worker, or a stand-in in tests. */
export interface StreamingThread {
  on(event: "message", listener: (message: PaneMessage) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  postMessage(message: PaneRequestMessage): void;
  unref(): void;
}

interface PendingPane {
  callbacks: StreamCallbacks;
  resolve: (outcome: StreamOutcome) => void;
  /** The thread the pane runs on: only its end fails the pane. */
  thread: StreamingThread;
}

function lostOutcome(message: string): StreamOutcome {
  return endedOutcome({
    status: "error",
    fault: { code: "unknown", message, status: null, retryable: false, retryAfterMs: null },
  });
}

/**
 * Starts the streaming thread when it is first wanted, hands it panes and relays what it says. A thread
 * that stops (it reports an error, then exits) fails its own panes, once; the next pane starts a new
 * thread, whose panes the old thread's late "exit" leaves alone.
 */
export class StreamingThreadHost {
  private thread: StreamingThread | null = null;
  private readonly pending = new Map<number, PendingPane>();
  private nextId = 1;

  constructor(private readonly spawn: () => StreamingThread) {}

  current(): StreamingThread {
    if (this.thread) return this.thread;
    const started = this.spawn();
    started.on("message", (message: PaneMessage) => {
      if (message.kind === "priority") {
        threadStats.priority = { nice: message.nice, raised: message.raised };
        return;
      }
      if (message.kind !== "batch") return this.relay(message);
      // Every reply is relayed even if one pane's callback throws; the first error is thrown after.
      let failure: unknown = null;
      for (const reply of message.messages) {
        try {
          this.relay(reply);
        } catch (error) {
          failure ??= error;
        }
      }
      if (failure !== null) throw failure;
    });
    let stopped = false;
    const lost = (reason: string) => {
      if (stopped) return;
      stopped = true;
      if (this.thread === started) {
        this.thread = null;
        threadStats.running = false;
      }
      console.error(`The streaming thread stopped: ${reason}`);
      for (const [id, pane] of this.pending) {
        if (pane.thread !== started) continue;
        this.pending.delete(id);
        pane.resolve(
          lostOutcome("The streaming thread stopped while this answer was streaming. Run it again."),
        );
      }
    };
    started.on("error", (error) => lost(error.message));
    started.on("exit", (code) => lost(`exit code ${code}`));
    // A server keeps it alive with its open requests; a script that is done should not wait for it.
    started.unref();
    this.thread = started;
    threadStats.running = true;
    threadStats.threadsStarted += 1;
    return started;
  }

  private relay(message: PaneReply) {
    const pane = this.pending.get(message.id);
    if (!pane) return;
    if (message.kind === "delta") pane.callbacks.onDelta(message.text);
    else if (message.kind === "retry")
      pane.callbacks.onRetry?.(message.attempt, message.waitMs, message.fault);
    else {
      this.pending.delete(message.id);
      pane.resolve(message.kind === "outcome" ? message.outcome : lostOutcome(message.message));
    }
  }

  stream(request: PaneRequest, stopSignal: AbortSignal, callbacks: StreamCallbacks): Promise<StreamOutcome> {
    if (stopSignal.aborted) return Promise.resolve(endedOutcome({ status: "stopped" }));
    const thread = this.current();
    const id = this.nextId++;
    const stop = () => thread.postMessage({ op: "stop", id });
    stopSignal.addEventListener("abort", stop, { once: true });
    return new Promise<StreamOutcome>((resolve) => {
      this.pending.set(id, {
        callbacks,
        thread,
        resolve: (outcome) => {
          stopSignal.removeEventListener("abort", stop);
          resolve(outcome);
        },
      });
      thread.postMessage({ op: "run", id, request });
      threadStats.panesStreamed += 1;
    });
  }
}

const shared = globalThis as unknown as { __streamingThreadHost?: StreamingThreadHost };
shared.__streamingThreadHost ??= new StreamingThreadHost(
  () => new Worker(new URL("./stream-worker.ts", import.meta.url)),
);
const host = shared.__streamingThreadHost;

/** Starts the streaming thread ahead of the first answer (at server start), where answers use one. */
export function startStreamingThread(): void {
  if (streamsOnThread()) host.current();
}

export function streamOnThread(
  request: PaneRequest,
  stopSignal: AbortSignal,
  callbacks: StreamCallbacks,
): Promise<StreamOutcome> {
  if (!streamsOnThread()) return streamPane(request, stopSignal, callbacks);
  return host.stream(request, stopSignal, callbacks);
}
