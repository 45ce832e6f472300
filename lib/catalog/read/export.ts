import { z } from "zod";
import { csvCell } from "@/lib/csv";
import { qualityValue, SCORE_KEYS, type TableQuality } from "../quality/views/scores";
import { type CatalogEntry, catalogEntrySchema } from "../schema";
import { blendedDecimal } from "./query";

const usdPerMTok = z.number().nonnegative().nullable();

/**
 * The public shape of a catalog row (GET /api/models and the JSON export): the row's schema with
 * prices as numbers in USD per million tokens, written from the exact decimal strings; unknown is null.
 */
export const apiModelSchema = catalogEntrySchema
  .omit({
    modelId: true,
    inputPerMTok: true,
    outputPerMTok: true,
    cachedInputPerMTok: true,
    cacheWritePerMTok: true,
    tiered: true,
    timeOfDayPricing: true,
  })
  .extend({
    canonicalModel: z.string().min(1),
    inputPerMTok: usdPerMTok,
    outputPerMTok: usdPerMTok,
    blendedPerMTok: usdPerMTok,
    cachedInputPerMTok: usdPerMTok,
    cacheWritePerMTok: usdPerMTok,
    tieredPricing: z.boolean(),
  });
export type ApiModel = z.infer<typeof apiModelSchema>;

const num = (decimal: string | null) => (decimal === null ? null : Number(decimal));

export function toApiModel(entry: CatalogEntry, ratio: [number, number]): ApiModel {
  return {
    id: entry.id,
    provider: entry.provider,
    providerName: entry.providerName,
    model: entry.model,
    canonicalModel: entry.modelId,
    name: entry.name,
    inputPerMTok: num(entry.inputPerMTok),
    outputPerMTok: num(entry.outputPerMTok),
    blendedPerMTok: num(blendedDecimal(entry, ratio)),
    cachedInputPerMTok: num(entry.cachedInputPerMTok),
    cacheWritePerMTok: num(entry.cacheWritePerMTok),
    tieredPricing: entry.tiered,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    modalities: entry.modalities,
    toolCall: entry.toolCall,
    reasoning: entry.reasoning,
    structuredOutput: entry.structuredOutput,
    openWeights: entry.openWeights,
    releaseDate: entry.releaseDate,
    knowledgeCutoff: entry.knowledgeCutoff,
    deprecated: entry.deprecated,
    priceSource: entry.priceSource,
    priceAsOf: entry.priceAsOf,
  };
}

const CSV_COLUMNS: [
  string,
  (entry: CatalogEntry, ratio: [number, number]) => string | number | boolean | null,
][] = [
  ["id", (entry) => entry.id],
  ["provider", (entry) => entry.provider],
  ["model", (entry) => entry.model],
  ["name", (entry) => entry.name],
  ["input_usd_per_mtok", (entry) => entry.inputPerMTok],
  ["output_usd_per_mtok", (entry) => entry.outputPerMTok],
  ["blended_usd_per_mtok", (entry, ratio) => blendedDecimal(entry, ratio)],
  ["cached_input_usd_per_mtok", (entry) => entry.cachedInputPerMTok],
  ["tiered_pricing", (entry) => entry.tiered],
  ["context_window_tokens", (entry) => entry.contextWindow],
  ["max_output_tokens", (entry) => entry.maxOutputTokens],
  ["input_modalities", (entry) => entry.modalities.input?.join(" ") ?? null],
  ["output_modalities", (entry) => entry.modalities.output?.join(" ") ?? null],
  ["tool_call", (entry) => entry.toolCall],
  ["reasoning", (entry) => entry.reasoning],
  ["open_weights", (entry) => entry.openWeights],
  ["release_date", (entry) => entry.releaseDate],
  ["knowledge_cutoff", (entry) => entry.knowledgeCutoff],
  ["deprecated", (entry) => entry.deprecated],
  ["price_source", (entry) => entry.priceSource],
  ["price_as_of", (entry) => entry.priceAsOf],
];

/** Quality after the catalog's own columns: the index, the sources it rests on, then one column per score. */
const QUALITY_CSV_COLUMNS: [string, (quality: TableQuality | null) => string | number | null][] = [
  ["quality_index", (quality) => quality?.index ?? null],
  ["quality_index_sources", (quality) => (quality?.index == null ? null : quality.indexSources.join(" "))],
  ...SCORE_KEYS.map(
    (key) =>
      [`score_${key}`, (quality: TableQuality | null) => qualityValue(quality, key)] as [
        string,
        (quality: TableQuality | null) => number | null,
      ],
  ),
];

/** CSV of catalog rows; unknown values are empty cells, never 0. Prices are exact decimals. */
export function toCsv(
  rows: readonly { entry: CatalogEntry; quality: TableQuality | null }[],
  ratio: [number, number],
): string {
  const names = [...CSV_COLUMNS, ...QUALITY_CSV_COLUMNS].map(([name]) => name);
  const header = `${names.join(",")}\n`;
  const lines = rows.map(({ entry, quality }) =>
    [
      ...CSV_COLUMNS.map(([, read]) => csvCell(read(entry, ratio))),
      ...QUALITY_CSV_COLUMNS.map(([, read]) => csvCell(read(quality))),
    ].join(","),
  );
  return header + lines.join("\n") + (lines.length > 0 ? "\n" : "");
}
