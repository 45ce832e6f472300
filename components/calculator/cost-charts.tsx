"use client";

import { type ReactNode, useMemo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  barCursor,
  ChartCard,
  ChartFrame,
  ChartLegend,
  formatAxisTokens,
  formatAxisUsd,
  HorizontalBarFrame,
  seriesColor,
  shortenLabel,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { costAgainstVolume, type ModelBarRow, modelBars, type VolumeRow } from "@/lib/calculator/chart-data";
import type { ModelEstimate } from "@/lib/calculator/schema";
import { formatInteger } from "@/lib/format";
import { formatMonthlyUsd } from "./money-format";

const ROW_HEIGHT_PX = 28;
const VOLUME_MODELS = 5;

function BarTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as ModelBarRow | undefined) : undefined;
  if (!row) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{row.label}</p>
      <p className="font-mono text-muted">{row.model}</p>
      {Object.entries(row.exactByWorkload).map(([name, usd]) => (
        <p key={name} className="flex justify-between gap-3">
          <span>{name}</span>
          <span className="font-mono">{formatMonthlyUsd(usd)} / month</span>
        </p>
      ))}
      <p className="mt-1 flex justify-between gap-3 font-semibold">
        <span>Total</span>
        <span className="font-mono">{formatMonthlyUsd(row.monthlyUsd)} / month</span>
      </p>
    </TooltipBox>
  );
}

/** One horizontal bar per model, labelled by name; `children` draws the bars themselves. */
function ModelBarChart({ rows, children }: { rows: ModelBarRow[]; children: ReactNode }) {
  const labels = new Map(rows.map((row) => [row.model, row.label]));
  return (
    <HorizontalBarFrame rows={rows.length} rowHeightPx={ROW_HEIGHT_PX}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
        <XAxis {...axisProps} type="number" tickFormatter={formatAxisUsd} />
        <YAxis
          {...axisProps}
          type="category"
          // Keyed by model id: two providers often sell a model under the same name.
          dataKey="model"
          width={160}
          interval={0}
          tickFormatter={(model: string) => shortenLabel(labels.get(model) ?? model)}
        />
        <Tooltip content={BarTooltip} cursor={barCursor} />
        {children}
      </BarChart>
    </HorizontalBarFrame>
  );
}

/** Monthly total of the cheapest N models, with the budget drawn as a line when one is set. */
export function TopModelsChart({
  results,
  budgetUsd,
}: {
  results: readonly ModelEstimate[];
  budgetUsd: number | null;
}) {
  const rows = useMemo(() => modelBars(results), [results]);
  return (
    <ChartCard
      testId="chart-top"
      title="Monthly cost, cheapest models"
      caption={`$ / month for the ${rows.length} cheapest matching models.`}
    >
      <ModelBarChart rows={rows}>
        {budgetUsd !== null ? (
          <ReferenceLine
            x={budgetUsd}
            stroke="#10b981"
            strokeDasharray="4 3"
            label={{ value: "budget", fill: "#10b981", fontSize: 11, position: "top" }}
          />
        ) : null}
        <Bar dataKey="monthlyUsdValue" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {rows.map((row, index) => (
            <Cell key={row.model} fill={seriesColor(index)} />
          ))}
        </Bar>
      </ModelBarChart>
    </ChartCard>
  );
}

/** The same models, each bar split by workload, to show which workload drives the bill. */
export function StackedByWorkloadChart({
  results,
  workloadNames,
}: {
  results: readonly ModelEstimate[];
  workloadNames: readonly string[];
}) {
  const rows = useMemo(() => modelBars(results), [results]);
  return (
    <ChartCard
      testId="chart-stacked"
      title="Cost by workload"
      caption="$ / month, each bar split into its workloads."
    >
      <ModelBarChart rows={rows}>
        {workloadNames.map((name, index) => (
          <Bar
            key={name}
            name={name}
            // A function key: workload names may hold dots, which a string key reads as a path.
            dataKey={(row: ModelBarRow) => row.byWorkload[name] ?? 0}
            stackId="workloads"
            fill={seriesColor(index)}
            isAnimationActive={false}
          />
        ))}
      </ModelBarChart>
      <ChartLegend
        items={workloadNames.map((name, index) => ({ id: name, name, color: seriesColor(index) }))}
      />
    </ChartCard>
  );
}

function VolumeTooltip({ active, payload, names }: TooltipContentProps & { names: Map<string, string> }) {
  const row = active ? (payload?.[0]?.payload as VolumeRow | undefined) : undefined;
  if (!row) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">
        {row.multiplier}× today · {formatInteger(row.requestsPerMonth)} requests / month
      </p>
      {Object.entries(row.costs).map(([model, usd]) => (
        <p key={model} className="flex justify-between gap-3">
          <span className="truncate">{names.get(model) ?? model}</span>
          <span className="font-mono">≈{formatMonthlyUsd(usd.toFixed(2))} / month</span>
        </p>
      ))}
    </TooltipBox>
  );
}

/** How the bill grows from a tenth of today's volume to ten times it, for the cheapest few. */
export function CostVolumeChart({
  results,
  budgetUsd,
}: {
  results: readonly ModelEstimate[];
  budgetUsd: number | null;
}) {
  const shown = useMemo(() => results.slice(0, VOLUME_MODELS), [results]);
  const rows = useMemo(() => costAgainstVolume(shown), [shown]);
  const names = useMemo(() => new Map(shown.map((result) => [result.model, result.name])), [shown]);
  const todayRequests = rows.find((row) => row.multiplier === 1)?.requestsPerMonth;
  return (
    <ChartCard
      testId="chart-volume"
      title="Cost against volume"
      caption="$ / month as requests / month scale from 0.1× to 10× today (dashed line), for the cheapest few."
    >
      <ChartFrame className="h-64">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            {...axisProps}
            type="number"
            dataKey="requestsPerMonth"
            domain={[0, "dataMax"]}
            tickFormatter={formatAxisTokens}
          />
          <YAxis {...axisProps} width={64} tickFormatter={formatAxisUsd} />
          <Tooltip content={(props) => <VolumeTooltip {...props} names={names} />} />
          {todayRequests ? (
            <ReferenceLine x={todayRequests} stroke="currentColor" strokeDasharray="4 3" />
          ) : null}
          {budgetUsd !== null ? <ReferenceLine y={budgetUsd} stroke="#10b981" strokeDasharray="4 3" /> : null}
          {shown.map((result, index) => (
            <Line
              key={result.model}
              name={result.name}
              dataKey={(row: VolumeRow) => row.costs[result.model] ?? 0}
              stroke={seriesColor(index)}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartFrame>
      <ChartLegend
        items={shown.map((result, index) => ({
          id: result.model,
          name: result.name,
          color: seriesColor(index),
        }))}
      />
    </ChartCard>
  );
}
