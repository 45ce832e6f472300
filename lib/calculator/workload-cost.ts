import type { OfferingPrice } from "@/lib/catalog/schema";
import {
  divideRoundHalfUp,
  fromPicoUsd,
  type Money,
  multiplyUsd,
  PICO_DECIMALS,
  parseUsdRounded,
  toUsdString,
} from "@/lib/money";
import { priceUsage } from "@/lib/pricing";
import type { Workload, WorkloadEstimate } from "./schema";

const PICO_SCALE = 10n ** BigInt(PICO_DECIMALS);

/** The tokens one request of a workload uses on one model, after measured overrides. */
export interface RequestTokens {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  measured: boolean;
}

export function tokensForModel(
  workload: Pick<
    Workload,
    "inputTokens" | "outputTokens" | "cachedInputShare" | "measuredInputTokens" | "measuredOutputTokens"
  >,
  modelId: string,
): RequestTokens {
  const measuredInput = workload.measuredInputTokens?.[modelId];
  const measuredOutput = workload.measuredOutputTokens?.[modelId];
  const inputTokens = measuredInput ?? workload.inputTokens;
  return {
    inputTokens,
    outputTokens: measuredOutput ?? workload.outputTokens,
    cachedInputTokens: Math.min(inputTokens, Math.round(inputTokens * (workload.cachedInputShare ?? 0))),
    measured: measuredInput !== undefined || measuredOutput !== undefined,
  };
}

/**
 * The catalog schema pins batchDiscount to null because no source publishes one yet. When one
 * appears it is read as the share taken off ("0.5" = half price), so this code needs no change.
 */
export function batchDiscountShare(price: OfferingPrice): Money | null {
  const raw: unknown = price.batchDiscount;
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const share = parseUsdRounded(raw);
  return share.picoUsd > 0n && share.picoUsd <= PICO_SCALE ? share : null;
}

function applyDiscount(amount: Money, share: Money): Money {
  return fromPicoUsd(divideRoundHalfUp(amount.picoUsd * (PICO_SCALE - share.picoUsd), PICO_SCALE));
}

export type WorkloadCost =
  | { priced: true; perRequestUsd: Money; monthlyUsd: Money; estimate: WorkloadEstimate }
  | { priced: false; unknown: string[] };

/**
 * Prices one workload on one model through the product's one pricing function. Cached tokens on a
 * model without a cache price are billed at its input price (`cacheFallback: "input-price"`), which
 * is what providers without prompt caching charge; `applied.cache` is then false: no cache discount.
 */
export function priceWorkload({
  name,
  price,
  tokens,
  requestsPerMonth,
  batch,
}: {
  name: string;
  price: OfferingPrice | null;
  tokens: RequestTokens;
  requestsPerMonth: number;
  batch: boolean;
}): WorkloadCost {
  const result = priceUsage({
    price,
    usage: {
      inputTokens: tokens.inputTokens,
      outputTokens: tokens.outputTokens,
      cachedInputTokens: tokens.cachedInputTokens,
    },
    cacheFallback: "input-price",
  });
  if (!price || result.totalUsd === null) return { priced: false, unknown: result.unknown };

  const discount = batch ? batchDiscountShare(price) : null;
  const perRequestUsd = discount ? applyDiscount(result.totalUsd, discount) : result.totalUsd;
  const monthlyUsd = multiplyUsd(perRequestUsd, requestsPerMonth);
  return {
    priced: true,
    perRequestUsd,
    monthlyUsd,
    estimate: {
      name,
      requestsPerMonth,
      inputTokens: tokens.inputTokens,
      outputTokens: tokens.outputTokens,
      perRequestUsd: toUsdString(perRequestUsd),
      monthlyUsd: toUsdString(monthlyUsd),
      applied: {
        tier: result.applied.tier ?? null,
        cache: result.applied.cache,
        batch: discount !== null,
        measured: tokens.measured,
      },
    },
  };
}

const RATE_LABELS: Record<string, string> = {
  price: "price",
  inputPerMTok: "input price",
  outputPerMTok: "output price",
  cacheReadPerMTok: "cache-read price",
  reasoningPerMTok: "reasoning price",
};

/** "no input price in genai-prices or models.dev", naming each missing rate once. */
export function unpricedReason(unknownRates: Iterable<string>): string {
  const labels = [...new Set([...unknownRates].map((rate) => RATE_LABELS[rate] ?? rate))];
  const named = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : labels[0];
  return `no ${named ?? "price"} in genai-prices or models.dev`;
}
