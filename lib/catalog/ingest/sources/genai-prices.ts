import type { ConditionalPrice, MatchLogic, ModelPrice, Provider } from "@pydantic/genai-prices";
import { waitForUpdate } from "@pydantic/genai-prices";
import type { OfferingPrice, PriceRates, PriceTier, TimeOfDayPrice } from "@/lib/catalog/schema";
import { normalizeDecimalString } from "@/lib/money";

/**
 * Normalizes @pydantic/genai-prices provider data into offerings with exact decimal prices, the
 * time-of-day windows and the dated price history. Reading follows the package's own rules
 * (dist/index.js, 0.1.8): dated and time-of-day prices are a list scanned from the end, the first
 * entry whose constraint holds wins, and the first entry is the fallback.
 */

export interface GenaiProvider {
  id: string;
  name: string;
  pricingUrl: string | null;
  /** Providers whose prices genai-prices uses for models this one does not list (Azure → OpenAI). */
  fallbackProviderIds: string[];
}

export interface GenaiHistoryEntry {
  effectiveFrom: string | null;
  price: OfferingPrice;
}

export interface GenaiOffering {
  providerId: string;
  providerModelId: string;
  name: string;
  /** Null when the source lists no price at all. */
  price: OfferingPrice | null;
  priceEffectiveFrom: string | null;
  /** Only for models with dated price changes; includes changes scheduled after as-of. */
  history: GenaiHistoryEntry[];
  contextWindow: number | null;
  deprecated: boolean;
  match: MatchLogic;
}

export interface GenaiCatalog {
  providers: GenaiProvider[];
  offerings: GenaiOffering[];
}

/** The bundled data: before any `updatePrices` call, `waitForUpdate` resolves to it. */
export async function loadGenaiPricesData(): Promise<Provider[]> {
  const providers = await waitForUpdate();
  if (!providers) throw new Error("@pydantic/genai-prices returned no bundled provider data");
  return providers;
}

const RATE_KEYS = {
  input_mtok: "inputPerMTok",
  output_mtok: "outputPerMTok",
  cache_read_mtok: "cacheReadPerMTok",
  cache_write_mtok: "cacheWritePerMTok",
  output_reasoning_mtok: "reasoningPerMTok",
} as const satisfies Record<string, keyof Omit<PriceTier, "aboveInputTokens">>;
type RateKey = keyof typeof RATE_KEYS;

interface TieredValue {
  base: number;
  tiers: { start: number; price: number }[];
}

function isTiered(value: unknown): value is TieredValue {
  return typeof value === "object" && value !== null && "base" in value && "tiers" in value;
}

function decimal(value: number): string {
  return normalizeDecimalString(value);
}

/** The rate of one key for a request just above `start` tokens: the last tier whose start ≤ it. */
function rateAt(value: number | TieredValue | undefined, start: number): string | null {
  if (value === undefined) return null;
  if (!isTiered(value)) return decimal(value);
  let rate = value.base;
  for (const tier of [...value.tiers].sort((a, b) => a.start - b.start)) {
    if (tier.start <= start) rate = tier.price;
  }
  return decimal(rate);
}

/**
 * genai-prices tiers each key separately; we merge them into whole-request tiers at the union of
 * starts. Equivalent because a key's rate for `n` input tokens is its last tier with start < n.
 */
export function toPriceRates(prices: ModelPrice): PriceRates {
  const rateValue = (key: RateKey) => prices[key] as number | TieredValue | undefined;
  const starts = new Set<number>();
  for (const key of Object.keys(RATE_KEYS) as RateKey[]) {
    const value = rateValue(key);
    if (isTiered(value)) for (const tier of value.tiers) starts.add(tier.start);
  }
  const ratesAt = (start: number) => {
    const rates = {} as Record<(typeof RATE_KEYS)[RateKey], string | null>;
    for (const key of Object.keys(RATE_KEYS) as RateKey[])
      rates[RATE_KEYS[key]] = rateAt(rateValue(key), start);
    return rates;
  };
  const baseRates = ratesAt(-1);
  const tiers = [...starts]
    .sort((a, b) => a - b)
    .map((start) => ({ aboveInputTokens: start, ...ratesAt(start) }));
  return { ...baseRates, tiers };
}

function toExtras(prices: ModelPrice): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const key of Object.keys(prices).sort()) {
    const value = prices[key];
    if (key in RATE_KEYS || value === undefined) continue;
    extras[key] = decimal(isTiered(value) ? value.base : value);
  }
  return extras;
}

