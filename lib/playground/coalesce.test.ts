import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesceDeltas, DELTA_COALESCE_MS } from "./coalesce";

describe("coalesceDeltas", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the first delta at once and the ones that follow on the next tick, together", () => {
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
    // Flushed text is not sent again on the tick.
    vi.advanceTimersByTime(DELTA_COALESCE_MS);
    expect(sent.join("")).toBe("Abcd");
  });

  it("holds every pane's text for one clock: one timer, and their text emitted in the same tick", () => {
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
});
