import { describe, expect, it } from "vitest";
import type { TableQuality } from "../quality/views/scores";
import { fixtureOffering, fixturePrice, fixtureTableQuality } from "../test-fixtures";
import { toCatalogEntry } from "./entry";
import {
  applyCatalogQuery,
  DEFAULT_QUERY,
  parseCatalogQuery,
  prepareEntries,
  searchParamsToRaw,
  serializeCatalogQuery,
} from "./query";

const parse = (search: string) =>
  parseCatalogQuery(searchParamsToRaw(new URLSearchParams(search)), new Set(["test"]));

describe("quality in the catalog query", () => {
  it("round-trips the quality filters, opt-in columns and a best-first sort through the URL", () => {
    const search =
      "show=arena%2Caider&minQuality=55.5&minScore=arena%3A1300&minScore=aider%3A40&sort=quality";
    const query = parse(search);
    expect(query).toMatchObject({
      minQuality: 55.5,
      minScores: { arena: 1300, aider: 40 },
      shown: ["arena", "aider"],
      sort: "quality",
      dir: "desc",
    });
    const { format: _format, ...state } = query;
    expect(parse(serializeCatalogQuery(state))).toEqual(query);
    expect(serializeCatalogQuery({ ...state, dir: "asc" })).toContain("dir=asc");
    expect(serializeCatalogQuery(state)).not.toContain("dir=");
  });

  it("keeps a price column's first sort cheapest first", () => {
    expect(parse("sort=blended").dir).toBe("asc");
  });

  const entries = ["test/a", "test/b", "test/c", "test/d"].map((id) =>
    toCatalogEntry(fixtureOffering(id), undefined, fixturePrice({ inputPerMTok: "1", outputPerMTok: "2" }), {
      source: "genai-prices",
      asOf: "2026-11-01",
    }),
  );
  const byModel: Record<string, TableQuality> = {
    a: fixtureTableQuality(80, { arena: 1250 }),
    b: fixtureTableQuality(null, { arena: 1400 }),
    c: fixtureTableQuality(40),
  };
  const prepared = prepareEntries(entries, (modelId) => byModel[modelId] ?? null);
  const ids = (query: Partial<typeof DEFAULT_QUERY>) =>
    applyCatalogQuery(prepared, { ...DEFAULT_QUERY, ...query }).map((row) => row.entry.id);

  it("never lets an unknown index or score pass a minimum, even a minimum of 0", () => {
    expect(ids({ minQuality: 0 })).toEqual(["test/a", "test/c"]);
    expect(ids({ minScores: { arena: 1300 } })).toEqual(["test/b"]);
    expect(ids({ minScores: { arena: 0 } })).toEqual(["test/a", "test/b"]);
  });

  it("sorts unknown scores last in both directions", () => {
    expect(ids({ sort: "quality", dir: "desc" })).toEqual(["test/a", "test/c", "test/b", "test/d"]);
    expect(ids({ sort: "quality", dir: "asc" })).toEqual(["test/c", "test/a", "test/b", "test/d"]);
    expect(ids({ sort: "arena", dir: "asc" })).toEqual(["test/a", "test/b", "test/c", "test/d"]);
    expect(ids({ sort: "arena", dir: "desc" })).toEqual(["test/b", "test/a", "test/c", "test/d"]);
  });
});
