import { env } from "@/lib/env";

/**
 * Where playground answers stream, and how many the streaming thread has read. Apart from pane-host so
 * that /api/health can report it without loading the provider packages. On globalThis: each route's
 * bundle has its own copy of this module, and health reads what the playground's routes did.
 */
interface ThreadStats {
  panesStreamed: number;
  threadsStarted: number;
  running: boolean;
  /** The streaming thread's nice value, and whether it could be raised above the HTTP thread's. */
  priority: { nice: number; raised: boolean } | null;
}
const shared = globalThis as unknown as { __streamingThread?: ThreadStats };
shared.__streamingThread ??= { panesStreamed: 0, threadsStarted: 0, running: false, priority: null };
export const threadStats = shared.__streamingThread;

/** Only the bundled server has a worker file to start; PLAYGROUND_STREAM_THREAD=off opts out. */
export function streamsOnThread(): boolean {
  const settings = env();
  return settings.NEXT_RUNTIME === "nodejs" && settings.PLAYGROUND_STREAM_THREAD === "on";
}

export interface StreamingReport {
  /** Where playground panes stream: the streaming thread, or the request's own thread. */
  mode: "streaming-thread" | "request-thread";
  running: boolean;
  /** Panes handed to the streaming thread since the server started. */
  panesStreamed: number;
  /** Streaming threads started since the server started: one, unless one stopped and another took over. */
  threadsStarted: number;
  /**
   * Whether the streaming thread runs ahead of the HTTP thread (its nice value lowered, which needs
   * CAP_SYS_NICE); null until a thread has started.
   */
  priority: { nice: number; raised: boolean } | null;
}

export function streamingReport(): StreamingReport {
  return {
    mode: streamsOnThread() ? "streaming-thread" : "request-thread",
    running: threadStats.running,
    panesStreamed: threadStats.panesStreamed,
    threadsStarted: threadStats.threadsStarted,
    priority: threadStats.priority,
  };
}
