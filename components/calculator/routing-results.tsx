import { Card } from "@/components/ui/card";
import type { RoutingEstimate } from "@/lib/calculator/schema";
import { formatMonthlyUsd } from "./money-format";

/** What each routing mix costs against sending everything to its priciest model. */
export function RoutingResults({ routing }: { routing: readonly RoutingEstimate[] }) {
  if (routing.length === 0) return null;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {routing.map((mix) => {
        const saves = mix.savingsUsd !== null && Number(mix.savingsUsd) > 0;
        return (
          <Card key={mix.workload} data-testid="routing-result">
            <h3 className="text-sm font-semibold">Routing mix · {mix.workload}</h3>
            <ul className="mt-2 space-y-1 text-xs">
              {mix.splits.map((split) => (
                <li key={split.model} className="flex justify-between gap-3">
                  <span className="min-w-0 truncate font-mono">
                    {split.percent}% {split.model}
                  </span>
                  <span className="font-mono tabular-nums">
                    {split.monthlyUsd === null
                      ? "price unknown"
                      : `${formatMonthlyUsd(split.monthlyUsd)} / month`}
                  </span>
                </li>
              ))}
            </ul>
            <dl className="mt-3 grid grid-cols-3 gap-2 border-t border-zinc-100 pt-2 text-xs dark:border-zinc-800">
              <div>
                <dt className="text-muted">Blended</dt>
                <dd
                  className="font-mono text-base font-semibold"
                  data-testid="routing-blended"
                  data-usd={mix.blendedMonthlyUsd ?? ""}
                >
                  {formatMonthlyUsd(mix.blendedMonthlyUsd)}
                </dd>
                <dd className="text-[11px] text-muted">$ / month</dd>
              </div>
              <div>
                <dt className="text-muted">All on baseline</dt>
                <dd className="font-mono text-base" data-testid="routing-baseline">
                  {formatMonthlyUsd(mix.baselineMonthlyUsd)}
                </dd>
                <dd className="truncate text-[11px] text-muted" title={mix.baselineModel ?? undefined}>
                  100% {mix.baselineModel ?? "unknown"}
                </dd>
              </div>
              <div>
                <dt className="text-muted">Savings</dt>
                <dd
                  className={`font-mono text-base font-semibold ${saves ? "text-emerald-600 dark:text-emerald-400" : ""}`}
                  data-testid="routing-savings"
                  data-usd={mix.savingsUsd ?? ""}
                >
                  {formatMonthlyUsd(mix.savingsUsd)}
                  {mix.savingsPercent !== null ? ` (${mix.savingsPercent.toFixed(1)}%)` : ""}
                </dd>
                <dd className="text-[11px] text-muted">$ / month</dd>
              </div>
            </dl>
            {mix.unknown.length > 0 ? (
              <p className="mt-2 text-xs text-amber-700 dark:text-amber-400" data-testid="routing-unknown">
                Not priced, so the mix cannot be totalled: {mix.unknown.join(", ")}
              </p>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
