import type { OfferingPrice, PriceRates } from "@/lib/catalog/schema";
import {
  addUsd,
  compareUsd,
  costForTokens,
  divideRoundHalfUp,
  fromPicoUsd,
  type Money,
  parseUsd,
  ZERO_USD,
} from "@/lib/money";

/**
 * The one pricing function of the product (catalog, playground, calculator, history). It follows the
 * semantics of @pydantic/genai-prices 0.1.8 (`calcPrice` in its dist/index.js):
 * - Token counts nest: `inputTokens` is the whole prompt and includes cached reads and cache writes;
 *   `outputTokens` includes reasoning tokens. Each specific count is billed at its own rate and only
 *   the remainder at the general rate.
 * - Tiers: a tier applies once the request's total input tokens are strictly greater than its start
 *   (`input_tokens > tier.start`), and then prices the whole request, output included, at that tier.
 * - Time of day: the last matching UTC window wins; a window whose end precedes its start wraps midnight.
 * Where we differ on purpose: genai-prices silently bills cached tokens at the input rate when a model
 * has no cache price. We report that rate as unknown unless the caller opts into `cacheFallback: "input-price"`.
 */

export interface TokenUsage {
  /** All prompt tokens, including `cachedInputTokens` and `cacheWriteTokens`. */
  inputTokens: number;
  /** All completion tokens, including `reasoningTokens`. */
  outputTokens: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

export type CacheFallback = "unknown" | "input-price";

export interface PriceUsageInput {
  price: OfferingPrice | null;
  usage: TokenUsage;
  /** Picks a time-of-day window (UTC); without it the default rates apply. */
  at?: Date;
  cacheFallback?: CacheFallback;
}

export interface UsageBreakdown {
  /** Uncached input tokens. */
  inputUsd: Money | null;
  cacheReadUsd: Money | null;
  cacheWriteUsd: Money | null;
  /** Output tokens, minus reasoning tokens when those have their own rate. */
  outputUsd: Money | null;
  reasoningUsd: Money | null;
}

export interface AppliedPricing {
  tier?: string;
  tierAboveInputTokens?: number;
  /** True when some tokens were billed at a cache read or write rate. */
  cache: boolean;
  timeOfDay?: string;
}

export interface PriceUsageResult {
  totalUsd: Money | null;
  breakdown: UsageBreakdown;
  applied: AppliedPricing;
  /** Names of the rates that were needed but unknown; non-empty exactly when totalUsd is null. */
  unknown: string[];
}

type RateName =
  | "inputPerMTok"
  | "outputPerMTok"
  | "cacheReadPerMTok"
  | "cacheWritePerMTok"
  | "reasoningPerMTok";
type FlatRates = Record<RateName, string | null>;
type ParsedRates = Record<RateName, Money | null>;

function checkCount(name: string, value: number | undefined): number {
  const count = value ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return count;
}

function secondsOfDayUtc(clock: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = clock.split(":").map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

function inWindow(startUtc: string, endUtc: string, at: Date): boolean {
  const now = at.getUTCHours() * 3600 + at.getUTCMinutes() * 60 + at.getUTCSeconds();
  const start = secondsOfDayUtc(startUtc);
  const end = secondsOfDayUtc(endUtc);
  return end < start ? now >= start || now < end : now >= start && now < end;
}

interface SelectedRates {
  /** The window's, tier's or default rates object itself, so parsed rates can be cached per object. */
  rates: FlatRates;
  tierAboveInputTokens?: number;
  timeOfDay?: string;
}

/** The flat rates that bill a request of `inputTokens` at `at`: time window first, then the tier. */
export function selectRates(price: OfferingPrice, inputTokens: number, at?: Date): SelectedRates {
  let base: PriceRates = price;
  let timeOfDay: string | undefined;
  if (at) {
    if (Number.isNaN(at.getTime())) throw new RangeError("Invalid date for `at`");
    for (let index = price.timeOfDay.length - 1; index >= 0; index--) {
      const window = price.timeOfDay[index];
      if (window && inWindow(window.startUtc, window.endUtc, at)) {
        base = window.rates;
        timeOfDay = `${window.startUtc}-${window.endUtc} UTC`;
        break;
      }
    }
  }
  let tier: PriceRates["tiers"][number] | undefined;
  for (const candidate of base.tiers) {
    if (inputTokens > candidate.aboveInputTokens) tier = candidate;
  }
  return { rates: tier ?? base, tierAboveInputTokens: tier?.aboveInputTokens, timeOfDay };
}

// Catalog prices live as long as the loaded catalog and are priced for every model on every
// estimate, so each rates object's decimal strings are parsed once, not once per request.
const parsedRatesCache = new WeakMap<FlatRates, ParsedRates>();

function parsedRates(rates: FlatRates): ParsedRates {
  let parsed = parsedRatesCache.get(rates);
  if (!parsed) {
    const parse = (rate: string | null) => (rate === null ? null : parseUsd(rate));
    parsed = {
      inputPerMTok: parse(rates.inputPerMTok),
      outputPerMTok: parse(rates.outputPerMTok),
      cacheReadPerMTok: parse(rates.cacheReadPerMTok),
      cacheWritePerMTok: parse(rates.cacheWritePerMTok),
      reasoningPerMTok: parse(rates.reasoningPerMTok),
    };
    parsedRatesCache.set(rates, parsed);
  }
  return parsed;
}

function unknownBreakdown(): UsageBreakdown {
  return { inputUsd: null, cacheReadUsd: null, cacheWriteUsd: null, outputUsd: null, reasoningUsd: null };
}

export function priceUsage({
  price,
  usage,
  at,
  cacheFallback = "unknown",
}: PriceUsageInput): PriceUsageResult {
  const inputTokens = checkCount("inputTokens", usage.inputTokens);
  const outputTokens = checkCount("outputTokens", usage.outputTokens);
  const cachedTokens = checkCount("cachedInputTokens", usage.cachedInputTokens);
  const cacheWriteTokens = checkCount("cacheWriteTokens", usage.cacheWriteTokens);
  const reasoningTokens = checkCount("reasoningTokens", usage.reasoningTokens);
  if (cachedTokens + cacheWriteTokens > inputTokens) {
    throw new RangeError(
      "cachedInputTokens + cacheWriteTokens cannot exceed inputTokens, which includes them",
    );
  }
  if (reasoningTokens > outputTokens) {
    throw new RangeError("reasoningTokens cannot exceed outputTokens, which includes them");
  }
  if (!price) {
    return { totalUsd: null, breakdown: unknownBreakdown(), applied: { cache: false }, unknown: ["price"] };
  }

  const selected = selectRates(price, inputTokens, at);
  const rates = parsedRates(selected.rates);
  const unknown: string[] = [];
  let cache = false;

  // Zero tokens cost zero even at an unknown rate: an unused rate is not a missing one.
  const bill = (tokens: number, rateName: RateName, rate: Money | null): Money | null => {
    if (tokens === 0) return ZERO_USD;
    if (rate === null) {
      if (!unknown.includes(rateName)) unknown.push(rateName);
      return null;
    }
    return costForTokens(rate, tokens);
  };
  const cacheRate = (rateName: "cacheReadPerMTok" | "cacheWritePerMTok", tokens: number): Money | null => {
    const rate = rates[rateName];
    if (rate !== null && tokens > 0) cache = true;
    if (rate === null && cacheFallback === "input-price")
      return bill(tokens, "inputPerMTok", rates.inputPerMTok);
    return bill(tokens, rateName, rate);
  };

  const separateReasoning = rates.reasoningPerMTok !== null;
  const breakdown: UsageBreakdown = {
    inputUsd: bill(inputTokens - cachedTokens - cacheWriteTokens, "inputPerMTok", rates.inputPerMTok),
    cacheReadUsd: cacheRate("cacheReadPerMTok", cachedTokens),
    cacheWriteUsd: cacheRate("cacheWritePerMTok", cacheWriteTokens),
    outputUsd: bill(
      separateReasoning ? outputTokens - reasoningTokens : outputTokens,
      "outputPerMTok",
      rates.outputPerMTok,
    ),
    reasoningUsd: separateReasoning
      ? bill(reasoningTokens, "reasoningPerMTok", rates.reasoningPerMTok)
      : ZERO_USD,
  };

  const parts = Object.values(breakdown) as (Money | null)[];
  const totalUsd = parts.every((part): part is Money => part !== null) ? addUsd(...parts) : null;
  const applied: AppliedPricing = { cache };
  if (selected.tierAboveInputTokens !== undefined) {
    applied.tierAboveInputTokens = selected.tierAboveInputTokens;
    applied.tier = `input > ${selected.tierAboveInputTokens.toLocaleString("en-US")} tokens`;
  }
  if (selected.timeOfDay) applied.timeOfDay = selected.timeOfDay;
  return { totalUsd, breakdown, applied, unknown };
}

/**
 * The most a request of this size can cost, whenever it is made and however much of its output is
 * reasoning: the dearest of the default rates and each time-of-day window (a window can be the dear
 * hours, as DeepSeek's are). What a cost cap reserves before a call. Null when a rate is unknown.
 */
export function priceUsageAtMost({ price, usage }: { price: OfferingPrice | null; usage: TokenUsage }) {
  // The start of each window falls inside it; no date at all selects the default rates.
  const moments = [
    undefined,
    ...(price?.timeOfDay ?? []).map((window) => new Date(secondsOfDayUtc(window.startUtc) * 1000)),
  ];
  let most: Money | null = null;
  for (const at of moments)
    for (const reasoningTokens of [0, usage.outputTokens]) {
      const { totalUsd } = priceUsage({ price, usage: { ...usage, reasoningTokens }, at });
      if (!totalUsd) return null;
      if (!most || compareUsd(totalUsd, most) > 0) most = totalUsd;
    }
  return most;
}

function shareToPico(name: string, share: number): bigint {
  if (!Number.isFinite(share) || share < 0) throw new RangeError(`${name} must be ≥ 0, got ${share}`);
  return parseUsd(share).picoUsd;
}

/**
 * Weighted average of the default input and output rates per MTok, e.g. (price, 3, 1) for a 3:1
 * input-heavy blend. Shares are weights and need not sum to 1. Null when a weighted rate is unknown.
 */
export function blendedPerMTok(
  price: Pick<OfferingPrice, "inputPerMTok" | "outputPerMTok"> | null,
  inputShare: number,
  outputShare: number,
): Money | null {
  const inputWeight = shareToPico("inputShare", inputShare);
  const outputWeight = shareToPico("outputShare", outputShare);
  if (inputWeight + outputWeight === 0n) throw new RangeError("inputShare + outputShare must be > 0");
  if (!price) return null;
  const rateTimesWeight = (rate: string | null, weight: bigint): bigint | null => {
    if (weight === 0n) return 0n;
    return rate === null ? null : parseUsd(rate).picoUsd * weight;
  };
  const inputPart = rateTimesWeight(price.inputPerMTok, inputWeight);
  const outputPart = rateTimesWeight(price.outputPerMTok, outputWeight);
  if (inputPart === null || outputPart === null) return null;
  return fromPicoUsd(divideRoundHalfUp(inputPart + outputPart, inputWeight + outputWeight));
}
