import type { CatalogOffering } from "@/lib/catalog/schema";
import { loadSnapshot } from "@/lib/catalog/store/snapshot";
import { fixtureCatalog } from "@/lib/catalog/test-fixtures";
import type { PricedCatalog } from "./estimate";

/** Test catalogs for the calculator's unit tests: hand-made offerings and the committed snapshot. */

export function catalogOf(offerings: CatalogOffering[], asOf = "2026-01-01"): PricedCatalog {
  return fixtureCatalog(
    offerings.map((offering) => [offering, offering.price]),
    asOf,
  );
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
