"use client";

import { ChartCard, ChartEmpty } from "@/components/ui/chart-parts";
import { type HistorySeries, MAX_HISTORY_SERIES } from "@/lib/catalog/views/charts";
import { HistoryPicker } from "./history-picker";
import { PriceHistoryChart } from "./price-history-chart";
import { useChartParams } from "./use-chart-params";

/** The charts page's price history: the picked offerings live in the URL as repeated `history`. */
export function PriceHistoryPanel({
  series,
  missing,
  options,
  className,
}: {
  series: HistorySeries[];
  missing: string[];
  options: [string, string][];
  className?: string;
}) {
  const { update, pending } = useChartParams();
  const selected = series.map((item) => item.offeringId);
  return (
    <ChartCard
      className={className}
      testId="chart-price-history"
      title="Price history"
      caption="Input and output price per 1M tokens over time, from the data packages and from the dated buying guides. Pick up to six offerings."
      controls={
        <>
          <HistoryPicker
            options={options}
            selected={selected}
            max={MAX_HISTORY_SERIES}
            // An empty value keeps "none picked" distinct from "use the defaults".
            onChange={(ids) => update({ history: ids.length > 0 ? ids : [""] })}
          />
          {missing.length > 0 ? (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              Not in the catalog, so not shown: {missing.join(", ")}
            </p>
          ) : null}
        </>
      }
      pending={pending}
    >
      {series.length === 0 ? (
        <ChartEmpty>Pick an offering to see its prices over time.</ChartEmpty>
      ) : (
        <PriceHistoryChart series={series} />
      )}
    </ChartCard>
  );
}
