/**
 * The playground's streaming thread. Provider calls run here, off the thread that serves HTTP:
 * reading each chunk through the provider package (SSE parsing, JSON, schema checks) is most of the
 * work of a stream, and doing it here keeps it from queueing in front of other users' first tokens.
 * The thread answers with coalesced deltas, retries and one outcome per pane.
 */
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { createOutbox } from "./outbox";
import type { PaneMessage, PaneRequestMessage } from "./pane-messages";
import { streamPane } from "./stream-model";

const port = parentPort;
if (!port) throw new Error("stream-worker must run as a worker thread");

/**
 * The times the product records are stamped on this thread, so it asks the OS to run it ahead of the
 * HTTP thread's pages and database work (on Linux a nice value is per thread). Raising a priority needs
 * CAP_SYS_NICE (root, or `cap_add: [SYS_NICE]` in a container); without it the thread keeps its default
 * and /api/health says so. At 50 streams on 2 cores this took the playground's recorded − true TTFT
 * p99 from ~250 ms to ~50 ms (bench:ttft).
 */
const STREAM_THREAD_NICE_STEP = 5;
let raised = false;
try {
  // Relative to the server's own nice value, which this thread started with.
  setPriority(getPriority() - STREAM_THREAD_NICE_STEP);
  raised = true;
} catch {
  // Not permitted: the default priority.
}
port.postMessage({ id: 0, kind: "priority", nice: getPriority(), raised } satisfies PaneMessage);

// Node loads fetch's classes and the web streams the provider packages read through on first use;
// loading them now keeps that out of the first answers' time to first token.
void new Response(new ReadableStream<Uint8Array>()).body?.pipeThrough(new TextDecoderStream()).cancel();

const stops = new Map<number, AbortController>();

/** Replies go out in batches (outbox.ts). */
const post = createOutbox((message) => port?.postMessage(message));

async function run(message: Extract<PaneRequestMessage, { op: "run" }>) {
  const stop = new AbortController();
  stops.set(message.id, stop);
  try {
    const outcome = await streamPane(message.request, stop.signal, {
      onDelta: (text) => post({ id: message.id, kind: "delta", text }),
      onRetry: (attempt, waitMs, fault) => post({ id: message.id, kind: "retry", attempt, waitMs, fault }),
    });
    post({ id: message.id, kind: "outcome", outcome });
  } catch (error) {
    post({ id: message.id, kind: "failed", message: (error as Error)?.message ?? String(error) });
  } finally {
    stops.delete(message.id);
  }
}

port.on("message", (message: PaneRequestMessage) => {
  if (message.op === "run") void run(message);
  else stops.get(message.id)?.abort(new DOMException("Stopped", "AbortError"));
});
