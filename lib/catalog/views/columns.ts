import {
  qualityValue,
  SCORE_DEFINITIONS,
  SCORE_KEYS,
  type ScoreKey,
  type TableQuality,
} from "../quality/views/scores";
import type { CatalogEntry } from "../schema";

/** Columns of the catalog table and sort keys of the API; `value` returns null for unknown. */
export const COLUMN_KEYS = [
  "provider",
  "name",
  "input",
  "output",
  "blended",
  "quality",
  ...SCORE_KEYS,
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
  quality: "Quality index",
  ...(Object.fromEntries(SCORE_KEYS.map((key) => [key, SCORE_DEFINITIONS[key].short])) as Record<
    ScoreKey,
    string
  >),
};

/** Columns that cannot be hidden, so a row always says what it is. */
export const FIXED_COLUMNS: readonly ColumnKey[] = ["provider", "name"];

export const DEFAULT_HIDDEN_COLUMNS: readonly ColumnKey[] = ["cutoff"];

/**
 * Per-source score columns appear only when picked (`show=arena,aider`), so links made before they
 * existed, whose `hide` list does not name them, open without them.
 */
export const OPT_IN_COLUMNS: readonly ColumnKey[] = SCORE_KEYS;

/** Quality columns sort best first on the first click and in the API when no `dir` is given. */
export function defaultSortDir(key: ColumnKey): "asc" | "desc" {
  return key === "quality" || (SCORE_KEYS as readonly string[]).includes(key) ? "desc" : "asc";
}

export function visibleColumns(hidden: readonly ColumnKey[], shown: readonly ColumnKey[]): ColumnKey[] {
  return COLUMN_KEYS.filter((key) =>
    OPT_IN_COLUMNS.includes(key) ? shown.includes(key) : !hidden.includes(key),
  );
}

type SortValue = number | string | null;

function boolValue(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function priceValue(decimal: string | null): number | null {
  return decimal === null ? null : Number(decimal);
}

/** Sort values; prices become numbers only for ordering, never for arithmetic. */
export function sortValue(
  row: { entry: CatalogEntry; blendedForSort: number | null; quality: TableQuality | null },
  key: ColumnKey,
): SortValue {
  const { entry } = row;
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
      return row.blendedForSort;
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
    default:
      return qualityValue(row.quality, key);
  }
}
