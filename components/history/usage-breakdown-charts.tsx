"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  barCursor,
  ChartCard,
  ChartEmpty,
  formatAxisUsd,
  HorizontalBarFrame,
  seriesColor,
  shortenLabel,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { formatInteger, formatUsd } from "@/lib/format";
import type { UsageReportJson } from "@/lib/history/api-types";
import { type KeyedRow, rankedByKey } from "@/lib/history/usage-chart-data";

const ROW_HEIGHT_PX = 30;
const MAX_BARS = 12;

function KeyedTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as KeyedRow | undefined) : undefined;
  if (!row) return null;
  return (
    <TooltipBox>
      <p className="font-mono font-semibold">{row.key}</p>
      <p>
        {formatInteger(row.requests)} requests · {formatUsd(row.costUsd)}
      </p>
      {row.unpricedRequests > 0 ? (
        <p className="text-muted">{formatInteger(row.unpricedRequests)} with unknown cost</p>
      ) : null}
    </TooltipBox>
  );
}

function HorizontalBars({
  rows,
  metric,
  tickFormatter,
}: {
  rows: KeyedRow[];
  metric: "requests" | "costUsdValue";
  tickFormatter?: (value: number) => string;
}) {
  return (
    <HorizontalBarFrame rows={rows.length} rowHeightPx={ROW_HEIGHT_PX}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
        <XAxis
          {...axisProps}
          type="number"
          tickFormatter={tickFormatter}
          allowDecimals={metric !== "requests"}
        />
        <YAxis
          {...axisProps}
          type="category"
          dataKey="key"
          width={132}
          interval={0}
          tickFormatter={(key: string) => shortenLabel(key)}
        />
        <Tooltip content={KeyedTooltip} cursor={barCursor} />
        <Bar dataKey={metric} isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {rows.map((row, index) => (
            <Cell key={row.key} fill={seriesColor(index)} />
          ))}
        </Bar>
      </BarChart>
    </HorizontalBarFrame>
  );
}

/** Request count per provider (groupBy=provider). */
export function RequestsByProviderChart({ report }: { report: UsageReportJson }) {
  const rows = rankedByKey(report.buckets, "requests", MAX_BARS);
  return (
    <ChartCard
      testId="usage-chart-provider"
      title="Requests by provider"
      caption="Every request, whatever its outcome."
    >
      {rows.length === 0 ? (
        <ChartEmpty>No requests in this range.</ChartEmpty>
      ) : (
        <HorizontalBars rows={rows} metric="requests" tickFormatter={(value) => formatInteger(value)} />
      )}
    </ChartCard>
  );
}

/** Spend per model (groupBy=model); models without a known price are listed under the chart. */
export function SpendByModelChart({ report }: { report: UsageReportJson }) {
  const rows = rankedByKey(report.buckets, "costUsdValue", MAX_BARS).filter((row) => row.costUsdValue > 0);
  const unpricedModels = report.buckets
    .filter((bucket) => bucket.costUsd === null)
    .map((bucket) => bucket.key);
  return (
    <ChartCard
      testId="usage-chart-model"
      title="Spend by model"
      caption={`Highest spend first${rows.length === MAX_BARS ? `; top ${MAX_BARS} shown` : ""}.`}
    >
      {rows.length === 0 ? (
        <ChartEmpty>No priced spend in this range.</ChartEmpty>
      ) : (
        <HorizontalBars rows={rows} metric="costUsdValue" tickFormatter={formatAxisUsd} />
      )}
      {unpricedModels.length > 0 ? (
        <p className="mt-2 break-words text-xs text-muted">
          Cost unknown (no price on record): <span className="font-mono">{unpricedModels.join(", ")}</span>
        </p>
      ) : null}
    </ChartCard>
  );
}
