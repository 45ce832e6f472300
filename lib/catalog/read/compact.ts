import { type CatalogEntry, catalogEntrySchema } from "../schema";

/**
 * The catalog table ships every entry to the browser. Sent as rows of values under one list of
 * keys, the page payload is far smaller than the same entries as objects with repeated keys.
 */
const KEYS = catalogEntrySchema.keyof().options;

export type PackedEntries = { keys: readonly string[]; rows: unknown[][] };

export function packEntries(entries: readonly CatalogEntry[]): PackedEntries {
  return { keys: KEYS, rows: entries.map((entry) => KEYS.map((key) => entry[key])) };
}

export function unpackEntries(packed: PackedEntries): CatalogEntry[] {
  return packed.rows.map(
    (row) =>
      Object.fromEntries(packed.keys.map((key, index) => [key, row[index]])) as unknown as CatalogEntry,
  );
}
