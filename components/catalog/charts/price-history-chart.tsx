"use client";

import { useMemo } from "react";
import {
  CartesianGrid,
  Scatter,
  ScatterChart,
  type ScatterShapeProps,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  ChartEmpty,
  ChartFrame,
  formatAxisUsd,
  logTicks,
  seriesColor,
  TooltipBox,
  timeAxis,
} from "@/components/ui/chart-parts";
import { guideName } from "@/lib/catalog/guides/sources";
import {
  type HistoryPlotPoint,
  type HistorySeries,
  historyLines,
  logDomain,
} from "@/lib/catalog/views/charts";
import { utcMonth } from "@/lib/dates";
import { formatDate, formatPerMTok } from "@/lib/format";

export type { HistorySeries as PriceHistorySeries } from "@/lib/catalog/views/charts";

const KIND_LABELS = { data: "data package", guide: "buying guide" } as const;

const monthOf = (ms: number) => formatDate(utcMonth(ms));

/** Package prices are filled circles; guide prices hollow diamonds, so the two never look alike. */
function HistoryMarker({ cx, cy, payload, fill }: ScatterShapeProps & { fill?: string }) {
  if (cx === undefined || cy === undefined) return <g />;
  const point = payload as HistoryPlotPoint;
  if (point.kind === "guide") {
    return (
      <path
        d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`}
        stroke={fill}
        strokeWidth={2}
        className="fill-white dark:fill-zinc-900"
      />
    );
  }
  return <circle cx={cx} cy={cy} r={point.current ? 5 : 4} fill={fill} />;
}

function PointTooltip({ active, payload }: TooltipContentProps) {
  const item = active ? payload?.[0] : undefined;
  const point = item?.payload as HistoryPlotPoint | undefined;
  if (!item || !point) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{String(item.name)}</p>
      <p className="mt-1">{formatPerMTok(point.perMTok)} per 1M tokens</p>
      <p className="text-muted">
        {guideName(point.source)} ({KIND_LABELS[point.kind]}), {formatDate(point.date)}
        {point.current ? " · current" : ""}
      </p>
    </TooltipBox>
  );
}

function HistoryTable({ series }: { series: readonly HistorySeries[] }) {
  const count = series.reduce((total, item) => total + item.points.length, 0);
  return (
    <details className="mt-2 text-xs" data-testid="history-points">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
        All {count} recorded prices
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <thead className="text-muted">
            <tr>
              <th className="py-1 pr-3 font-medium">Offering</th>
              <th className="py-1 pr-3 font-medium">Date</th>
              <th className="py-1 pr-3 font-medium">Source</th>
              <th className="py-1 pr-3 text-right font-medium">Input</th>
              <th className="py-1 text-right font-medium">Output</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {series.flatMap((item) =>
              item.points.map((point, index) => (
                <tr key={`${item.offeringId}-${index}`}>
                  <td className="py-1 pr-3">{item.label}</td>
                  <td className="whitespace-nowrap py-1 pr-3">
                    {point.effectiveFrom
                      ? formatDate(point.effectiveFrom)
                      : `undated (listed ${formatDate(point.sourceDate)})`}
                  </td>
                  <td className="whitespace-nowrap py-1 pr-3">
                    {guideName(point.source)} · {KIND_LABELS[point.kind]}
                    {point.current ? " · current" : ""}
                  </td>
                  <td className="py-1 pr-3 text-right font-mono">{formatPerMTok(point.inputPerMTok)}</td>
                  <td className="py-1 text-right font-mono">{formatPerMTok(point.outputPerMTok)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * Input and output price over time for one or more offerings, on a log price axis. Reused by the
 * model detail and compare pages, so it takes plain serialisable points (from priceHistoryOf).
 */
export function PriceHistoryChart({ series }: { series: HistorySeries[] }) {
  const { lines, leftOut } = useMemo(() => historyLines(series), [series]);
  const values = lines.flatMap((line) => line.points.map((point) => point.value));
  const priceDomain = logDomain(values);
  const decades = Math.log10(priceDomain[1] / priceDomain[0]);
  const time = timeAxis(lines.flatMap((line) => line.points.map((point) => point.dateMs)));
  const colorOf = (offeringId: string) =>
    seriesColor(series.findIndex((item) => item.offeringId === offeringId));

  return (
    <div data-testid="price-history-chart">
      {lines.length === 0 ? (
        <ChartEmpty>No dated prices to plot.</ChartEmpty>
      ) : (
        <ChartFrame className="h-72 sm:h-80">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.18} />
            <XAxis
              {...axisProps}
              type="number"
              dataKey="dateMs"
              domain={time.domain}
              ticks={time.ticks}
              tickFormatter={monthOf}
              allowDataOverflow
            />
            <YAxis
              {...axisProps}
              type="number"
              dataKey="value"
              scale="log"
              width={56}
              domain={priceDomain}
              ticks={logTicks(priceDomain, decades <= 3 ? [1, 2, 5] : [1])}
              tickFormatter={formatAxisUsd}
              allowDataOverflow
            />
            <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} />
            {lines.map((line) => {
              const color = colorOf(line.offeringId);
              return (
                <Scatter
                  key={`${line.offeringId}-${line.metric}`}
                  name={`${line.label}, ${line.metric}`}
                  data={line.points}
                  fill={color}
                  line={{
                    stroke: color,
                    strokeWidth: 1.5,
                    strokeDasharray: line.metric === "output" ? "5 4" : undefined,
                  }}
                  lineJointType="stepAfter"
                  shape={HistoryMarker}
                  isAnimationActive={false}
                />
              );
            })}
          </ScatterChart>
        </ChartFrame>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {series.map((item) => (
          <li key={item.offeringId} className="flex items-center gap-1">
            <span className="inline-block h-0.5 w-4" style={{ background: colorOf(item.offeringId) }} />
            {item.label}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-muted">
        Solid line: input price; dashed: output price. ● price from a data package (genai-prices, models.dev);
        ◇ price stated by a buying guide, dated by the guide.
        {leftOut > 0 ? ` ${leftOut} recorded prices without a usable date or price are not plotted.` : ""}
      </p>
      <HistoryTable series={series} />
    </div>
  );
}
