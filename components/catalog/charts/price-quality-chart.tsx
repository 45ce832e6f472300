"use client";

import Link from "next/link";
import { useState } from "react";
import {
  CartesianGrid,
  LabelList,
  type LabelProps,
  Scatter,
  ScatterChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  axisProps,
  bottomAxisLabel,
  ChartCard,
  ChartEmpty,
  ChartFrame,
  Chip,
  ControlGroup,
  formatAxisUsd,
  LegendMark,
  logTicks,
  shortenLabel,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { controlClass } from "@/components/ui/control-class";
import {
  type PriceQualityData,
  type PriceQualityPoint,
  QUALITY_AXES,
  type QualityAxis,
} from "@/lib/catalog/quality/views/price-quality";
import { formatScore } from "@/lib/catalog/quality/views/scores";
import { ratioLabel } from "@/lib/catalog/views/charts";
import { COLUMN_LABELS } from "@/lib/catalog/views/columns";
import { modelPath } from "@/lib/catalog/views/paths";
import { formatDate, formatInteger, formatPerMTok } from "@/lib/format";
import { useChartParams } from "./use-chart-params";

const POINT_COLOR = "#6366f1";
const FRONTIER_COLOR = "#10b981";

type PlotPoint = PriceQualityPoint & { price: number; name: string };

const axisChip = (axis: QualityAxis) => (axis === "quality" ? "Quality index" : COLUMN_LABELS[axis]);

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as PlotPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{point.cheapest.name}</p>
      <p className="text-muted">
        cheapest paid offering: {point.cheapest.providerName} · {formatPerMTok(point.cheapest.blendedPerMTok)}{" "}
        per 1M
      </p>
      <p className="mt-1">
        {point.tested ? `${point.tested}, ${formatDate(point.date)}` : `${point.modelId}`}
        {point.onFrontier ? " · on the frontier" : ""}
      </p>
    </TooltipBox>
  );
}

/** Frontier names on one line above their points; recharts would wrap them to the symbol's width. */
function FrontierLabel(props: LabelProps) {
  const x = Number(props.x ?? 0) + Number(props.width ?? 0) / 2;
  return (
    <text x={x} y={Number(props.y ?? 0) - 6} textAnchor="middle" fontSize={10} fill="currentColor">
      {shortenLabel(String(props.value ?? ""), 20)}
    </text>
  );
}

function BarForm({ axis, bar, onApply }: { axis: QualityAxis; bar: number; onApply: (bar: string) => void }) {
  const [draft, setDraft] = useState(String(bar));
  return (
    <form
      className="flex items-center gap-1.5 text-xs text-muted"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <label className="flex items-center gap-1.5">
        {axisChip(axis)} at least
        <input
          key={`${axis}-${bar}`}
          type="number"
          min={0}
          step="any"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => onApply(draft)}
          data-testid="quality-bar"
          className={`${controlClass} w-24`}
        />
      </label>
      <Button type="submit">Apply</Button>
    </form>
  );
}

