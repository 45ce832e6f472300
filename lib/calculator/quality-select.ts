import type { ModelQuality } from "@/lib/catalog/quality/read";
import { compareUsd, type Money } from "@/lib/money";
import {
  aiderCostOf,
  describeBar,
  type EvalRunEvidence,
  judgeAgainstBar,
  type QualityBar,
} from "./quality-bar";
import type { EstimateResponse, ModelEstimate } from "./schema";

interface Ranked {
  estimate: ModelEstimate;
  monthlyUsd: Money;
}

/**
 * Keeps the priced models that meet the bar, cheapest first; at equal cost the higher score comes
 * first, then the id. Models scored below the bar and models without a score go to their own lists.
 */
export function applyQualityBar(
  ranked: readonly Ranked[],
  bar: QualityBar,
  qualityOf: (model: string) => ModelQuality | null,
  evalRun?: EvalRunEvidence | null,
): { results: Ranked[]; summary: NonNullable<EstimateResponse["qualityBar"]> } {
  const meeting: (Ranked & { score: number })[] = [];
  const belowBar: { model: string; reason: string }[] = [];
  const unscored: { model: string; reason: string }[] = [];
  for (const row of ranked) {
    const quality = qualityOf(row.estimate.model);
    const verdict = judgeAgainstBar(quality, bar, row.estimate.model, evalRun);
    if (verdict.kind === "unscored") unscored.push({ model: row.estimate.model, reason: verdict.reason });
    else if (verdict.kind === "below") belowBar.push({ model: row.estimate.model, reason: verdict.reason });
    else
      meeting.push({
        monthlyUsd: row.monthlyUsd,
        score: verdict.evidence.value,
        estimate: { ...row.estimate, quality: verdict.evidence, aiderCost: aiderCostOf(quality) },
      });
  }
  meeting.sort(
    (left, right) =>
      compareUsd(left.monthlyUsd, right.monthlyUsd) ||
      right.score - left.score ||
      left.estimate.model.localeCompare(right.estimate.model),
  );
  return { results: meeting, summary: { label: describeBar(bar), belowBar, unscored } };
}
