import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { forEachTestDatabase } from "@/db/test-databases";
import { APPLIED_META_KEY, applySnapshot, ensureBundledCatalog } from "./load";
import { loadSnapshot } from "./snapshot";

const SYNC_ONLY = "openai/gpt-4o-sync-only";

/**
 * A database written before the guides were named by date holds their rows under "seed-000…002".
 * Migration 0008 and the next load must leave each guide's rows once, under its new name.
 */
const OLD_NAMES: Record<string, string> = {
  "guide-2026-01": "seed-000",
  "guide-2026-04": "seed-001",
  "guide-2024-11": "seed-002",
};

const counts = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((row) => [String(row.source), Number(row.count)]));

forEachTestDatabase((getHandle) => {
  const db = () => getHandle().db;
  // PGlite answers { rows }, postgres.js the rows themselves.
  const rowsOf = async (query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> => {
    const result = (await db().execute(query)) as unknown as
      | { rows: Record<string, unknown>[] }
      | Record<string, unknown>[];
    return Array.isArray(result) ? result : result.rows;
  };
  const observationCounts = async () =>
    counts(
      await rowsOf(
        sql`select source, count(*) as count from price_observations where source like 'seed-%' or source like 'guide-%' group by source`,
      ),
    );

  beforeAll(async () => {
    await ensureBundledCatalog(db());
    // A sync then adds an offering of a model the guides price (GPT-4o at OpenAI): the sync gives it
    // the guides' prices too, and after the rename they must come back for it as well.
    const synced = structuredClone(loadSnapshot());
    synced.generatedAt = new Date(Date.parse(synced.generatedAt) + 86_400_000).toISOString();
    const template = synced.offerings.find((offering) => offering.id === "openai/gpt-4o");
    if (!template) throw new Error("fixture offering missing");
    synced.offerings.push({
      ...structuredClone(template),
      id: SYNC_ONLY,
      providerModelId: "gpt-4o-sync-only",
    });
    await applySnapshot(db(), synced, "sync");
  }, 120_000);

  it("renames the guides' rows once: old rows go, the next load writes them under the new names", async () => {
    const current = await observationCounts();
    expect(Object.keys(current).sort()).toEqual(["guide-2024-11", "guide-2026-01", "guide-2026-04"]);
    const syncOnlyGuideRows = async () =>
      Number(
        (
          await rowsOf(
            sql`select count(*) as count from price_observations where offering_id = ${SYNC_ONLY} and source like 'guide-%'`,
          )
        )[0]?.count,
      );
    const syncOnlyBefore = await syncOnlyGuideRows();
    expect(syncOnlyBefore).toBeGreaterThan(0);

    // The database as an earlier version left it: the same rows under the old names, and the
    // applied catalog's record of the guides' facts from then.
    for (const [name, old] of Object.entries(OLD_NAMES)) {
      await db().execute(sql`update price_observations set source = ${old} where source = ${name}`);
      await db().execute(
        sql`update editorial_facts set source = ${old}, id = ${`${old}:`} || id where source = ${name}`,
      );
      await db().execute(
        sql`update quality_scores set details = jsonb_set(details, '{citation}', to_jsonb(${old}::text)) where source = 'buying-guides' and details->>'citation' = ${name}`,
      );
    }
    await db().execute(
      sql`update catalog_meta set value = jsonb_set(value, '{editorialHash}', '"earlier"') where key = ${APPLIED_META_KEY}`,
    );

    const migration = readFileSync(path.join(MIGRATIONS_FOLDER, "0008_guide_ids.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint"))
      await db().execute(sql.raw(statement));
    await ensureBundledCatalog(db());

    expect(await observationCounts()).toEqual(current);
    expect(await syncOnlyGuideRows()).toBe(syncOnlyBefore);
    const leftovers = await rowsOf(
      sql`select count(*) as count from editorial_facts where source like 'seed-%' or id like 'seed-%'`,
    );
    expect(Number(leftovers[0]?.count)).toBe(0);
    const citations = await rowsOf(
      sql`select distinct details->>'citation' as citation from quality_scores where source = 'buying-guides'`,
    );
    expect(citations.map((row) => row.citation)).toEqual(["guide-2024-11"]);
  }, 120_000);
});
