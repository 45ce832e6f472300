/**
 * A token-counting thread. Counting is plain synchronous work, so it runs here, off the thread that
 * serves HTTP, and at a lower priority than that thread; the pool stops a count that has to end early
 * by terminating this thread.
 */
// First: everything after it, loading the encodings included, runs at the lower priority.
import "./lower-priority";
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors";
import { countTokens, ENCODINGS } from "../tokens";
import { type CountJob, type CountReply, runCountTask } from "./measure";

const port = parentPort;
if (!port) throw new Error("count-worker must run as a worker thread");

// Loading an encoding's table takes a few hundred ms; starting it at once keeps it out of the first
// count. A job does not wait for it: parsing and the size check come first, so a text over the limit
// gets its 413 at once even from a thread that is still loading (the count itself waits for its table).
void Promise.all(ENCODINGS.map((encoding) => countTokens("warm", encoding))).catch(() => undefined);

port.on("message", async (job: CountJob) => {
  try {
    port.postMessage({ id: job.id, value: await runCountTask(job.task) } satisfies CountReply);
  } catch (error) {
    const failure =
      error instanceof AppError
        ? { message: error.message, code: error.code, details: error.details }
        : { message: (error as Error)?.message ?? String(error) };
    port.postMessage({ id: job.id, error: failure } satisfies CountReply);
  }
});
