import type { Fault } from "./faults";
import type { PaneRequest, StreamOutcome } from "./stream-model";

/** What the HTTP thread and the streaming thread say to each other about one pane. */
export type PaneRequestMessage = { op: "run"; id: number; request: PaneRequest } | { op: "stop"; id: number };

/** One pane's message. */
export type PaneReply =
  | { id: number; kind: "delta"; text: string }
  | { id: number; kind: "retry"; attempt: number; waitMs: number; fault: Fault }
  | { id: number; kind: "outcome"; outcome: StreamOutcome }
  | { id: number; kind: "failed"; message: string };

export type PaneMessage =
  | PaneReply
  /** Several panes' messages, sent together (stream-worker.ts), in the order they were said. */
  | { id: 0; kind: "batch"; messages: PaneReply[] }
  /** Sent once when the thread starts (id 0): the scheduling priority it runs at (nice value). */
  | { id: 0; kind: "priority"; nice: number; raised: boolean };
