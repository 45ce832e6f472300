/**
 * A token-counting thread. Counting is plain synchronous work, so it runs here, off the thread that
 * serves HTTP; the pool stops a count that has to end early by terminating this thread.
 */
import { parentPort } from "node:worker_threads";
import { countTokens, ENCODINGS } from "../tokens";
import { type CountReply, type CountTask, measureText } from "./measure";

const port = parentPort;
if (!port) throw new Error("count-worker must run as a worker thread");

// Loading an encoding's table takes a few hundred ms; doing it at start keeps it out of the first count.
const ready = Promise.all(ENCODINGS.map((encoding) => countTokens("warm", encoding)));

port.on("message", async (task: CountTask) => {
  try {
    await ready;
    port.postMessage({ id: task.id, value: await measureText(task.text, task.measure) } satisfies CountReply);
  } catch (error) {
    port.postMessage({ id: task.id, error: (error as Error)?.message ?? String(error) } satisfies CountReply);
  }
});
