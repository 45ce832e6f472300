import { formatDate, formatPerMTok, formatTokens, trimDecimal, UNKNOWN } from "@/lib/format";
import { benchmarkFacts, latencyFacts } from "../guides";
import { buildEditorialLinks } from "../guides/catalog-links";
import { guideName, isGuideId } from "../guides/sources";
import {
  formatScore,
  qualityValue,
  SCORE_DEFINITIONS,
  type ScoreKey,
  type TableQuality,
} from "../quality/views/scores";
import { blendedDecimal, MAX_COMPARE_MODELS } from "../read/query";
import type { CatalogData } from "../read/served";
import type { CatalogEntry } from "../schema";

/** Side-by-side comparison of up to six offerings: every attribute in aligned rows. */
export const MAX_COMPARE_IDS = MAX_COMPARE_MODELS;

type Better = "lower" | "higher" | null;

export interface CompareRow {
  key: string;
  label: string;
  group: "Price" | "Quality" | "Capabilities" | "Dates and sources" | "From the buying guides";
  values: string[];
  /** Numbers behind the values, for picking the best; null where unknown or not comparable. */
  numbers: (number | null)[];
  better: Better;
  differs: boolean;
  best: number[];
}

export interface Comparison {
  entries: CatalogEntry[];
  missing: string[];
  truncated: boolean;
  rows: CompareRow[];
}

