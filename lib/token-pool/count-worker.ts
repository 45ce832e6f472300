/**
 * A token-counting thread. Counting is plain synchronous work, so it runs here, off the thread that
 * serves HTTP; the pool stops a count that has to end early by terminating this thread.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors";
import { countTokens, ENCODINGS } from "../tokens";
import { type CountJob, type CountReply, runCountTask } from "./measure";

const port = parentPort;
if (!port) throw new Error("count-worker must run as a worker thread");

// Loading an encoding's table takes a few hundred ms; doing it at start keeps it out of the first count.
const ready = Promise.all(ENCODINGS.map((encoding) => countTokens("warm", encoding)));

port.on("message", async (job: CountJob) => {
  try {
    await ready;
    port.postMessage({ id: job.id, value: await runCountTask(job.task) } satisfies CountReply);
  } catch (error) {
    const failure =
      error instanceof AppError
        ? { message: error.message, code: error.code, details: error.details }
        : { message: (error as Error)?.message ?? String(error) };
    port.postMessage({ id: job.id, error: failure } satisfies CountReply);
  }
});
