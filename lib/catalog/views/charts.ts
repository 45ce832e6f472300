import { parseUsd, toUsdString } from "@/lib/money";
import { blendedPerMTok } from "@/lib/pricing";
import type { GuidePriceObservation } from "../guides";
import type { BenchmarkFact } from "../guides/types";
import type { CatalogEntry } from "../schema";

export {
  dateToMs,
  type HistoryLine,
  type HistoryPlotPoint,
  type HistorySeries,
  historyLines,
  historySeries,
} from "./price-history-plot";

/**
 * Data for the /catalog/charts page, prepared on the server so each chart receives only the fields
 * it draws. Unknown prices are left out and counted, never drawn as 0. Runtime imports stay limited
 * to the pricing maths because the price history chart imports this module in the browser.
 */

export const BENCHMARKS = ["humaneval", "mmlu", "graduate-reasoning"] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

export const PRICE_METRICS = ["blended", "input", "output"] as const;
export type PriceMetric = (typeof PRICE_METRICS)[number];
export const SCATTER_CAPS = ["tools", "reasoning", "image"] as const;
export type ScatterCap = (typeof SCATTER_CAPS)[number];
export const REQUIREMENTS = ["tools", "reasoning", "image", "audio", "open-weights"] as const;
export type Requirement = (typeof REQUIREMENTS)[number];
export const MIN_CONTEXT_TOKENS = [128_000, 200_000, 1_000_000] as const;
export const DEFAULT_HISTORY_IDS = [
  "openai/gpt-4o",
  "anthropic/claude-3-7-sonnet-latest",
  "openai/gpt-4o-mini",
] as const;
export const MAX_HISTORY_SERIES = 6;
export const CHEAPEST_LIMIT = 15;
/** Providers beyond this many (by points shown) share the "other" colour; more colours are unreadable. */
export const TOP_PROVIDER_COUNT = 10;

export interface ChartsState {
  ratio: [number, number];
  metric: PriceMetric;
  provider: string | null;
  caps: ScatterCap[];
  showDeprecated: boolean;
  benchmark: Benchmark;
  historyIds: string[];
  needs: Requirement[];
  minContextTokens: number | null;
  includeFree: boolean;
}

export type RawParams = Record<string, string | string[] | undefined>;

const all = (raw: RawParams, key: string): string[] => {
  const value = raw[key];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((part) =>
    part.split(","),
  );
};
const last = (raw: RawParams, key: string): string | undefined => all(raw, key).at(-1);
const allowed = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

/**
 * Reads chart state from the URL. A shared link with a stale or mistyped value still opens the page,
 * so bad values fall back to defaults instead of failing the request.
 */
export function parseChartsState(raw: RawParams, knownProviders: ReadonlySet<string>): ChartsState {
  const ratioText = last(raw, "ratio");
  const ratioMatch = ratioText ? /^(\d{1,3}):(\d{1,3})$/.exec(ratioText) : null;
  const ratio: [number, number] =
    ratioMatch && Number(ratioMatch[1]) + Number(ratioMatch[2]) > 0
      ? [Number(ratioMatch[1]), Number(ratioMatch[2])]
      : [3, 1];
  const metric = last(raw, "metric");
  const provider = last(raw, "provider");
  const benchmark = last(raw, "bench");
  const minContext = Number(last(raw, "minContext"));
  // An empty `history` means "none picked"; an absent one means the defaults.
  const historyIds =
    raw.history === undefined ? [...DEFAULT_HISTORY_IDS] : all(raw, "history").filter(Boolean);
  return {
    ratio,
    metric: allowed(PRICE_METRICS, metric) ? metric : "blended",
    provider: provider && knownProviders.has(provider) ? provider : null,
    caps: [...new Set(all(raw, "cap").filter((cap) => allowed(SCATTER_CAPS, cap)))] as ScatterCap[],
    showDeprecated: last(raw, "deprecated") === "show",
    benchmark: allowed(BENCHMARKS, benchmark) ? benchmark : "humaneval",
    historyIds: [...new Set(historyIds)].slice(0, MAX_HISTORY_SERIES),
    needs: [...new Set(all(raw, "need").filter((need) => allowed(REQUIREMENTS, need)))] as Requirement[],
    minContextTokens: (MIN_CONTEXT_TOKENS as readonly number[]).includes(minContext) ? minContext : null,
    includeFree: last(raw, "free") === "1",
  };
}

export function ratioLabel(ratio: readonly [number, number]): string {
  return `${ratio[0]}:${ratio[1]}`;
}

/** Exact blended price; null when either weighted rate is unknown. */
function blendedOf(entry: Pick<CatalogEntry, "inputPerMTok" | "outputPerMTok">, ratio: [number, number]) {
  const money = blendedPerMTok(entry, ratio[0], ratio[1]);
  return money ? toUsdString(money) : null;
}

