import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listCatalogTables, readCatalogMeta } from "@/db/queries/catalog";
import { catalogMeta, offerings, priceObservations } from "@/db/schema";
import { forEachTestDatabase } from "@/db/test-databases";
import { utcDay } from "@/lib/dates";
import type { CatalogSnapshot } from "../schema";
import {
  APPLIED_META_KEY,
  type AppliedSnapshotMeta,
  applySnapshot,
  currentObservation,
  editorialHash,
  ensureBundledCatalog,
} from "./load";
import { loadSnapshot } from "./snapshot";

function later(snapshot: CatalogSnapshot, days: number): CatalogSnapshot {
  const copy = structuredClone(snapshot);
  const date = new Date(Date.parse(snapshot.generatedAt) + days * 86_400_000);
  copy.generatedAt = date.toISOString();
  copy.asOf = utcDay(date.getTime());
  return copy;
}

forEachTestDatabase((getHandle) => {
  const snapshot = loadSnapshot();

  beforeAll(async () => {
    await ensureBundledCatalog(getHandle().db);
  }, 120_000);

  it("loads every offering of the bundled snapshot once", async () => {
    const tables = await listCatalogTables({ db: getHandle().db });
    expect(tables.offerings.length).toBe(snapshot.offerings.length);
    const again = await ensureBundledCatalog(getHandle().db);
    expect(again).toBeNull();
    const after = await listCatalogTables({ db: getHandle().db });
    expect(after.observations.length).toBe(tables.observations.length);
  });

  it("keeps GPT-4o's dated guide prices beside the current package price", async () => {
    const rows = await getHandle()
      .db.select()
      .from(priceObservations)
      .where(eq(priceObservations.offeringId, "openai/gpt-4o"));
    const bySource = rows.map(
      (row) => `${row.source}@${row.effectiveFrom}:${row.inputPerMTok}/${row.outputPerMTok}`,
    );
    expect(bySource.some((text) => /^guide-[\d-]+@2024-11.*:5\.0+\/15\.0+$/.test(text))).toBe(true);
    expect(bySource.some((text) => /^guide-[\d-]+@2026.*:2\.50+\/10\.0+$/.test(text))).toBe(true);
    expect(rows.some((row) => row.source === "genai-prices")).toBe(true);
  });

  it("records a changed price as a new observation and leaves the old one", async () => {
    const { db } = getHandle();
    const next = later(snapshot, 10);
    const target = next.offerings.find((offering) => offering.id === "openai/gpt-4o-mini");
    if (!target?.price) throw new Error("fixture offering missing");
    target.price.inputPerMTok = "0.12";
    const before = await db
      .select()
      .from(priceObservations)
      .where(eq(priceObservations.offeringId, target.id));

    const result = await applySnapshot(db, next, "sync", next.asOf);
    expect(result.changedPrices).toContain(target.id);

    const after = await db
      .select()
      .from(priceObservations)
      .where(eq(priceObservations.offeringId, target.id));
    expect(after.length).toBe(before.length + 1);
    const index = currentObservation(after, next.asOf);
    expect(index).not.toBeNull();
    expect(after[index!]?.inputPerMTok).toMatch(/^0\.120*$/);
    expect(after[index!]?.effectiveFrom).toBe(next.asOf);

    // Re-applying the same data changes nothing.
    const repeat = await applySnapshot(db, next, "sync", next.asOf);
    expect(repeat.observationsAdded).toBe(0);
    expect(repeat.changedPrices).toEqual([]);
  });

  it("marks removed offerings and adds new ones without deleting history", async () => {
    const { db } = getHandle();
    const next = later(snapshot, 20);
    const removed = next.offerings.find((offering) => offering.id === "openai/gpt-4o-mini");
    next.offerings = next.offerings.filter((offering) => offering !== removed);
    const template = next.offerings.find((offering) => offering.id === "openai/gpt-4o");
    if (!template) throw new Error("fixture offering missing");
    next.offerings.push({
      ...structuredClone(template),
      id: "openai/gpt-9-test",
      providerModelId: "gpt-9-test",
      name: "GPT-9 Test",
    });

    const result = await applySnapshot(db, next, "sync", next.asOf);
    expect(result.removedOfferings).toEqual(["openai/gpt-4o-mini"]);
    expect(result.newOfferings).toEqual(["openai/gpt-9-test"]);
    const [row] = await db.select().from(offerings).where(eq(offerings.id, "openai/gpt-4o-mini"));
    expect(row?.removedAt).toBeInstanceOf(Date);
    const history = await db
      .select()
      .from(priceObservations)
      .where(eq(priceObservations.offeringId, "openai/gpt-4o-mini"));
    expect(history.length).toBeGreaterThan(0);
  });

  it("does not roll a synced catalog back to an older bundled snapshot", async () => {
    expect(await ensureBundledCatalog(getHandle().db)).toBeNull();
  });

  it("reloads changed guides after a sync without rolling the synced catalog back", async () => {
    const { db } = getHandle();
    // The guides changed since the catalog was written (an upgrade shipped new guide data).
    await db
      .update(catalogMeta)
      .set({ value: sql`jsonb_set(value, '{editorialHash}', '"earlier"')` })
      .where(eq(catalogMeta.key, APPLIED_META_KEY));
    const before = (await readCatalogMeta({ db, key: APPLIED_META_KEY })) as AppliedSnapshotMeta;

    const result = await ensureBundledCatalog(db);
    expect(result?.reason).toBe("buying guides reloaded");
    // The offering only the sync knows stays; the one the sync removed stays removed.
    expect(result?.removedOfferings).toEqual([]);
    const [added] = await db.select().from(offerings).where(eq(offerings.id, "openai/gpt-9-test"));
    expect(added?.removedAt).toBeNull();
    const [removed] = await db.select().from(offerings).where(eq(offerings.id, "openai/gpt-4o-mini"));
    expect(removed?.removedAt).toBeInstanceOf(Date);
    const after = (await readCatalogMeta({ db, key: APPLIED_META_KEY })) as AppliedSnapshotMeta;
    expect(after.generatedAt).toBe(before.generatedAt);
    expect(after.editorialHash).toBe(editorialHash());
    expect(await ensureBundledCatalog(db)).toBeNull();
  });
});

describe("guide prices reach offerings whose catalog id differs from the guides' id", () => {
  it("links Claude 3.7 Sonnet and Together's Llama 3.3 70B", async () => {
    const { planCatalogWrite, emptyExisting } = await import("./load");
    const plan = planCatalogWrite(loadSnapshot(), emptyExisting(), "bundled");
    const guideRows = plan.observations.filter((row) => row.source.startsWith("guide-"));
    expect(guideRows.some((row) => row.offeringId === "anthropic/claude-3-7-sonnet-latest")).toBe(true);
    const together = guideRows.filter(
      (row) => row.offeringId.startsWith("together/") && /llama-3\.3-70b/i.test(row.offeringId),
    );
    expect(together.length).toBeGreaterThan(0);
    expect(together.every((row) => row.inputPerMTok === "0.18")).toBe(true);
  });
});
