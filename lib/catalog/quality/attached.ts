import type { CatalogEntry } from "@/lib/catalog/schema";
import type { ModelQuality } from "./read";

/**
 * The quality summaries that came with a loaded list of catalog entries. Pages hand views the
 * catalog's `entries`; the summaries follow that array, so a view ranking the entries (the
 * wizard) reads the same scores the API serves without a second database read.
 */
type Attached = WeakMap<readonly CatalogEntry[], ReadonlyMap<string, ModelQuality>>;
// Held on globalThis like the catalog cache itself: Next.js bundles each route with its own copy of
// this module, and the entries one route loaded are served to every other route.
const shared = globalThis as unknown as { __qualityByEntries?: Attached };
shared.__qualityByEntries ??= new WeakMap();
const attached: Attached = shared.__qualityByEntries;

export function attachQuality(entries: readonly CatalogEntry[], quality: ReadonlyMap<string, ModelQuality>) {
  attached.set(entries, quality);
}

export function qualityAttachedTo(entries: readonly CatalogEntry[]): ReadonlyMap<string, ModelQuality> {
  return attached.get(entries) ?? new Map();
}
