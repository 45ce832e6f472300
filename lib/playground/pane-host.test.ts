import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type StreamingThread, StreamingThreadHost } from "./pane-host";
import type { PaneMessage, PaneRequestMessage } from "./pane-messages";
import { endedOutcome, type PaneRequest } from "./stream-model";
import { threadStats } from "./streaming-report";

/** A thread that records what it is sent and says what the test makes it say. */
class FakeThread extends EventEmitter implements StreamingThread {
  readonly sent: PaneRequestMessage[] = [];
  postMessage(message: PaneRequestMessage) {
    this.sent.push(message);
  }
  unref() {}
  say(message: PaneMessage) {
    this.emit("message", message);
  }
  /** The run message of the n-th pane sent here. */
  paneId(index = 0): number {
    const runs = this.sent.filter((message) => message.op === "run");
    return (runs[index] as PaneRequestMessage).id;
  }
}

const REQUEST: PaneRequest = { modelId: "openai/gpt-4o-mini", settings: { messages: [] } };

function hostWithThreads() {
  const threads: FakeThread[] = [];
  const host = new StreamingThreadHost(() => {
    const thread = new FakeThread();
    threads.push(thread);
    return thread;
  });
  return { host, threads };
}

describe("StreamingThreadHost", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("relays a pane's deltas and resolves with its outcome, on one thread for every pane", async () => {
    const { host, threads } = hostWithThreads();
    const deltas: string[] = [];
    const first = host.stream(REQUEST, new AbortController().signal, {
      onDelta: (text) => deltas.push(text),
    });
    const second = host.stream(REQUEST, new AbortController().signal, { onDelta: () => {} });
    expect(threads).toHaveLength(1);
    const thread = threads[0] as FakeThread;
    thread.say({ id: thread.paneId(0), kind: "delta", text: "Hel" });
    thread.say({ id: thread.paneId(0), kind: "delta", text: "lo" });
    thread.say({
      id: thread.paneId(0),
      kind: "outcome",
      outcome: endedOutcome({ status: "ok", output: "Hello" }),
    });
    thread.say({ id: thread.paneId(1), kind: "failed", message: "boom" });
    expect(deltas).toEqual(["Hel", "lo"]);
    expect((await first).output).toBe("Hello");
    expect((await second).fault?.message).toBe("boom");
  });

  it("relays a batch of several panes' messages in the order they were said", async () => {
    const { host, threads } = hostWithThreads();
    const said: string[] = [];
    const first = host.stream(REQUEST, new AbortController().signal, {
      onDelta: (text) => said.push(`first ${text}`),
    });
    const second = host.stream(REQUEST, new AbortController().signal, {
      onDelta: (text) => said.push(`second ${text}`),
    });
    void first.then((outcome) => said.push(`first ended: ${outcome.output}`));
    const thread = threads[0] as FakeThread;
    const [one, two] = [thread.paneId(0), thread.paneId(1)];
    thread.say({
      id: 0,
      kind: "batch",
      messages: [
        { id: two, kind: "delta", text: "b1" },
        { id: one, kind: "delta", text: "a1" },
        { id: one, kind: "outcome", outcome: endedOutcome({ status: "ok", output: "a1" }) },
        { id: two, kind: "delta", text: "b2" },
      ],
    });
    await first;
    expect(said).toEqual(["second b1", "first a1", "second b2", "first ended: a1"]);
    thread.say({ id: two, kind: "outcome", outcome: endedOutcome({ status: "ok", output: "b1b2" }) });
    expect((await second).output).toBe("b1b2");
  });

  it("relays the rest of a batch when one pane's callback throws, then throws its error", async () => {
    const { host, threads } = hostWithThreads();
    void host.stream(REQUEST, new AbortController().signal, {
      onDelta: () => {
        throw new Error("reader gone");
      },
    });
    const other = host.stream(REQUEST, new AbortController().signal, { onDelta: () => {} });
    const thread = threads[0] as FakeThread;
    expect(() =>
      thread.say({
        id: 0,
        kind: "batch",
        messages: [
          { id: thread.paneId(0), kind: "delta", text: "x" },
          { id: thread.paneId(1), kind: "outcome", outcome: endedOutcome({ status: "ok", output: "y" }) },
        ],
      }),
    ).toThrow("reader gone");
    expect((await other).output).toBe("y");
  });

  it("tells the thread to stop a pane whose signal aborts", () => {
    const { host, threads } = hostWithThreads();
    const stop = new AbortController();
    void host.stream(REQUEST, stop.signal, { onDelta: () => {} });
    stop.abort();
    const thread = threads[0] as FakeThread;
    expect(thread.sent.at(-1)).toEqual({ op: "stop", id: thread.paneId(0) });
  });

  it("fails a stopped thread's panes once, and its late exit leaves the next thread's panes alone", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { host, threads } = hostWithThreads();
    const old = host.stream(REQUEST, new AbortController().signal, { onDelta: () => {} });
    const dying = threads[0] as FakeThread;
    dying.emit("error", new Error("out of memory"));
    expect((await old).status).toBe("error");
    expect((await old).fault?.message).toMatch(/streaming thread stopped/);
    expect(threadStats.running).toBe(false);

    // A pane that starts between the error and the exit runs on a new thread.
    const next = host.stream(REQUEST, new AbortController().signal, { onDelta: () => {} });
    expect(threads).toHaveLength(2);
    dying.emit("exit", 1);
    const replacement = threads[1] as FakeThread;
    expect(threadStats.running).toBe(true);
    let settled = false;
    void next.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    replacement.say({
      id: replacement.paneId(0),
      kind: "outcome",
      outcome: endedOutcome({ status: "ok", output: "fine" }),
    });
    expect((await next).output).toBe("fine");
    // The stop was reported once, not once for the error and again for the exit.
    expect(console.error).toHaveBeenCalledTimes(1);
  });
});
