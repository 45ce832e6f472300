import { Card } from "@/components/ui/card";
import type { ModelEstimate } from "@/lib/evals/estimate";
import type { ModelSummary } from "@/lib/evals/summary";
import { formatDate, formatMs, formatUsd } from "@/lib/format";

const percent = (value: number | null) => (value === null ? "unknown" : `${(value * 100).toFixed(1)}%`);

/** The model column stays in view while a narrow screen scrolls the figures sideways. */
const STICKY_FIRST = "sticky left-0 z-10 bg-white dark:bg-zinc-900";

/** Per-model figures of the run, one row each. */
export function RunSummary({
  summary,
  simulated,
  prices,
}: {
  summary: ModelSummary[];
  simulated: Set<string>;
  /** The run's estimate per model, which names the price each model was billed at and its date. */
  prices: ModelEstimate[];
}) {
  return (
    <Card data-testid="run-summary">
      <h2 className="mb-2 font-semibold">Summary per model</h2>
      <div className="overflow-x-auto" data-testid="run-summary-scroller">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              {[
                "Model",
                "Pass rate (95% CI)",
                "Judge score",
                "Vote rating (95% CI)",
                "Mean cost",
                "Total cost",
                "Cost per pass",
                "Judge cost",
                "TTFT p50 / p95",
                "Errors",
              ].map((label, index) => (
                <th
                  key={label}
                  className={`py-1 pr-3 font-medium whitespace-nowrap ${index === 0 ? STICKY_FIRST : ""}`}
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.map((item) => (
              <tr
                key={item.model}
                className="border-t border-zinc-100 dark:border-zinc-800"
                data-testid="summary-row"
                data-model={item.model}
              >
                <td className={`py-1 pr-3 whitespace-nowrap ${STICKY_FIRST}`}>
                  {item.model}
                  {simulated.has(item.model) ? (
                    <span
                      className="ml-1 text-xs text-violet-600 dark:text-violet-300"
                      data-testid="simulated-label"
                    >
                      Simulated
                    </span>
                  ) : null}
                </td>
                <td className="py-1 pr-3 tabular-nums whitespace-nowrap" data-testid="summary-pass-rate">
                  {percent(item.passRate)}
                  {item.passRateCi ? (
                    <span className="ml-1 text-xs text-muted">
                      ({percent(item.passRateCi.low)}–{percent(item.passRateCi.high)}, n={item.graded})
                    </span>
                  ) : null}
                </td>
                <td className="py-1 pr-3 tabular-nums">
                  {item.judgeScore === null ? "—" : item.judgeScore.toFixed(2)}
                </td>
                <td className="py-1 pr-3 tabular-nums whitespace-nowrap" data-testid="summary-vote-rating">
                  {item.voteRating ? (
                    <>
                      {Math.round(item.voteRating.rating)}{" "}
                      <span className="text-xs text-muted">
                        ({Math.round(item.voteRating.ciLow)}–{Math.round(item.voteRating.ciHigh)}, n=
                        {item.voteRating.wins + item.voteRating.losses + item.voteRating.ties})
                      </span>
                    </>
                  ) : (
                    <span title="No blind vote on this run's answers yet">—</span>
                  )}
                </td>
                <td className="py-1 pr-3 tabular-nums">{formatUsd(item.meanCostUsd)}</td>
                <td className="py-1 pr-3 tabular-nums">
                  {formatUsd(item.totalCostUsd)}
                  {priceNote(prices.find((price) => price.model === item.model))}
                </td>
                <td className="py-1 pr-3 tabular-nums">{formatUsd(item.costPerPassUsd)}</td>
                <td className="py-1 pr-3 tabular-nums">
                  {item.judgeCostUsd === null ? "—" : formatUsd(item.judgeCostUsd)}
                </td>
                <td className="py-1 pr-3 tabular-nums whitespace-nowrap">
                  {formatMs(item.ttftP50Ms)} / {formatMs(item.ttftP95Ms)}
                </td>
                <td className="py-1 tabular-nums">{item.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-muted">
        Costs at the catalog price when each answer was made; unknown when a model has no price. Simulated
        models are priced like the model they mirror and bill nothing. Vote ratings are the Bradley–Terry fit
        of the blind votes on this run's answers (1000 is even; 400 points are 10:1 odds; n counts the votes
        other than both bad); the set's leaderboard counts the votes of all its runs.
      </p>
    </Card>
  );
}

function priceNote(price: ModelEstimate | undefined) {
  if (!price?.priceSource) return null;
  return (
    <span className="block text-[10px] text-muted" data-testid="summary-price-source">
      {price.priceSource}, {formatDate(price.priceAsOf)}
    </span>
  );
}