export function parseCompareIds(raw: string | string[] | undefined): string[] {
  const text = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return [
    ...new Set(
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

const price = (decimal: string | null) => (decimal === null ? null : Number(decimal));
const yesNo = (value: boolean | null) => (value === null ? UNKNOWN : value ? "yes" : "no");
const list = (values: string[] | null) => (values === null ? UNKNOWN : values.join(", "));

function row(
  key: string,
  label: string,
  group: CompareRow["group"],
  entries: CatalogEntry[],
  value: (entry: CatalogEntry) => string,
  number: ((entry: CatalogEntry) => number | null) | null = null,
  better: Better = null,
): CompareRow {
  const values = entries.map(value);
  const numbers = entries.map((entry) => (number ? number(entry) : null));
  const differs = new Set(values).size > 1;
  let best: number[] = [];
  const known = numbers.filter((candidate): candidate is number => candidate !== null);
  if (better && differs && known.length > 1) {
    const target = better === "lower" ? Math.min(...known) : Math.max(...known);
    best = numbers.flatMap((candidate, index) => (candidate === target ? [index] : []));
  }
  return { key, label, group, values, numbers, better, differs, best };
}

function dateNumber(date: string | null): number | null {
  return date ? Date.parse(date.length === 7 ? `${date}-01` : date) : null;
}

/** The leaderboard scores compared row by row; the guides' own scores have their rows further down. */
const COMPARED_SCORES: readonly ScoreKey[] = ["arenaStyle", "arena", "aider", "sweBench", "liveBench"];

function qualityRows(entries: CatalogEntry[], quality: ReadonlyMap<string, TableQuality>): CompareRow[] {
  const of = (entry: CatalogEntry) => quality.get(entry.modelId) ?? null;
  const indexText = (entry: CatalogEntry) => {
    const item = of(entry);
    if (item?.index === null || item?.index === undefined) {
      const sources = item?.headlineSources.length ?? 0;
      return sources === 1 ? `${UNKNOWN} (1 source only)` : UNKNOWN;
    }
    return `${formatScore("quality", item.index)} (${item.indexSources.length} sources)`;
  };
  return [
    row(
      "quality",
      "Quality index (0–100)",
      "Quality",
      entries,
      indexText,
      (entry) => of(entry)?.index ?? null,
      "higher",
    ),
    ...COMPARED_SCORES.map((key) =>
      row(
        key,
        SCORE_DEFINITIONS[key].label,
        "Quality",
        entries,
        (entry) => {
          const score = of(entry)?.scores[key];
          return score
            ? `${formatScore(key, score.value)} (${score.tested}, ${formatDate(score.date)})`
            : UNKNOWN;
        },
        (entry) => qualityValue(of(entry), key),
        "higher",
      ),
    ),
  ];
}

export function buildComparison(
  catalog: Pick<CatalogData, "byId" | "entries" | "prices" | "offeringIdsByModel"> &
    Partial<Pick<CatalogData, "observations">>,
  requested: string[],
  quality: ReadonlyMap<string, TableQuality> = new Map(),
): Comparison {
  const truncated = requested.length > MAX_COMPARE_IDS;
  const ids = requested.slice(0, MAX_COMPARE_IDS);
  const entries = ids
    .map((id) => catalog.byId.get(id))
    .filter((entry): entry is CatalogEntry => entry !== undefined);
  const missing = ids.filter((id) => !catalog.byId.has(id));
  const links = buildEditorialLinks(catalog.entries);
  const editorialId = (entry: CatalogEntry) => links.editorialIdByCanonical.get(entry.modelId) ?? null;

  const tierText = (entry: CatalogEntry) => {
    const tiers = catalog.prices.get(entry.id)?.tiers ?? [];
    if (tiers.length === 0) return catalog.prices.get(entry.id) ? "none" : UNKNOWN;
    return tiers
      .map(
        (tier) =>
          `above ${formatTokens(tier.aboveInputTokens)}: ${formatPerMTok(tier.inputPerMTok)} / ${formatPerMTok(tier.outputPerMTok)}`,
      )
      .join("; ");
  };
  const ttft = (entry: CatalogEntry) => {
    const id = editorialId(entry);
    const facts = latencyFacts.filter((fact) => fact.model === id && fact.metric === "ttft");
    if (facts.length === 0) return "not stated";
    return facts
      .map((fact) => `${fact.summary} (${guideName(fact.source)}, ${formatDate(fact.sourceDate)})`)
      .join("; ");
  };
  const benchmark = (name: string) => (entry: CatalogEntry) => {
    const id = editorialId(entry);
    const fact = benchmarkFacts.find((candidate) => candidate.model === id && candidate.benchmark === name);
    return fact
      ? `${fact.scorePercent}% (${guideName(fact.source)}, ${formatDate(fact.sourceDate)})`
      : "not stated";
  };
  const benchmarkNumber = (name: string) => (entry: CatalogEntry) => {
    const id = editorialId(entry);
    return (
      benchmarkFacts.find((candidate) => candidate.model === id && candidate.benchmark === name)
        ?.scorePercent ?? null
    );
  };

  // Guide prices are history, not current data; shown beside today's price so a disagreement is visible.
  const guidePrices = (entry: CatalogEntry) => {
    const rows = (catalog.observations?.get(entry.id) ?? []).filter((observation) =>
      isGuideId(observation.source),
    );
    if (rows.length === 0) return "not stated";
    return rows
      .map(
        (observation) =>
          `${formatPerMTok(observation.inputPerMTok === null ? null : trimDecimal(observation.inputPerMTok))} / ${formatPerMTok(observation.outputPerMTok === null ? null : trimDecimal(observation.outputPerMTok))} (${guideName(observation.source)}, ${formatDate(observation.sourceDate)})`,
      )
      .join("; ");
  };

  const rows: CompareRow[] = [
    row("provider", "Provider", "Price", entries, (entry) => entry.providerName),
    row(
      "input",
      "Input $/1M",
      "Price",
      entries,
      (entry) => formatPerMTok(entry.inputPerMTok),
      (entry) => price(entry.inputPerMTok),
      "lower",
    ),
    row(
      "output",
      "Output $/1M",
      "Price",
      entries,
      (entry) => formatPerMTok(entry.outputPerMTok),
      (entry) => price(entry.outputPerMTok),
      "lower",
    ),
    row(
      "blended",
      "Blended 3:1 $/1M",
      "Price",
      entries,
      (entry) => formatPerMTok(blendedDecimal(entry, [3, 1])),
      (entry) => price(blendedDecimal(entry, [3, 1])),
      "lower",
    ),
    row(
      "cached",
      "Cached input $/1M",
      "Price",
      entries,
      (entry) => formatPerMTok(entry.cachedInputPerMTok),
      (entry) => price(entry.cachedInputPerMTok),
      "lower",
    ),
    row(
      "cacheWrite",
      "Cache write $/1M",
      "Price",
      entries,
      (entry) => formatPerMTok(entry.cacheWritePerMTok),
      (entry) => price(entry.cacheWritePerMTok),
      "lower",
    ),
    row("tiers", "Long-context tiers", "Price", entries, tierText),
    row("timeOfDay", "Time-of-day prices", "Price", entries, (entry) =>
      entry.timeOfDayPricing ? "yes" : "no",
    ),
    ...qualityRows(entries, quality),
    row(
      "context",
      "Context window",
      "Capabilities",
      entries,
      (entry) => formatTokens(entry.contextWindow),
      (entry) => entry.contextWindow,
      "higher",
    ),
    row(
      "maxOutput",
      "Max output",
      "Capabilities",
      entries,
      (entry) => formatTokens(entry.maxOutputTokens),
      (entry) => entry.maxOutputTokens,
      "higher",
    ),
    row("inputModalities", "Input modalities", "Capabilities", entries, (entry) =>
      list(entry.modalities.input),
    ),
    row("outputModalities", "Output modalities", "Capabilities", entries, (entry) =>
      list(entry.modalities.output),
    ),
    row("tools", "Tool calling", "Capabilities", entries, (entry) => yesNo(entry.toolCall)),
    row("reasoning", "Reasoning", "Capabilities", entries, (entry) => yesNo(entry.reasoning)),
    row("structured", "Structured output", "Capabilities", entries, (entry) => yesNo(entry.structuredOutput)),
    row("openWeights", "Open weights", "Capabilities", entries, (entry) => yesNo(entry.openWeights)),
    row(
      "offerings",
      "Providers offering this model",
      "Capabilities",
      entries,
      (entry) => String(catalog.offeringIdsByModel.get(entry.modelId)?.length ?? 1),
      (entry) => catalog.offeringIdsByModel.get(entry.modelId)?.length ?? 1,
      "higher",
    ),
    row(
      "released",
      "Released",
      "Dates and sources",
      entries,
      (entry) => formatDate(entry.releaseDate),
      (entry) => dateNumber(entry.releaseDate),
      "higher",
    ),
    row(
      "cutoff",
      "Knowledge cutoff",
      "Dates and sources",
      entries,
      (entry) => formatDate(entry.knowledgeCutoff),
      (entry) => dateNumber(entry.knowledgeCutoff),
      "higher",
    ),
    row("deprecated", "Deprecated", "Dates and sources", entries, (entry) => yesNo(entry.deprecated)),
    row("priceSource", "Price source", "Dates and sources", entries, (entry) =>
      entry.priceSource ? `${entry.priceSource}, ${formatDate(entry.priceAsOf)}` : UNKNOWN,
    ),
    row("guidePrice", "Input / output $/1M in the guides", "From the buying guides", entries, guidePrices),
    row("ttft", "Typical time to first token", "From the buying guides", entries, ttft),
    row(
      "humaneval",
      "HumanEval",
      "From the buying guides",
      entries,
      benchmark("humaneval"),
      benchmarkNumber("humaneval"),
      "higher",
    ),
    row(
      "mmlu",
      "MMLU",
      "From the buying guides",
      entries,
      benchmark("mmlu"),
      benchmarkNumber("mmlu"),
      "higher",
    ),
    row(
      "graduate-reasoning",
      "Graduate reasoning",
      "From the buying guides",
      entries,
      benchmark("graduate-reasoning"),
      benchmarkNumber("graduate-reasoning"),
      "higher",
    ),
  ];
  return { entries, missing, truncated, rows };
}
