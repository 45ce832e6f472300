import { describe, expect, it } from "vitest";
import { fixtureTableQuality } from "../../test-fixtures";
import type { TableQuality } from "./scores";
import { findDisagreements, standingsByModel } from "./standing";

describe("standingsByModel", () => {
  it("ranks best first, shares a rank between equal scores and leaves unscored models out", () => {
    const map = new Map([
      ["a", fixtureTableQuality(null, { aider: 80 })],
      ["b", fixtureTableQuality(null, { aider: 60 })],
      ["c", fixtureTableQuality(null, { aider: 80 })],
      ["d", fixtureTableQuality(null, { arena: 1300 })],
    ]);
    const standings = standingsByModel(map);
    expect(standings.get("a")).toEqual([{ key: "aider", value: 80, rank: 1, of: 3, percentile: 50 }]);
    expect(standings.get("c")?.[0]?.rank).toBe(1);
    expect(standings.get("b")).toEqual([{ key: "aider", value: 60, rank: 3, of: 3, percentile: 0 }]);
    expect(standings.get("d")?.map((standing) => standing.key)).toEqual(["arena"]);
  });
});

describe("findDisagreements", () => {
  const models = new Map<string, TableQuality>();
  // "star" leads the arena and sits near the bottom of aider; ten others fill both boards.
  models.set("star", fixtureTableQuality(null, { arena: 1500, aider: 10 }));
  for (let i = 0; i < 10; i++)
    models.set(`m${i}`, fixtureTableQuality(null, { arena: 1200 + i, aider: 20 + i }));
  const standings = standingsByModel(models);

  it("notes a model one source ranks in its top 10% and another in its bottom half", () => {
    const found = findDisagreements(standings.get("star") ?? []);
    expect(found).toHaveLength(1);
    expect(found[0]?.text).toBe(
      "LMArena ranks it #1 of 11 (top 1%), but Aider polyglot ranks it #11 of 11 (bottom half).",
    );
  });

  it("says nothing when the sources agree", () => {
    expect(findDisagreements(standings.get("m9") ?? [])).toEqual([]);
  });

  it("ignores benchmarks with too few scored models to rank against", () => {
    const small = standingsByModel(
      new Map([
        ["x", fixtureTableQuality(null, { arena: 1500, aider: 10 })],
        ["y", fixtureTableQuality(null, { arena: 1000, aider: 90 })],
      ]),
    );
    expect(findDisagreements(small.get("x") ?? [])).toEqual([]);
  });
});