function priceOf(entry: CatalogEntry, metric: PriceMetric, ratio: [number, number]): string | null {
  if (metric === "input") return entry.inputPerMTok;
  if (metric === "output") return entry.outputPerMTok;
  return blendedOf(entry, ratio);
}

function meets(entry: CatalogEntry, need: Requirement | ScatterCap): boolean {
  // Unknown (null) never counts as having a capability.
  if (need === "tools") return entry.toolCall === true;
  if (need === "reasoning") return entry.reasoning === true;
  if (need === "open-weights") return entry.openWeights === true;
  return entry.modalities.input?.includes(need) === true;
}

/** Powers of ten spanning the values, so a log axis has round ticks and no zero. */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return [0.1, 10];
  const low = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [low, high === low ? high * 10 : high];
}

/** An offering on the price/context chart: its row's names and prices, and where it is plotted. */
export type PriceContextPoint = Pick<
  CatalogEntry,
  "id" | "name" | "providerName" | "inputPerMTok" | "outputPerMTok"
> & {
  contextTokens: number;
  priceValue: number;
  pricePerMTok: string;
};

export interface PriceContextData {
  groups: { key: string; label: string; points: PriceContextPoint[] }[];
  shown: number;
  /** Offerings left out because their price (for this metric) or context window is unknown. */
  unknownCount: number;
  /** Offerings priced at $0: a log axis cannot place them. */
  freeCount: number;
  priceDomain: [number, number];
  contextDomain: [number, number];
}

export function priceContextData(entries: readonly CatalogEntry[], state: ChartsState): PriceContextData {
  const points: (PriceContextPoint & { provider: string })[] = [];
  let unknownCount = 0;
  let freeCount = 0;
  for (const entry of entries) {
    if (!state.showDeprecated && entry.deprecated === true) continue;
    if (state.provider && entry.provider !== state.provider) continue;
    if (state.caps.some((cap) => !meets(entry, cap))) continue;
    const price = priceOf(entry, state.metric, state.ratio);
    if (price === null || entry.contextWindow === null) {
      unknownCount++;
      continue;
    }
    const priceValue = Number(price);
    if (priceValue <= 0) {
      freeCount++;
      continue;
    }
    points.push({
      id: entry.id,
      provider: entry.provider,
      name: entry.name,
      providerName: entry.providerName,
      contextTokens: entry.contextWindow,
      priceValue,
      pricePerMTok: price,
      inputPerMTok: entry.inputPerMTok,
      outputPerMTok: entry.outputPerMTok,
    });
  }
  const countByProvider = new Map<string, { label: string; count: number }>();
  for (const point of points) {
    const current = countByProvider.get(point.provider) ?? { label: point.providerName, count: 0 };
    countByProvider.set(point.provider, { ...current, count: current.count + 1 });
  }
  const top = [...countByProvider]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .slice(0, TOP_PROVIDER_COUNT);
  const groups = top.map(([key, { label }]) => ({ key, label, points: [] as PriceContextPoint[] }));
  const other = { key: "other", label: "Other providers", points: [] as PriceContextPoint[] };
  const groupByProvider = new Map(groups.map((group) => [group.key, group]));
  for (const { provider, ...point } of points) (groupByProvider.get(provider) ?? other).points.push(point);
  return {
    groups: other.points.length > 0 ? [...groups, other] : groups,
    shown: points.length,
    unknownCount,
    freeCount,
    priceDomain: logDomain(points.map((point) => point.priceValue)),
    contextDomain: logDomain(points.map((point) => point.contextTokens)),
  };
}

/** An offering with its blended price: exact for display, a number for plotting. */
export type PricedOffering = Pick<CatalogEntry, "id" | "name" | "providerName"> & {
  blendedPerMTok: string;
  blendedValue: number;
};

export interface BenchmarkPoint {
  model: string;
  modelName: string;
  scorePercent: number;
  source: string;
  sourceDate: string;
  quote: string;
  cheapest: PricedOffering;
  /** The same guide's own price for the model, blended at the same ratio, when it states one. */
  guidePrice: { blendedPerMTok: string; blendedValue: number; source: string; sourceDate: string } | null;
}

export interface BenchmarkData {
  benchmark: Benchmark;
  points: BenchmarkPoint[];
  /** The guides behind the scores, for the caption. */
  sources: { id: string; title: string; date: string }[];
  /** Models with a score but no current offering with a known price. */
  leftOut: string[];
}