export function PriceQualityChart({
  data,
  ratio,
  className,
}: {
  data: PriceQualityData;
  ratio: [number, number];
  className?: string;
}) {
  const { update, pending } = useChartParams();
  const toPlot = (point: PriceQualityPoint): PlotPoint => ({
    ...point,
    price: point.cheapest.blendedValue,
    name: point.cheapest.name,
  });
  const others = data.points.filter((point) => !point.onFrontier).map(toPlot);
  const frontier = data.frontier.map(toPlot);
  const leftOut = [
    data.unpricedCount > 0
      ? `${formatInteger(data.unpricedCount)} scored models with no current offering at a known price`
      : null,
    data.freeOnlyCount > 0 ? `${formatInteger(data.freeOnlyCount)} offered only free ($0)` : null,
  ].filter(Boolean);

  return (
    <ChartCard
      className={className}
      testId="chart-price-quality"
      title="Price vs quality"
      caption={`Each scored model at its cheapest paid offering, blended ${ratioLabel(ratio)} per 1M tokens (log scale), against ${data.label}. Green points are the cost-efficiency frontier: no other model is both as cheap and as good.`}
      controls={
        <ControlGroup label="Quality">
          {QUALITY_AXES.map((axis) => (
            <Chip
              key={axis}
              on={data.axis === axis}
              testId={`quality-axis-${axis}`}
              onClick={() => update({ qaxis: axis === "quality" ? null : axis, qbar: null })}
            >
              {axisChip(axis)}
            </Chip>
          ))}
        </ControlGroup>
      }
      pending={pending}
    >
      {data.points.length === 0 ? (
        <ChartEmpty tall>No model with this score has a known paid price.</ChartEmpty>
      ) : (
        <div data-testid="price-quality-plot" data-frontier-count={frontier.length}>
          <ChartFrame className="h-80 sm:h-[26rem]">
            <ScatterChart margin={{ top: 12, right: 24, bottom: 20, left: 0 }}>
              <CartesianGrid stroke="currentColor" strokeOpacity={0.18} />
              <XAxis
                {...axisProps}
                type="number"
                dataKey="price"
                name="Price"
                scale="log"
                domain={data.priceDomain}
                ticks={logTicks(data.priceDomain)}
                tickFormatter={formatAxisUsd}
                allowDataOverflow
                label={bottomAxisLabel(`Blended ${ratioLabel(ratio)} $/1M tokens`)}
              />
              <YAxis
                {...axisProps}
                type="number"
                dataKey="quality"
                name="Quality"
                width={48}
                domain={data.qualityDomain}
                ticks={data.qualityTicks}
                allowDataOverflow
              />
              <ZAxis range={[28, 28]} />
              <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} />
              <Scatter
                name="Other models"
                data={others}
                fill={POINT_COLOR}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
              <Scatter
                name="Frontier"
                data={frontier}
                fill={FRONTIER_COLOR}
                line={{ stroke: FRONTIER_COLOR, strokeWidth: 2 }}
                lineType="joint"
                isAnimationActive={false}
              >
                <LabelList dataKey="name" content={FrontierLabel} />
              </Scatter>
            </ScatterChart>
          </ChartFrame>
        </div>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-zinc-600 dark:text-zinc-400">
        <span>
          <LegendMark color={FRONTIER_COLOR} shape="dot-line" />
          frontier ({frontier.length})
        </span>
        <span>
          <LegendMark color={POINT_COLOR} shape="dot" />
          other models ({others.length})
        </span>
        {leftOut.length > 0 ? (
          <span data-testid="price-quality-left-out">Not shown: {leftOut.join("; ")}.</span>
        ) : null}
      </p>
      <details className="mt-2 text-xs" data-testid="frontier-list">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
          The frontier, cheapest first
        </summary>
        <ol className="mt-1 divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.frontier.map((point) => (
            <li key={point.modelId} className="flex justify-between gap-3 py-1" data-testid="frontier-point">
              <Link href={modelPath(point.cheapest.id)} className="underline decoration-dotted">
                {point.cheapest.name} ({point.cheapest.providerName})
              </Link>
              <span className="tabular">
                {formatPerMTok(point.cheapest.blendedPerMTok)} · {formatScore(data.axis, point.quality)}
              </span>
            </li>
          ))}
        </ol>
      </details>

      <div className="mt-4 border-t border-zinc-100 pt-3 dark:border-zinc-800">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold">Cheapest models above a quality bar</h3>
          <BarForm
            key={`${data.axis}-${data.bar}`}
            axis={data.axis}
            bar={data.bar}
            onApply={(value) => {
              const parsed = Number(value);
              if (value !== "" && Number.isFinite(parsed) && parsed !== data.bar)
                update({ qbar: String(parsed) });
            }}
          />
        </div>
        {data.cheapestAbove.length === 0 ? (
          <p className="py-4 text-sm text-muted" data-testid="cheapest-above-empty">
            No priced model reaches this bar.
          </p>
        ) : (
          <ol
            className="mt-2 divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
            data-testid="cheapest-above"
          >
            {data.cheapestAbove.map((point, index) => (
              <li
                key={point.modelId}
                className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5"
                data-testid="cheapest-above-row"
                data-model-id={point.cheapest.id}
                data-quality={point.quality}
                data-blended-per-mtok={point.cheapest.blendedPerMTok}
              >
                <span className="min-w-0">
                  <span className="mr-1.5 text-xs text-muted">{index + 1}.</span>
                  <Link href={modelPath(point.cheapest.id)} className="font-medium hover:underline">
                    {point.cheapest.name}
                  </Link>{" "}
                  <span className="text-xs text-muted">{point.cheapest.providerName}</span>
                  {point.onFrontier ? (
                    <Badge tone="emerald" className="ml-1.5">
                      frontier
                    </Badge>
                  ) : null}
                </span>
                <span className="tabular text-xs">
                  {formatPerMTok(point.cheapest.blendedPerMTok)}/1M · {formatScore(data.axis, point.quality)}
                  {point.date ? <span className="text-muted"> ({formatDate(point.date)})</span> : null}
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-1 text-xs text-muted">
          The bar starts at the median of the models shown. Models without this score are never listed.
        </p>
      </div>
    </ChartCard>
  );
}
