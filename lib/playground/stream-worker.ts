/**
 * The playground's streaming thread. Provider calls run here, off the thread that serves HTTP:
 * reading each chunk through the provider package (SSE parsing, JSON, schema checks) is most of the
 * work of a stream, and doing it here keeps it from queueing in front of other users' first tokens.
 * The thread answers with coalesced deltas, retries and one outcome per pane.
 */
import { parentPort } from "node:worker_threads";
import type { PaneMessage, PaneRequestMessage } from "./pane-messages";
import { streamPane } from "./stream-model";

const port = parentPort;
if (!port) throw new Error("stream-worker must run as a worker thread");

const stops = new Map<number, AbortController>();

async function run(message: Extract<PaneRequestMessage, { op: "run" }>) {
  const stop = new AbortController();
  stops.set(message.id, stop);
  const post = (reply: PaneMessage) => port?.postMessage(reply);
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
