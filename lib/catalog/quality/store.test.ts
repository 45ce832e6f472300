import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { listQualityScoresByModel } from "@/db/queries/quality";
import { catalogMeta, qualityScores } from "@/db/schema";
import { forEachTestDatabase } from "@/db/test-databases";
import { ensureBundledCatalog } from "@/lib/catalog/store/load";
import { applyQualityFile, ensureBundledQuality, loadQualityFile, QUALITY_META_KEY } from "./store";
import type { QualityFile, QualityScore } from "./types";

const score: QualityScore = {
  source: "aider",
  benchmark: "aider-polyglot",
  split: "polyglot-225",
  modelTested: "gpt-4o-2024-08-06",
  setting: null,
  value: "23.1",
  unit: "percent",
  ciLow: null,
  ciHigh: null,
  sampleSize: 225,
  details: { editFormat: "diff" },
  sourceDate: "2024-12-21",
  url: "https://aider.chat/docs/leaderboards/",
};

function file(scores: QualityScore[], generatedAt: string): QualityFile {
  return { generatedAt, sources: loadQualityFile().sources, scores };
}

forEachTestDatabase((getHandle) => {
  beforeAll(async () => {
    await ensureBundledCatalog(getHandle().db);
  }, 120_000);

  it("loads the committed scores with the catalog, once", async () => {
    const db = getHandle().db;
    const rows = await listQualityScoresByModel({ db, modelId: "claude-3.7-sonnet" });
    expect(rows.map((row) => `${row.source}:${row.modelTested}`)).toContain(
      "aider:claude-3-7-sonnet-20250219 (32k thinking tokens)",
    );
    // The name's ":thinking" and the board's own reasoning column are both kept.
    const thinking = rows.find(
      (row) => row.modelTested === "anthropic/claude-3.7-sonnet:thinking@reasoning=default",
    );
    expect(thinking?.setting).toBe("thinking default");
    expect(await ensureBundledQuality(db)).toBeNull();
  });

  it("matches the committed scores again when the alias table changes, adding only what is new", async () => {
    const db = getHandle().db;
    // As an earlier version left it: the same file, loaded with other matching tables.
    await db
      .update(catalogMeta)
      .set({ value: sql`jsonb_set(value, '{matching}', '"earlier"')` })
      .where(eq(catalogMeta.key, QUALITY_META_KEY));
    // ...and with the setting an earlier rule read from a name.
    const thinkingRow = sql`${qualityScores.modelTested} = 'anthropic/claude-3.7-sonnet:thinking@reasoning=default'`;
    await db.update(qualityScores).set({ setting: "default" }).where(thinkingRow);
    const again = await ensureBundledQuality(db);
    expect(again?.added).toBe(0);
    const reread = await db.select().from(qualityScores).where(thinkingRow);
    expect(reread.length).toBeGreaterThan(0);
    expect(reread.map((row) => row.setting)).toEqual(reread.map(() => "thinking default"));
    expect(await ensureBundledQuality(db)).toBeNull();
  });

  it("appends a changed score as a new row and never duplicates an unchanged one", async () => {
    const db = getHandle().db;
    const modelTested = "gpt-4o-2024-08-06 (fixture run)";
    const first = await applyQualityFile(db, file([{ ...score, modelTested }], "2030-01-01T00:00:00.000Z"));
    expect(first.added).toBe(1);
    const same = await applyQualityFile(
      db,
      file([{ ...score, modelTested, sourceDate: "2025-01-05" }], "2030-01-02T00:00:00.000Z"),
    );
    expect(same.added).toBe(0);
    const changed = await applyQualityFile(
      db,
      file([{ ...score, modelTested, value: "27.1" }], "2030-01-03T00:00:00.000Z"),
    );
    expect(changed.added).toBe(1);
    const rows = await db
      .select()
      .from(qualityScores)
      .where(eq(qualityScores.modelTested, modelTested))
      .orderBy(qualityScores.id);
    expect(rows.map((row) => [row.modelId, row.value, row.setting])).toEqual([
      ["gpt-4o", "23.1000", "fixture run"],
      ["gpt-4o", "27.1000", "fixture run"],
    ]);
  });

  it("lists a name that matches no model and stores nothing for it", async () => {
    const result = await applyQualityFile(
      getHandle().db,
      file([{ ...score, modelTested: "yi-lightning" }], "2030-01-04T00:00:00.000Z"),
    );
    expect(result).toMatchObject({ scores: 0, added: 0, unmatched: ["aider: yi-lightning"] });
  });
});
