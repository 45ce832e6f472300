import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("groupCommit", () => {
  it("writes what arrives during a write together in the next one, each getting its own result", async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      await tick();
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((item) => write(item)));
    expect(results).toEqual([10, 20, 30, 40]);
    // The first goes at once; the three that came while it was written share the next write.
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("gathers for gatherMs before the first write, and splits at maxBatch", async () => {
    const batches: number[][] = [];
    const write = groupCommit(
      async (items: number[]) => {
        batches.push(items);
        return items;
      },
      { gatherMs: 5, maxBatch: 2 },
    );
    await Promise.all([1, 2, 3].map((item) => write(item)));
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("writes each item of a failed batch alone, so one bad item fails only itself", async () => {
    const failed: number[] = [];
    const write = groupCommit(
      async (items: number[]) => {
        await tick();
        if (items.includes(13)) throw new Error(`refused ${items.join(",")}`);
        return items;
      },
      { gatherMs: 1, onBatchFailed: (size) => failed.push(size) },
    );
    const outcomes = await Promise.allSettled([12, 13, 14].map((item) => write(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe("refused 13");
    expect(failed).toEqual([3]);
    // It keeps working after a failure.
    expect(await write(15)).toBe(15);
  });

  it("writes a lone write that failed once more, so a commit whose reply was lost is found made", async () => {
    // The database: the first write commits but its reply is lost; written again, the row is found.
    const saved = new Set<number>();
    let replies = 0;
    const write = groupCommit(async (items: number[]) => {
      const found = items.map((item) => saved.has(item));
      for (const item of items) saved.add(item);
      replies += 1;
      if (replies === 1) throw new Error("connection lost after COMMIT");
      return found.map((wasThere) => (wasThere ? "already saved" : "saved"));
    });
    expect(await write(7)).toBe("already saved");
    expect(replies).toBe(2);
    // A write that fails again is refused, once: no endless retries.
    let calls = 0;
    const broken = groupCommit(async () => {
      calls += 1;
      throw new Error("session deleted");
    });
    await expect(broken(1)).rejects.toThrow("session deleted");
    expect(calls).toBe(2);
  });
});
