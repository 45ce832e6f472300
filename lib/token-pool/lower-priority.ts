/**
 * Lowers the priority of the thread that imports it, so that when cores are scarce the scheduler
 * serves the HTTP thread first and a long count takes what is left. On Linux the nice value belongs
 * to each thread, and a thread may lower its own without privileges: `/proc/thread-self` names this
 * thread's id, which `setPriority` takes in place of a process id. Elsewhere this does nothing, and
 * counting runs at the server's own priority.
 *
 * Imported first by the counting thread, so loading the encodings already runs at the lower priority.
 */
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";

try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_LOW);
} catch {
  // No /proc (macOS, Windows) or a sandbox that forbids it: count at normal priority.
}
