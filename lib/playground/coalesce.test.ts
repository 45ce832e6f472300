import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** A fresh copy of the module for each test: its clock is module state. */
async function freshCoalesce() {
  vi.resetModules();
  return await import("./coalesce");
}

describe("coalesceDeltas", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the first delta at once and the ones that follow on the next tick, together", async () => {
    const { coalesceDeltas, DELTA_COALESCE_MS } = await freshCoalesce();
    const sent: string[] = [];
    const deltas = coalesceDeltas((text) => sent.push(text));
    deltas.push("A");
    expect(sent).toEqual(["A"]);
    deltas.push("b");
    deltas.push("c");
    expect(sent).toEqual(["A"]);
    vi.advanceTimersByTime(DELTA_COALESCE_MS - 1);
    expect(sent).toEqual(["A"]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(["A", "bc"]);
    deltas.push("d");
    deltas.flush();
    expect(sent).toEqual(["A", "bc", "d"]);
    // Flushed text is not sent again on the tick, nor is anything else.
    vi.advanceTimersByTime(DELTA_COALESCE_MS * 2);
    expect(sent).toEqual(["A", "bc", "d"]);
    deltas.flush();
    expect(sent).toEqual(["A", "bc", "d"]);
  });

  it("holds every pane's text for one clock: one timer, and their text emitted in the same tick", async () => {
    const { coalesceDeltas, DELTA_COALESCE_MS } = await freshCoalesce();
    const sent: string[] = [];
    const panes = ["x", "y", "z"].map((name) => coalesceDeltas((text) => sent.push(`${name}:${text}`)));
    for (const pane of panes) pane.push("first");
    expect(sent).toEqual(["x:first", "y:first", "z:first"]);
    panes[1]?.push("1");
    vi.advanceTimersByTime(10);
    panes[0]?.push("2");
    panes[2]?.push("3");
    panes[1]?.push("4");
    // Separate timers per pane would be three here.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(DELTA_COALESCE_MS - 10);
    expect(sent.slice(3)).toEqual(["y:14", "x:2", "z:3"]);
    // Nothing held, nothing ticking.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps text pushed while a tick emits, and the others' text when one pane's emit throws", async () => {
    const { coalesceDeltas, DELTA_COALESCE_MS } = await freshCoalesce();
    const sent: string[] = [];
    let echo = true;
    const first = coalesceDeltas((text) => {
      sent.push(`first:${text}`);
      // A push to this same pane while its text is being emitted.
      if (echo && text === "1") first.push("echo");
    });
    const failing = coalesceDeltas((text) => {
      if (text === "boom") throw new Error("reader gone");
      sent.push(`failing:${text}`);
    });
    const last = coalesceDeltas((text) => sent.push(`last:${text}`));
    for (const pane of [first, failing, last]) pane.push("start");
    first.push("1");
    vi.advanceTimersByTime(DELTA_COALESCE_MS);
    echo = false;
    expect(sent.slice(3)).toEqual(["first:1", "first:echo"]);

    failing.push("boom");
    last.push("2");
    expect(() => vi.advanceTimersByTime(DELTA_COALESCE_MS)).toThrow("reader gone");
    // The pane after the one that threw keeps its text, and the clock ticks again for it.
    vi.advanceTimersByTime(DELTA_COALESCE_MS);
    expect(sent.slice(5)).toEqual(["last:2"]);
    last.flush();
    expect(sent.slice(5)).toEqual(["last:2"]);
  });
});
