import type { CatalogEntry } from "@/lib/catalog/entry";
import type { ModelQuality } from "./read";

/**
 * The quality summaries that came with a loaded list of catalog entries. Pages hand views the
 * catalog's `entries`; the summaries follow that array, so a view ranking the entries (the
 * wizard) reads the same scores the API serves without a second database read.
 */
const attached = new WeakMap<readonly CatalogEntry[], ReadonlyMap<string, ModelQuality>>();

export function attachQuality(entries: readonly CatalogEntry[], quality: ReadonlyMap<string, ModelQuality>) {
  attached.set(entries, quality);
}

export function qualityAttachedTo(entries: readonly CatalogEntry[]): ReadonlyMap<string, ModelQuality> {
  return attached.get(entries) ?? new Map();
}
