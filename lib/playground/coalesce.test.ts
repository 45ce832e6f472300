import { describe, expect, it, vi } from "vitest";
import { coalesceDeltas } from "./coalesce";

describe("coalesceDeltas", () => {
  it("sends the first delta at once and batches the ones that follow within the window", () => {
    vi.useFakeTimers();
    try {
      const sent: string[] = [];
      const deltas = coalesceDeltas((text) => sent.push(text), 10);
      deltas.push("A");
      expect(sent).toEqual(["A"]);
      deltas.push("b");
      deltas.push("c");
      expect(sent).toEqual(["A"]);
      vi.advanceTimersByTime(10);
      expect(sent).toEqual(["A", "bc"]);
      deltas.push("d");
      deltas.flush();
      expect(sent).toEqual(["A", "bc", "d"]);
      expect(sent.join("")).toBe("Abcd");
    } finally {
      vi.useRealTimers();
    }
  });
});
