import type { CatalogEntry } from "@/lib/catalog/entry";
import { toCatalogEntry } from "@/lib/catalog/entry";
import { loadSnapshot } from "@/lib/catalog/snapshot";
import type { CatalogOffering } from "@/lib/catalog/types";
import type { PricedCatalog } from "./estimate";

/** Test catalogs for the calculator's unit tests: hand-made offerings and the committed snapshot. */

export function catalogOf(offerings: CatalogOffering[], asOf = "2026-01-01"): PricedCatalog {
  const entries: CatalogEntry[] = offerings.map((offering) =>
    toCatalogEntry(offering, undefined, offering.price, { source: "genai-prices", asOf }),
  );
  return {
    asOf,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    prices: new Map(offerings.map((offering) => [offering.id, offering.price])),
  };
}

let snapshotCatalogCache: PricedCatalog | null = null;

/** The committed catalog snapshot (about 2,100 offerings) without a database. */
export function snapshotCatalog(): PricedCatalog {
  if (!snapshotCatalogCache) {
    const snapshot = loadSnapshot();
    snapshotCatalogCache = catalogOf(snapshot.offerings, snapshot.asOf);
  }
  return snapshotCatalogCache;
}
