"use client";

import {
  CartesianGrid,
  Scatter,
  ScatterChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import {
  axisProps,
  bottomAxisLabel,
  ChartCard,
  ChartEmpty,
  ChartFrame,
  Chip,
  ControlGroup,
  formatAxisTokens,
  formatAxisUsd,
  logTicks,
  seriesColor,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import {
  type ChartsState,
  type PriceContextData,
  type PriceContextPoint,
  type PriceMetric,
  ratioLabel,
  SCATTER_CAPS,
  type ScatterCap,
} from "@/lib/catalog/views/charts";
import { formatInteger, formatPerMTok } from "@/lib/format";
import { useChartParams } from "./use-chart-params";

const CAP_LABELS: Record<ScatterCap, string> = {
  tools: "Tool calling",
  reasoning: "Reasoning",
  image: "Image input",
};

function metricLabel(metric: PriceMetric, ratio: [number, number]): string {
  if (metric === "blended") return `Blended ${ratioLabel(ratio)}`;
  return metric === "input" ? "Input" : "Output";
}

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as PriceContextPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{point.name}</p>
      <p className="text-muted">
        {point.providerName} · <span className="font-mono">{point.id}</span>
      </p>
      <p className="mt-1">
        Input {formatPerMTok(point.inputPerMTok)} · Output {formatPerMTok(point.outputPerMTok)} per 1M
      </p>
      <p>Context {formatInteger(point.contextTokens)} tokens</p>
    </TooltipBox>
  );
}

export function PriceContextChart({
  state,
  data,
  providers,
  className,
}: {
  state: ChartsState;
  data: PriceContextData;
  providers: { id: string; name: string }[];
  className?: string;
}) {
  const { update, toggle, pending } = useChartParams();
  const groupColor = (key: string, index: number) => seriesColor(index, key === "other");
  const controls = (
    <>
      <ControlGroup label="Price">
        {(["blended", "input", "output"] as const).map((metric) => (
          <Chip
            key={metric}
            on={state.metric === metric}
            testId={`context-metric-${metric}`}
            onClick={() => update({ metric: metric === "blended" ? null : metric })}
          >
            {metricLabel(metric, state.ratio)}
          </Chip>
        ))}
      </ControlGroup>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Select
          aria-label="Provider"
          data-testid="context-provider"
          value={state.provider ?? ""}
          onChange={(event) => update({ provider: event.target.value || null })}
        >
          <option value="">All providers</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </Select>
        <ControlGroup label="Must have">
          {SCATTER_CAPS.map((cap) => (
            <Chip
              key={cap}
              on={state.caps.includes(cap)}
              testId={`context-cap-${cap}`}
              onClick={() => toggle("cap", cap)}
            >
              {CAP_LABELS[cap]}
            </Chip>
          ))}
        </ControlGroup>
        <Checkbox
          compact
          data-testid="context-show-deprecated"
          checked={state.showDeprecated}
          onChange={(event) => update({ deprecated: event.target.checked ? "show" : null })}
        >
          Show deprecated
        </Checkbox>
      </div>
    </>
  );
  const left = [
    data.unknownCount > 0
      ? `${formatInteger(data.unknownCount)} offerings without a known price or context window are not shown`
      : null,
    data.freeCount > 0
      ? `${formatInteger(data.freeCount)} free offerings ($0) are not shown: a log scale has no zero`
      : null,
  ].filter(Boolean);

  return (
    <ChartCard
      className={className}
      testId="chart-price-context"
      title="Price vs context window"
      caption={`${metricLabel(state.metric, state.ratio)} price per 1M tokens against context window, both on log scales. ${formatInteger(data.shown)} offerings shown.`}
      controls={controls}
      pending={pending}
    >
      {data.shown === 0 ? (
        <ChartEmpty tall>No offering with a known price matches these filters.</ChartEmpty>
      ) : (
        <ChartFrame className="h-80 sm:h-[26rem]">
          <ScatterChart margin={{ top: 8, right: 12, bottom: 20, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.18} />
            <XAxis
              {...axisProps}
              type="number"
              dataKey="contextTokens"
              name="Context window"
              scale="log"
              domain={data.contextDomain}
              ticks={logTicks(data.contextDomain)}
              tickFormatter={formatAxisTokens}
              allowDataOverflow
              label={bottomAxisLabel("Context window (tokens)")}
            />
            <YAxis
              {...axisProps}
              type="number"
              dataKey="priceValue"
              name="Price"
              scale="log"
              width={64}
              domain={data.priceDomain}
              ticks={logTicks(data.priceDomain)}
              tickFormatter={formatAxisUsd}
              allowDataOverflow
            />
            <ZAxis range={[22, 22]} />
            <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} />
            {data.groups.map((group, index) => (
              <Scatter
                key={group.key}
                name={group.label}
                data={group.points}
                fill={groupColor(group.key, index)}
                fillOpacity={group.key === "other" ? 0.45 : 0.75}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        </ChartFrame>
      )}
      <ul
        className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400"
        data-testid="context-legend"
      >
        {data.groups.map((group, index) => (
          <li key={group.key} className="flex items-center gap-1">
            <span
              className="inline-block size-2.5 rounded-full"
              style={{ background: groupColor(group.key, index) }}
            />
            {group.label} ({formatInteger(group.points.length)})
          </li>
        ))}
      </ul>
      {left.length > 0 ? (
        <p className="mt-2 text-xs text-muted" data-testid="context-left-out">
          {left.join(". ")}.
        </p>
      ) : null}
    </ChartCard>
  );
}
