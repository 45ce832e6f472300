"use client";

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatAxisUsd } from "@/components/ui/chart-parts";
import { formatUsd } from "@/lib/format";
import type { Point } from "./quality-cost-chart";

/** The chart of QualityCostChart: the models as points, the frontier as a line. */
export function QualityCostPlot({ points, frontier }: { points: Point[]; frontier: Point[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
        <XAxis type="number" dataKey="costUsd" name="Mean cost" tickFormatter={formatAxisUsd} fontSize={11} />
        <YAxis
          type="number"
          dataKey="passPercent"
          name="Pass rate"
          unit="%"
          domain={[0, 100]}
          fontSize={11}
        />
        <Tooltip
          formatter={(value, name) => (name === "Mean cost" ? formatUsd(String(value)) : `${value}%`)}
          labelFormatter={() => ""}
        />
        <Line data={frontier} dataKey="passPercent" stroke="#7c3aed" dot={false} isAnimationActive={false} />
        <Scatter data={points} fill="#2563eb" isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
