import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  type CountFailure,
  type CountJob,
  type CountReply,
  type CountTask,
  measureText,
  type TextMeasure,
} from "./measure";

/**
 * Counts large texts on a few worker threads, so a long paste never holds up the thread that serves
 * every other request. A count that must end early (the client left, the time budget ran out) is
 * dropped from the queue, or its thread is terminated: counting is synchronous and cannot be told to
 * stop. Small texts are counted inline, where a round trip to a thread would cost more than the count.
 *
 * Not piscina: Next.js emits a worker file into the production build only for the literal
 * `new Worker(new URL("./file.ts", import.meta.url))`, and piscina opens its workers from a filename
 * of its own. The pool is one queue and one thread per count in flight; terminate is the abort.
 */

/** Texts up to this length count inline: under 5 ms, less than posting the text to a thread. */
export const INLINE_MAX_CHARS = 20_000;

interface QueuedCount {
  job: CountJob;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface CountThread {
  worker: Worker;
  running: QueuedCount | null;
}

const threads: CountThread[] = [];
const queue: QueuedCount[] = [];
let nextId = 1;

/**
 * Outside the Next.js build (unit tests, scripts) the worker is TypeScript source, which Node 20 loads
 * only through tsx's loader, registered inside the thread (an `--import tsx` flag does not reach it).
 */
function startWorker(): Worker {
  if (env().NEXT_RUNTIME === "nodejs") return new Worker(new URL("./count-worker.ts", import.meta.url));
  // A plain string: the build rewrites every `new URL("./…", import.meta.url)` it finds.
  const source = JSON.stringify(import.meta.url.replace(/pool\.ts$/, "count-worker.ts"));
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${source}); });`, {
    eval: true,
  });
}

function startThread(): CountThread {
  const thread: CountThread = { worker: startWorker(), running: null };
  thread.worker.on("message", (reply: CountReply) => {
    const count = thread.running;
    if (!count || count.job.id !== reply.id) return;
    thread.running = null;
    if ("value" in reply) count.resolve(reply.value);
    else count.reject(failureToError(reply.error));
    dispatch();
  });
  const lost = (reason: string) => {
    removeThread(thread);
    thread.running?.reject(new Error(`The token-counting thread stopped: ${reason}`));
    thread.running = null;
    dispatch();
  };
  thread.worker.on("error", (error) => lost(error.message));
  thread.worker.on("exit", (code) => lost(`exit code ${code}`));
  // A server keeps running for its requests; a script that is done should not wait for idle threads.
  thread.worker.unref();
  threads.push(thread);
  return thread;
}

/** An AppError raised on the thread (bad JSON, a text too long) reaches the route as the same 4xx. */
function failureToError({ code, message, details }: CountFailure): Error {
  return code ? new AppError(code, message, { details }) : new Error(message);
}

function removeThread(thread: CountThread) {
  const index = threads.indexOf(thread);
  if (index !== -1) threads.splice(index, 1);
}

/**
 * One core stays with the HTTP thread: on 2 cores, two counting threads put /api/health's p99 at
 * 60–163 ms during four 2,000,000-character counts, one thread at 41–127 ms (bench:tokens:load).
 */
function threadLimit(): number {
  return env().TOKEN_COUNT_THREADS ?? Math.max(1, availableParallelism() - 1);
}

function dispatch() {
  while (queue.length > 0) {
    const thread =
      threads.find((candidate) => candidate.running === null) ??
      (threads.length < threadLimit() ? startThread() : null);
    if (!thread) return;
    const count = queue.shift() as QueuedCount;
    thread.running = count;
    thread.worker.postMessage(count.job, count.transfer);
  }
}

/** Drops a count from the queue, or ends the thread that is counting it. */
function cancel(count: QueuedCount, reason: unknown) {
  const queued = queue.indexOf(count);
  if (queued !== -1) queue.splice(queued, 1);
  const thread = threads.find((candidate) => candidate.running === count);
  if (thread) {
    thread.running = null;
    removeThread(thread);
    void thread.worker.terminate();
  }
  count.reject(reason);
  dispatch();
}

/** How many counts are waiting or running on the threads; the tests watch it drop on abort. */
export function countsInFlight(): number {
  return queue.length + threads.filter((thread) => thread.running !== null).length;
}

/**
 * Runs one task on a counting thread; `transfer` hands buffers over without a copy. Rejects with
 * `signal.reason` as soon as `signal` aborts, and stops that work.
 */
export function runOffThread<T>(
  task: CountTask,
  { signal, transfer = [] }: { signal: AbortSignal; transfer?: ArrayBuffer[] },
): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => cancel(count, signal.reason);
    const count: QueuedCount = {
      job: { id: nextId++, task },
      transfer,
      resolve: (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value as T);
      },
      reject: (reason) => {
        signal.removeEventListener("abort", onAbort);
        reject(reason);
      },
    };
    signal.addEventListener("abort", onAbort, { once: true });
    queue.push(count);
    dispatch();
  });
}

/**
 * One measure of `text` (tokens in an encoding, characters or words), off the request thread when
 * the text is large. Rejects with `signal.reason` as soon as `signal` aborts, and stops that work.
 */
export async function measureTextOffThread({
  text,
  measure,
  signal,
}: {
  text: string;
  measure: TextMeasure;
  signal: AbortSignal;
}): Promise<number> {
  signal.throwIfAborted();
  if (text.length <= INLINE_MAX_CHARS) return measureText(text, measure);
  return runOffThread<number>({ kind: "measure", text, measure }, { signal });
}
