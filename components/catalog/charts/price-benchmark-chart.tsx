"use client";

import Link from "next/link";
import {
  CartesianGrid,
  LabelList,
  Scatter,
  ScatterChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  bottomAxisLabel,
  ChartCard,
  ChartEmpty,
  ChartFrame,
  Chip,
  ControlGroup,
  LegendMark,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { guideName, guideTitle } from "@/lib/catalog/guides/sources";
import {
  BENCHMARKS,
  type Benchmark,
  type BenchmarkData,
  type BenchmarkPoint,
  type ChartsState,
  ratioLabel,
} from "@/lib/catalog/views/charts";
import { modelPath } from "@/lib/catalog/views/paths";
import { formatDate, formatPerMTok } from "@/lib/format";
import { useChartParams } from "./use-chart-params";

interface PlotPoint extends BenchmarkPoint {
  price: number;
  priceLabel: string;
  priceNote: string;
}

const BENCHMARK_LABELS: Record<Benchmark, string> = {
  humaneval: "HumanEval (coding)",
  mmlu: "MMLU (knowledge)",
  "graduate-reasoning": "Graduate-level reasoning",
};
const TODAY_COLOR = "#6366f1";
const GUIDE_COLOR = "#f59e0b";

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as PlotPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{point.modelName}</p>
      <p>
        Score {point.scorePercent}% — {guideName(point.source)}, {formatDate(point.sourceDate)}
      </p>
      <p className="mt-1">
        {formatPerMTok(point.priceLabel)} per 1M · {point.priceNote}
      </p>
      <p className="mt-1 text-muted italic">“{point.quote}”</p>
    </TooltipBox>
  );
}

export function PriceBenchmarkChart({
  state,
  data,
  className,
}: {
  state: ChartsState;
  data: BenchmarkData;
  className?: string;
}) {
  const { update, pending } = useChartParams();
  const today: PlotPoint[] = data.points.map((point) => ({
    ...point,
    price: point.cheapest.blendedValue,
    priceLabel: point.cheapest.blendedPerMTok,
    priceNote: `cheapest today: ${point.cheapest.name} (${point.cheapest.providerName})`,
  }));
  const then: PlotPoint[] = data.points.flatMap((point) =>
    point.guidePrice
      ? [
          {
            ...point,
            price: point.guidePrice.blendedValue,
            priceLabel: point.guidePrice.blendedPerMTok,
            priceNote: `the guide's own price, ${guideName(point.guidePrice.source)}, ${formatDate(point.guidePrice.sourceDate)}`,
          },
        ]
      : [],
  );
  const scores = data.points.map((point) => point.scorePercent);
  const scoreDomain: [number, number] = [
    Math.max(0, Math.floor((Math.min(...scores) - 5) / 5) * 5),
    Math.min(100, Math.ceil((Math.max(...scores) + 5) / 5) * 5),
  ];
  const sourceText = data.sources
    .map((source) => `the ${guideName(source.id)}, ${guideTitle(source.id)} (${formatDate(source.date)})`)
    .join("; ");

  return (
    <ChartCard
      className={className}
      testId="chart-price-benchmark"
      title="Price vs benchmark score"
      caption={`Only models a buying guide scored. Score as the guide states it; price is the cheapest current offering of the model, blended ${ratioLabel(state.ratio)} per 1M tokens.`}
      controls={
        <ControlGroup label="Benchmark">
          {BENCHMARKS.map((benchmark) => (
            <Chip
              key={benchmark}
              on={state.benchmark === benchmark}
              testId={`benchmark-${benchmark}`}
              onClick={() => update({ bench: benchmark === "humaneval" ? null : benchmark })}
            >
              {BENCHMARK_LABELS[benchmark]}
            </Chip>
          ))}
        </ControlGroup>
      }
      pending={pending}
    >
      {data.points.length === 0 ? (
        <ChartEmpty>No scored model has a known price.</ChartEmpty>
      ) : (
        <ChartFrame className="h-72">
          <ScatterChart margin={{ top: 16, right: 24, bottom: 20, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.18} />
            <XAxis
              {...axisProps}
              type="number"
              dataKey="scorePercent"
              domain={scoreDomain}
              ticks={Array.from(
                { length: (scoreDomain[1] - scoreDomain[0]) / 5 + 1 },
                (_, i) => scoreDomain[0] + i * 5,
              )}
              tickFormatter={(value: number) => `${value}%`}
              label={bottomAxisLabel(`${BENCHMARK_LABELS[data.benchmark]} score`)}
            />
            <YAxis
              {...axisProps}
              type="number"
              dataKey="price"
              width={48}
              domain={[0, "auto"]}
              tickFormatter={(value: number) => `$${value}`}
            />
            <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter name="Cheapest today" data={today} fill={TODAY_COLOR} isAnimationActive={false}>
              <LabelList dataKey="modelName" position="right" fontSize={11} fill="currentColor" />
            </Scatter>
            <Scatter
              name="Guide's price"
              data={then}
              fill="none"
              stroke={GUIDE_COLOR}
              strokeWidth={2}
              shape="diamond"
              isAnimationActive={false}
            />
          </ScatterChart>
        </ChartFrame>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-zinc-600 dark:text-zinc-400">
        <span>
          <LegendMark color={TODAY_COLOR} shape="dot" />
          cheapest current offering
        </span>
        <span>
          <LegendMark color={GUIDE_COLOR} shape="diamond" />
          the guide's own price at the time
        </span>
      </p>
      <ul
        className="mt-2 divide-y divide-zinc-100 text-xs dark:divide-zinc-800"
        data-testid="benchmark-points"
      >
        {data.points.map((point) => (
          <li
            key={point.model}
            className="flex flex-wrap justify-between gap-x-3 py-1"
            data-model={point.model}
          >
            <span>
              <span className="font-medium">{point.modelName}</span> {point.scorePercent}%
            </span>
            <span className="text-muted">
              from{" "}
              <Link
                href={modelPath(point.cheapest.id)}
                className="underline decoration-dotted hover:text-accent-600"
              >
                {point.cheapest.name} ({point.cheapest.providerName})
              </Link>{" "}
              {formatPerMTok(point.cheapest.blendedPerMTok)}
              {point.guidePrice ? `; guide said ${formatPerMTok(point.guidePrice.blendedPerMTok)}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted" data-testid="benchmark-caption">
        Scores from {sourceText}. The guide itself warns that benchmarks don't always reflect production
        performance.
        {data.leftOut.length > 0 ? ` Not shown (no known price): ${data.leftOut.join(", ")}.` : ""}
      </p>
    </ChartCard>
  );
}
