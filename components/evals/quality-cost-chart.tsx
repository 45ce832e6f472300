"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import type { ModelSummary } from "@/lib/evals/summary";
import { formatUsd } from "@/lib/format";

/**
 * The plot itself comes with its own script, after the page's: the charting library is the largest
 * part of the run page's JavaScript, and the matrix need not wait for it (bench:matrix). Its box keeps
 * its height meanwhile.
 */
const QualityCostPlot = dynamic(
  () => import("./quality-cost-plot").then((module) => module.QualityCostPlot),
  {
    ssr: false,
  },
);

export interface Point {
  model: string;
  costUsd: number;
  /** The exact mean cost, as the summary gives it, for the text. */
  meanCostUsd: string;
  passPercent: number;
}

/** Models no other model beats on both: cheaper per answer and at least as often right. */
export function frontierOf(points: Point[]): Point[] {
  const sorted = [...points].sort(
    (left, right) => left.costUsd - right.costUsd || right.passPercent - left.passPercent,
  );
  const frontier: Point[] = [];
  for (const point of sorted)
    if (point.passPercent > (frontier.at(-1)?.passPercent ?? -1)) frontier.push(point);
  return frontier;
}

/** Pass rate against mean cost per answer, with the frontier; models with unknown cost are listed apart. */
export function QualityCostChart({ summary }: { summary: ModelSummary[] }) {
  const points: Point[] = summary.flatMap((item) =>
    item.meanCostUsd !== null && item.passRate !== null
      ? [
          {
            model: item.model,
            costUsd: Number(item.meanCostUsd),
            meanCostUsd: item.meanCostUsd,
            passPercent: Math.round(item.passRate * 1000) / 10,
          },
        ]
      : [],
  );
  const left = summary
    .filter((item) => item.meanCostUsd === null || item.passRate === null)
    .map((item) => item.model);
  const frontier = frontierOf(points);
  return (
    <Card className="min-w-0" data-testid="quality-cost-chart">
      <h2 className="font-semibold">Quality against cost</h2>
      <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
        Pass rate against mean cost per answer. The line joins the models no other beats on both.
      </p>
      <div className="mt-3 h-64">
        <QualityCostPlot points={points} frontier={frontier} />
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {points.map((point) => (
          <li key={point.model}>
            {point.model}: {point.passPercent}% at {formatUsd(point.meanCostUsd)}
            {frontier.includes(point) ? " (frontier)" : ""}
          </li>
        ))}
        {left.length > 0 ? <li>Not plotted (cost or pass rate unknown): {left.join(", ")}</li> : null}
      </ul>
    </Card>
  );
}
