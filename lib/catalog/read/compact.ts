import type { CatalogEntry } from "./entry";

/**
 * The catalog table ships every entry to the browser. Sent as rows of values under one list of
 * keys, the page payload is far smaller than the same entries as objects with repeated keys.
 */
const KEYS = [
  "id",
  "provider",
  "providerName",
  "model",
  "modelId",
  "name",
  "inputPerMTok",
  "outputPerMTok",
  "cachedInputPerMTok",
  "cacheWritePerMTok",
  "tiered",
  "timeOfDayPricing",
  "contextWindow",
  "maxOutputTokens",
  "modalities",
  "toolCall",
  "reasoning",
  "structuredOutput",
  "openWeights",
  "releaseDate",
  "knowledgeCutoff",
  "deprecated",
  "priceSource",
  "priceAsOf",
] as const satisfies readonly (keyof CatalogEntry)[];

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
