import type { CatalogEntry } from "../../schema";
import { cheapestOf, logDomain, type PricedOffering, type RawParams } from "../../views/charts";
import { cheapestAbove, costFrontier } from "./frontier";
import { qualityValue, SCORE_DEFINITIONS, SCORE_KEYS, type ScoreKey, type TableQuality } from "./scores";

/**
 * Data for the price-against-quality chart: one point per model, at its cheapest paid offering, on
 * the chosen quality axis; the cost-efficiency frontier; and the cheapest models above a bar.
 * Free offerings are left out (free tiers are rate-limited, and a $0 point would beat every paid
 * model) and counted, as are models with a score but no known price.
 */
export const QUALITY_AXES = ["quality", ...SCORE_KEYS] as const;
export type QualityAxis = (typeof QUALITY_AXES)[number];
export const CHEAPEST_ABOVE_LIMIT = 10;

export interface PriceQualityState {
  axis: QualityAxis;
  /** The quality bar of the "cheapest above" list; null means the axis's median. */
  bar: number | null;
  ratio: [number, number];
}

/** Bad values in a shared link fall back to defaults, as the other charts do. */
export function parsePriceQualityState(raw: RawParams, ratio: [number, number]): PriceQualityState {
  const pick = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const axis = pick("qaxis");
  const bar = Number(pick("qbar"));
  return {
    axis: (QUALITY_AXES as readonly string[]).includes(axis ?? "") ? (axis as QualityAxis) : "quality",
    bar: pick("qbar") !== undefined && pick("qbar") !== "" && Number.isFinite(bar) && bar >= 0 ? bar : null,
    ratio,
  };
}

export interface PriceQualityPoint {
  modelId: string;
  quality: number;
  /** What was tested and when, for the tooltip; null for the index. */
  tested: string | null;
  date: string | null;
  cheapest: PricedOffering;
  onFrontier: boolean;
}

export interface PriceQualityData {
  axis: QualityAxis;
  label: string;
  unit: "index" | "elo" | "percent";
  points: PriceQualityPoint[];
  /** Frontier points, cheapest first. */
  frontier: PriceQualityPoint[];
  bar: number;
  cheapestAbove: PriceQualityPoint[];
  /** Scored models with no current offering at a known price. */
  unpricedCount: number;
  /** Scored models whose only known prices are $0. */
  freeOnlyCount: number;
  priceDomain: [number, number];
  qualityDomain: [number, number];
  qualityTicks: number[];
}

export function axisLabel(axis: QualityAxis): string {
  return axis === "quality" ? "Quality index (0–100)" : SCORE_DEFINITIONS[axis as ScoreKey].label;
}

export function priceQualityData(
  entries: readonly CatalogEntry[],
  quality: ReadonlyMap<string, TableQuality>,
  state: PriceQualityState,
): PriceQualityData {
  const offeringsByModel = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    if (entry.deprecated === true) continue;
    offeringsByModel.set(entry.modelId, [...(offeringsByModel.get(entry.modelId) ?? []), entry]);
  }
  const points: Omit<PriceQualityPoint, "onFrontier">[] = [];
  let unpricedCount = 0;
  let freeOnlyCount = 0;
  for (const [modelId, item] of quality) {
    const value = qualityValue(item, state.axis);
    const offerings = offeringsByModel.get(modelId);
    if (value === null) continue;
    const priced = cheapestOf(offerings ?? [], state.ratio);
    const paid = priced.find((offering) => offering.blendedValue > 0);
    if (!paid) {
      if (priced.length > 0) freeOnlyCount++;
      else unpricedCount++;
      continue;
    }
    const score = state.axis === "quality" ? null : item.scores[state.axis];
    points.push({
      modelId,
      quality: value,
      tested: score?.tested ?? null,
      date: score?.date ?? null,
      cheapest: paid,
    });
  }
  const asPriced = <T extends Omit<PriceQualityPoint, "onFrontier">>(point: T) => ({
    ...point,
    id: point.modelId,
    price: point.cheapest.blendedValue,
  });
  const frontierIds = new Set(costFrontier(points.map(asPriced)).map((point) => point.id));
  const marked = points
    .map((point) => ({ ...point, onFrontier: frontierIds.has(point.modelId) }))
    .sort((a, b) => a.cheapest.blendedValue - b.cheapest.blendedValue || a.modelId.localeCompare(b.modelId));
  const values = marked.map((point) => point.quality).sort((a, b) => a - b);
  const bar = state.bar ?? values[Math.floor(values.length / 2)] ?? 0;
  return {
    axis: state.axis,
    label: axisLabel(state.axis),
    unit: state.axis === "quality" ? "index" : SCORE_DEFINITIONS[state.axis as ScoreKey].unit,
    points: marked,
    frontier: marked.filter((point) => point.onFrontier),
    bar,
    cheapestAbove: cheapestAbove(marked.map(asPriced), bar, CHEAPEST_ABOVE_LIMIT).map(
      ({ id: _id, price: _price, ...point }) => point,
    ),
    unpricedCount,
    freeOnlyCount,
    priceDomain: logDomain(marked.map((point) => point.cheapest.blendedValue)),
    ...qualityAxis(values),
  };
}

/** A domain on round numbers with a few ticks: steps of 50 for ratings, 10 for percentages. */
function qualityAxis(values: readonly number[]): { qualityDomain: [number, number]; qualityTicks: number[] } {
  const low = values[0] ?? 0;
  const high = values.at(-1) ?? 100;
  const step = high - low > 150 ? 100 : high - low > 40 ? (high > 200 ? 50 : 10) : high > 200 ? 25 : 5;
  const from = Math.floor(low / step) * step;
  const to = Math.max(from + step, Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let tick = from; tick <= to; tick += step) ticks.push(tick);
  return { qualityDomain: [from, to], qualityTicks: ticks };
}
