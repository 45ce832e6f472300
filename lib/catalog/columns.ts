import type { CatalogEntry } from "./entry";

/** Columns of the catalog table and sort keys of the API; `value` returns null for unknown. */
export const COLUMN_KEYS = [
  "provider",
  "name",
  "input",
  "output",
  "blended",
  "cached",
  "context",
  "maxOutput",
  "modalities",
  "tools",
  "reasoning",
  "openWeights",
  "released",
  "cutoff",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_LABELS: Record<ColumnKey, string> = {
  provider: "Provider",
  name: "Model",
  input: "Input $/1M",
  output: "Output $/1M",
  blended: "Blended $/1M",
  cached: "Cached input $/1M",
  context: "Context",
  maxOutput: "Max output",
  modalities: "Modalities",
  tools: "Tools",
  reasoning: "Reasoning",
  openWeights: "Open weights",
  released: "Released",
  cutoff: "Knowledge cutoff",
};

/** Columns that cannot be hidden, so a row always says what it is. */
export const FIXED_COLUMNS: readonly ColumnKey[] = ["provider", "name"];

export const DEFAULT_HIDDEN_COLUMNS: readonly ColumnKey[] = ["cutoff"];

type SortValue = number | string | null;

function boolValue(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function priceValue(decimal: string | null): number | null {
  return decimal === null ? null : Number(decimal);
}

/** Sort values; prices become numbers only for ordering, never for arithmetic. */
export function sortValue(entry: CatalogEntry, key: ColumnKey, blended: number | null): SortValue {
  switch (key) {
    case "provider":
      return entry.providerName.toLowerCase();
    case "name":
      return entry.name.toLowerCase();
    case "input":
      return priceValue(entry.inputPerMTok);
    case "output":
      return priceValue(entry.outputPerMTok);
    case "blended":
      return blended;
    case "cached":
      return priceValue(entry.cachedInputPerMTok);
    case "context":
      return entry.contextWindow;
    case "maxOutput":
      return entry.maxOutputTokens;
    case "modalities":
      return entry.modalities.input === null
        ? null
        : entry.modalities.input.length + (entry.modalities.output?.length ?? 0);
    case "tools":
      return boolValue(entry.toolCall);
    case "reasoning":
      return boolValue(entry.reasoning);
    case "openWeights":
      return boolValue(entry.openWeights);
    case "released":
      return entry.releaseDate;
    case "cutoff":
      return entry.knowledgeCutoff;
  }
}
