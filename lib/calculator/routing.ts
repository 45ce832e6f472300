import {
  addUsd,
  compareUsd,
  divideRoundHalfUp,
  fromPicoUsd,
  type Money,
  parseUsdRounded,
  subtractUsd,
  toUsdString,
} from "@/lib/money";
import type { RoutingEstimate } from "./schema";

/**
 * Percents may be decimals (33.33), so they are scaled to integers with the money parser's 12-digit
 * fixed point and each split's share is monthly × percent / 100, rounded half up to the pico-dollar.
 * The blended figure is the sum of those rounded shares, so the splits always add up to it exactly.
 */
const PERCENT_SCALE = 100n * 10n ** 12n;

export function shareOfUsd(amount: Money, percent: number): Money {
  const scaledPercent = parseUsdRounded(percent).picoUsd;
  return fromPicoUsd(divideRoundHalfUp(amount.picoUsd * scaledPercent, PERCENT_SCALE));
}

/** Savings as a percent of the baseline, to two decimals; null when the baseline costs nothing. */
function savingsPercentOf(savings: Money, baseline: Money): number | null {
  if (baseline.picoUsd === 0n) return null;
  return Number(divideRoundHalfUp(savings.picoUsd * 10_000n, baseline.picoUsd)) / 100;
}

/**
 * A routing mix for one workload. `monthlyAtFullTraffic` is what each model would cost carrying all
 * of the workload's requests (null when its price is unknown). Each split's monthlyUsd is the cost
 * of its share of the traffic; the baseline is the mix's priciest model taking 100%.
 */
export function estimateRouting({
  workload,
  splits,
  monthlyAtFullTraffic,
}: {
  workload: string;
  splits: readonly { model: string; percent: number }[];
  monthlyAtFullTraffic: ReadonlyMap<string, Money | null>;
}): RoutingEstimate {
  const unknown = splits
    .filter((split) => (monthlyAtFullTraffic.get(split.model) ?? null) === null)
    .map((split) => split.model);
  const shares = splits.map((split) => {
    const full = monthlyAtFullTraffic.get(split.model) ?? null;
    return { ...split, full, share: full === null ? null : shareOfUsd(full, split.percent) };
  });
  const rows = shares.map(({ model, percent, share }) => ({
    model,
    percent,
    monthlyUsd: share === null ? null : toUsdString(share),
  }));
  if (unknown.length > 0 || shares.length === 0) {
    return {
      workload,
      splits: rows,
      blendedMonthlyUsd: null,
      baselineModel: null,
      baselineMonthlyUsd: null,
      savingsUsd: null,
      savingsPercent: null,
      unknown: [...new Set(unknown)],
    };
  }

  const known = shares as { model: string; full: Money; share: Money }[];
  const blended = addUsd(...known.map((split) => split.share));
  let baseline = known[0] as (typeof known)[number];
  for (const split of known) if (compareUsd(split.full, baseline.full) > 0) baseline = split;
  const savings = subtractUsd(baseline.full, blended);
  return {
    workload,
    splits: rows,
    blendedMonthlyUsd: toUsdString(blended),
    baselineModel: baseline.model,
    baselineMonthlyUsd: toUsdString(baseline.full),
    savingsUsd: toUsdString(savings),
    savingsPercent: savingsPercentOf(savings, baseline.full),
    unknown: [],
  };
}