export function benchmarkData(
  entries: readonly CatalogEntry[],
  facts: readonly BenchmarkFact[],
  guidePrices: readonly GuidePriceObservation[],
  canonicalIdsByEditorial: ReadonlyMap<string, ReadonlySet<string>>,
  guideSources: readonly { id: string; title: string; date: string }[],
  state: Pick<ChartsState, "benchmark" | "ratio">,
): BenchmarkData {
  const points: BenchmarkPoint[] = [];
  const leftOut: string[] = [];
  for (const fact of facts) {
    if (fact.benchmark !== state.benchmark || !fact.model) continue;
    const canonical = canonicalIdsByEditorial.get(fact.model) ?? new Set<string>();
    const offerings = entries.filter((entry) => canonical.has(entry.modelId) && entry.deprecated !== true);
    const cheapest = cheapestOf(offerings, state.ratio)[0];
    if (!cheapest) {
      leftOut.push(fact.modelName ?? fact.model);
      continue;
    }
    const guide = guidePrices.find(
      (price) => price.model === fact.model && price.source === fact.source && price.outputPerMTok !== null,
    );
    const guideBlended = guide ? blendedOf(guide, state.ratio) : null;
    points.push({
      model: fact.model,
      modelName: fact.modelName ?? fact.model,
      scorePercent: fact.scorePercent,
      source: fact.source,
      sourceDate: fact.sourceDate,
      quote: fact.quote,
      cheapest,
      guidePrice:
        guide && guideBlended !== null
          ? {
              blendedPerMTok: guideBlended,
              blendedValue: Number(guideBlended),
              source: guide.source,
              sourceDate: guide.sourceDate,
            }
          : null,
    });
  }
  const used = new Set(
    facts.filter((fact) => fact.benchmark === state.benchmark).map((fact) => fact.source as string),
  );
  const sources = guideSources
    .filter((source) => used.has(source.id))
    .map(({ id, title, date }) => ({ id, title, date }));
  return { benchmark: state.benchmark, points, sources, leftOut };
}

/** Offerings with a known blended price, cheapest first, compared exactly (not as floats). */
export function cheapestOf(entries: readonly CatalogEntry[], ratio: [number, number]): PricedOffering[] {
  const priced: (PricedOffering & { pico: bigint })[] = [];
  for (const entry of entries) {
    const blended = blendedOf(entry, ratio);
    if (blended === null) continue;
    priced.push({
      id: entry.id,
      name: entry.name,
      providerName: entry.providerName,
      blendedPerMTok: blended,
      blendedValue: Number(blended),
      pico: parseUsd(blended).picoUsd,
    });
  }
  priced.sort((a, b) => (a.pico === b.pico ? a.id.localeCompare(b.id) : a.pico < b.pico ? -1 : 1));
  return priced.map(({ pico: _pico, ...offering }) => offering);
}

/** A row of the cheapest-models table: only priced offerings reach it, so both prices are known. */
export type CheapestRow = PricedOffering & {
  inputPerMTok: NonNullable<CatalogEntry["inputPerMTok"]>;
  outputPerMTok: NonNullable<CatalogEntry["outputPerMTok"]>;
  contextTokens: CatalogEntry["contextWindow"];
};

export interface CheapestData {
  rows: CheapestRow[];
  /** Offerings meeting the requirements with a known price, free ones included. */
  matchCount: number;
  unknownPriceCount: number;
  freeCount: number;
}

export function cheapestData(
  entries: readonly CatalogEntry[],
  state: Pick<ChartsState, "needs" | "minContextTokens" | "includeFree" | "ratio">,
  limit = CHEAPEST_LIMIT,
): CheapestData {
  const matching = entries.filter(
    (entry) =>
      entry.deprecated !== true &&
      state.needs.every((need) => meets(entry, need)) &&
      (state.minContextTokens === null ||
        (entry.contextWindow !== null && entry.contextWindow >= state.minContextTokens)),
  );
  const priced = cheapestOf(matching, state.ratio);
  const free = priced.filter((offering) => offering.blendedValue === 0);
  const shown = (state.includeFree ? priced : priced.filter((offering) => offering.blendedValue > 0)).slice(
    0,
    limit,
  );
  const byId = new Map(matching.map((entry) => [entry.id, entry]));
  return {
    rows: shown.map((offering) => {
      const entry = byId.get(offering.id)!;
      return {
        ...offering,
        inputPerMTok: entry.inputPerMTok ?? "",
        outputPerMTok: entry.outputPerMTok ?? "",
        contextTokens: entry.contextWindow,
      };
    }),
    matchCount: priced.length,
    unknownPriceCount: matching.length - priced.length,
    freeCount: free.length,
  };
}

/** Picker options: offerings that have at least one recorded price, as compact [id, name] pairs. */
export function historyOptions(
  entries: readonly CatalogEntry[],
  hasHistory: (id: string) => boolean,
): [string, string][] {
  return entries.filter((entry) => hasHistory(entry.id)).map((entry) => [entry.id, entry.name]);
}