/** "00:30:00Z" or "08:30:00+08:00" → "00:30:00" in UTC. */
export function toUtcClock(time: string): string {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!match) throw new Error(`Unsupported time-of-day constraint: ${time}`);
  const [, hours, minutes, seconds, zone, sign, offsetHours = "0", offsetMinutes = "0"] = match;
  const offsetSeconds =
    zone === "Z" ? 0 : (sign === "+" ? 1 : -1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  const utcSeconds =
    (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) - offsetSeconds + 86_400) % 86_400;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(utcSeconds / 3600))}:${pad(Math.floor((utcSeconds % 3600) / 60))}:${pad(utcSeconds % 60)}`;
}

const FREE_RATES = { inputPerMTok: "0", outputPerMTok: "0" } as const;

function toOfferingPrice(prices: ModelPrice, windows: TimeOfDayPrice[]): OfferingPrice {
  return { ...toPriceRates(prices), timeOfDay: windows, extras: toExtras(prices), batchDiscount: null };
}

/**
 * An empty genai-prices price ({}) makes calcPrice bill $0, but it is also how the data says "not
 * priced per token" (subscriptions, moderation). Only a ":free" id makes it a stated $0; otherwise null.
 */
export function toCurrentPrice(providerModelId: string, price: OfferingPrice): OfferingPrice | null {
  const hasRates = Object.values(toFlatRates(price)).some((rate) => rate !== null);
  if (hasRates || Object.keys(price.extras).length > 0 || price.timeOfDay.length > 0) return price;
  return /:free$/i.test(providerModelId) ? { ...price, ...FREE_RATES } : null;
}

function toFlatRates(rates: PriceRates) {
  const { inputPerMTok, outputPerMTok, cacheReadPerMTok, cacheWritePerMTok, reasoningPerMTok } = rates;
  return { inputPerMTok, outputPerMTok, cacheReadPerMTok, cacheWritePerMTok, reasoningPerMTok };
}

/**
 * The price in force on `date` (YYYY-MM-DD, read as UTC midnight like genai-prices' `new Date(start_date)`),
 * with the time-of-day windows that still outrank it in the list.
 */
export function resolvePriceOn(
  prices: ConditionalPrice[] | ModelPrice,
  date: string,
): { price: OfferingPrice; effectiveFrom: string | null } {
  if (!Array.isArray(prices)) return { price: toOfferingPrice(prices, []), effectiveFrom: null };
  const windows: TimeOfDayPrice[] = [];
  for (let index = prices.length - 1; index >= 0; index--) {
    const entry = prices[index];
    if (!entry) continue;
    const constraint = entry.constraint;
    if (constraint?.type === "time_of_date") {
      windows.unshift({
        startUtc: toUtcClock(constraint.start_time),
        endUtc: toUtcClock(constraint.end_time),
        rates: toPriceRates(entry.prices),
      });
      continue;
    }
    if (constraint?.type === "start_date" && constraint.start_date > date) continue;
    return { price: toOfferingPrice(entry.prices, windows), effectiveFrom: constraint?.start_date ?? null };
  }
  const first = prices[0];
  if (!first) throw new Error("genai-prices model has an empty price list");
  return { price: toOfferingPrice(first.prices, windows), effectiveFrom: null };
}

function historyOf(prices: ConditionalPrice[] | ModelPrice): GenaiHistoryEntry[] {
  if (!Array.isArray(prices)) return [];
  const dates = prices.flatMap((entry) =>
    entry.constraint?.type === "start_date" ? [entry.constraint.start_date] : [],
  );
  if (dates.length === 0) return [];
  // "0000-01-01" precedes every start date, so it resolves to the undated first price.
  const entries = [null, ...[...new Set(dates)].sort()].map((effectiveFrom) => ({
    effectiveFrom,
    price: resolvePriceOn(prices, effectiveFrom ?? "0000-01-01").price,
  }));
  return entries;
}

export function normalizeGenaiPrices(providers: readonly Provider[], asOf: string): GenaiCatalog {
  const normalizedProviders: GenaiProvider[] = [];
  const offerings: GenaiOffering[] = [];
  for (const provider of providers) {
    normalizedProviders.push({
      id: provider.id,
      name: provider.name,
      pricingUrl: provider.pricing_urls?.[0] ?? null,
      fallbackProviderIds: [...(provider.fallback_model_providers ?? [])],
    });
    for (const model of provider.models) {
      const current = resolvePriceOn(model.prices, asOf);
      offerings.push({
        providerId: provider.id,
        providerModelId: model.id,
        name: model.name ?? model.id,
        price: toCurrentPrice(model.id, current.price),
        priceEffectiveFrom: current.effectiveFrom,
        history: historyOf(model.prices),
        contextWindow: model.context_window && model.context_window > 0 ? model.context_window : null,
        deprecated: model.deprecated === true,
        match: model.match,
      });
    }
  }
  return { providers: normalizedProviders, offerings };
}

/** genai-prices' model matcher (not exported by the package): case-insensitive except for regex. */
export function matchesGenaiLogic(logic: MatchLogic, modelId: string): boolean {
  const id = modelId.toLowerCase();
  if ("or" in logic) return logic.or.some((inner) => matchesGenaiLogic(inner, modelId));
  if ("and" in logic) return logic.and.every((inner) => matchesGenaiLogic(inner, modelId));
  if ("equals" in logic) return id === logic.equals.toLowerCase();
  if ("starts_with" in logic) return id.startsWith(logic.starts_with.toLowerCase());
  if ("ends_with" in logic) return id.endsWith(logic.ends_with.toLowerCase());
  if ("contains" in logic) return id.includes(logic.contains.toLowerCase());
  if ("regex" in logic) return new RegExp(logic.regex).test(modelId);
  return false;
}

const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

/** genai-prices retries "-20250514" style ids as "-2025-05-14" when the first lookup fails. */
export function expandCompactDates(modelId: string): string {
  return modelId.replace(COMPACT_DATE, (_whole, dash, year, month, day) => `${dash}${year}-${month}-${day}`);
}
