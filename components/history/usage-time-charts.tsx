"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import {
  axisProps,
  barCursor,
  ChartCard,
  ChartEmpty,
  ChartFrame,
  ChartLegend,
  formatAxisTokens,
  formatAxisUsd,
  SERIES_COLORS,
  seriesColor,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { formatDate, formatInteger, formatTokens, formatUsd } from "@/lib/format";
import type { UsageReportJson } from "@/lib/history/api-types";
import {
  OTHER_SERIES,
  reportDays,
  type StackedRow,
  shortDay,
  spendByDay,
  type TokenRow,
  tokensByDay,
} from "@/lib/history/usage-chart-data";

const modelColor = (name: string, index: number) => seriesColor(index, name === OTHER_SERIES);

function SpendTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as StackedRow | undefined) : undefined;
  if (!row) return null;
  const entries = Object.entries(row.values).filter(([, usd]) => usd > 0);
  return (
    <TooltipBox>
      <p className="font-semibold">{formatDate(row.day)}</p>
      {entries.length === 0 ? <p className="text-muted">No priced spend</p> : null}
      {entries.map(([name, usd]) => (
        <p key={name} className="flex justify-between gap-3">
          <span className="truncate font-mono">{name}</span>
          <span className="font-mono">
            {/* "other" is a float sum of several models, so it is marked approximate. */}
            {name === OTHER_SERIES ? `≈${formatUsd(String(usd))}` : formatUsd(row.exact[name] ?? String(usd))}
          </span>
        </p>
      ))}
    </TooltipBox>
  );
}

/** Spend per UTC day, stacked by model (groupBy=day&split=model). */
export function SpendOverTimeChart({ report }: { report: UsageReportJson }) {
  const days = reportDays(
    report.from,
    report.to,
    report.buckets.flatMap((bucket) => (bucket.day ? [bucket.day] : [])),
  );
  const { rows, series } = spendByDay(report.buckets, days);
  const unpriced = report.totals?.unpricedRequests ?? 0;
  return (
    <ChartCard
      testId="usage-chart-spend"
      title="Spend over time"
      caption={`Per UTC day, stacked by model.${unpriced > 0 ? ` ${formatInteger(unpriced)} requests with unknown cost are not drawn.` : ""}`}
    >
      {series.length === 0 ? (
        <ChartEmpty tall>No priced spend in this range.</ChartEmpty>
      ) : (
        <>
          <ChartFrame className="h-64">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
              <XAxis {...axisProps} dataKey="day" tickFormatter={shortDay} minTickGap={16} />
              <YAxis {...axisProps} width={64} tickFormatter={formatAxisUsd} />
              <Tooltip content={SpendTooltip} cursor={barCursor} />
              {series.map((name, index) => (
                <Bar
                  key={name}
                  name={name}
                  // A function key: model ids contain dots, which a string key would read as a path.
                  dataKey={(row: StackedRow) => row.values[name] ?? 0}
                  stackId="spend"
                  fill={modelColor(name, index)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ChartFrame>
          <ChartLegend mono items={series.map((name, index) => ({ name, color: modelColor(name, index) }))} />
        </>
      )}
    </ChartCard>
  );
}

const TOKEN_SERIES = [
  { key: "inputTokens", label: "Input (uncached)", color: SERIES_COLORS[0] },
  { key: "cachedInputTokens", label: "Input (cached)", color: SERIES_COLORS[1] },
  { key: "outputTokens", label: "Output", color: SERIES_COLORS[2] },
] as const;

function TokensTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as TokenRow | undefined) : undefined;
  if (!row) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{formatDate(row.day)}</p>
      {TOKEN_SERIES.map((item) => (
        <p key={item.key} className="flex justify-between gap-3">
          <span>{item.label}</span>
          <span className="font-mono">{formatTokens(row[item.key])}</span>
        </p>
      ))}
      <p className="mt-1 text-muted">{formatInteger(row.requests)} requests</p>
    </TooltipBox>
  );
}

/** Input and output tokens per UTC day (groupBy=day). */
export function TokensOverTimeChart({ report }: { report: UsageReportJson }) {
  const days = reportDays(
    report.from,
    report.to,
    report.buckets.flatMap((bucket) => (bucket.day ? [bucket.day] : [])),
  );
  const rows = tokensByDay(report.buckets, days);
  return (
    <ChartCard
      testId="usage-chart-tokens"
      title="Tokens over time"
      caption="Per UTC day; cached input is part of input."
    >
      <ChartFrame className="h-64">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis {...axisProps} dataKey="day" tickFormatter={shortDay} minTickGap={16} />
          <YAxis {...axisProps} width={56} tickFormatter={formatAxisTokens} />
          <Tooltip content={TokensTooltip} cursor={barCursor} />
          {TOKEN_SERIES.map((item) => (
            <Bar
              key={item.key}
              name={item.label}
              dataKey={item.key}
              stackId="tokens"
              fill={item.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartFrame>
      <ChartLegend mono items={TOKEN_SERIES.map((item) => ({ name: item.label, color: item.color }))} />
    </ChartCard>
  );
}
