"use client";

import type { CSSProperties, ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { Card } from "@/components/ui/card";
import { chipClass } from "@/components/ui/chip";
import { DAY_MS } from "@/lib/dates";
import { oneLine } from "@/lib/format";

export function Chip({
  on,
  onClick,
  children,
  testId,
}: {
  on: boolean;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <button type="button" aria-pressed={on} onClick={onClick} data-testid={testId} className={chipClass(on)}>
      {children}
    </button>
  );
}

export function ControlGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's default styling fights the flex layout.
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="mr-0.5 text-xs font-medium text-muted">{label}</span>
      {children}
    </div>
  );
}

/** Card frame shared by the charts: title, caption, controls, then the chart itself. */
export function ChartCard({
  testId,
  title,
  caption,
  controls,
  pending,
  className = "",
  children,
}: {
  testId: string;
  title: string;
  caption: ReactNode;
  controls?: ReactNode;
  pending?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={`min-w-0 ${className}`} data-testid={testId} data-pending={pending ? "true" : "false"}>
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{caption}</p>
      {controls ? <div className="mt-3 flex flex-col gap-2">{controls}</div> : null}
      <div className={`mt-3 transition-opacity ${pending ? "opacity-50" : ""}`}>{children}</div>
    </Card>
  );
}

/** Tooltip box; recharts renders it as HTML, so the zinc classes follow dark mode. */
export function TooltipBox({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-72 rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      {children}
    </div>
  );
}

/** Axis and grid props that take their colour from the surrounding text colour (light or dark). */
export const axisProps = {
  stroke: "currentColor",
  tick: { fill: "currentColor", fontSize: 11 },
  tickLine: false,
} as const;

// Ten distinguishable hues that read on white and on zinc-900; "other" stays neutral grey.
export const SERIES_COLORS = [
  "#6366f1",
  "#0ea5e9",
  "#10b981",
  "#f59e0b",
  "#ef4444",
  "#a855f7",
  "#ec4899",
  "#14b8a6",
  "#84cc16",
  "#f97316",
] as const;
export const OTHER_COLOR = "#a1a1aa";

/** The colour of the series at `index`; the catch-all "other" series stays grey. */
export const seriesColor = (index: number, isOther = false): string =>
  isOther ? OTHER_COLOR : (SERIES_COLORS[index % SERIES_COLORS.length] ?? OTHER_COLOR);

/** Cuts an axis label to `maxChars` (at a word where it can), ending it with an ellipsis. */
export const shortenLabel = (text: string, maxChars = 22) => oneLine(text, maxChars);

/** Hover band behind the bar under the pointer. */
export const barCursor = { fill: "currentColor", fillOpacity: 0.08 } as const;

/** An axis title under the x axis, in the axis colour. */
export const bottomAxisLabel = (value: string) =>
  ({ value, position: "insideBottom", offset: -12, fill: "currentColor", fontSize: 11 }) as const;

/** The sized box a chart fills; axes and grid take their colour from its text colour. */
export function ChartFrame({
  className = "",
  style,
  children,
}: {
  className?: string;
  style?: CSSProperties;
  children: ReactElement;
}) {
  return (
    <div className={`${className} text-zinc-500 dark:text-zinc-400`.trim()} style={style}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** What a chart shows instead of itself when it has nothing to plot; `tall` for the taller charts. */
export function ChartEmpty({
  tall = false,
  testId,
  children,
}: {
  tall?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p className={`${tall ? "py-16" : "py-12"} text-center text-sm text-muted`} data-testid={testId}>
      {children}
    </p>
  );
}

/** A horizontal bar chart's box: one row per bar, plus room for the axis. */
export function HorizontalBarFrame({
  rows,
  rowHeightPx,
  children,
}: {
  rows: number;
  rowHeightPx: number;
  children: ReactElement;
}) {
  return <ChartFrame style={{ height: rows * rowHeightPx + 40 }}>{children}</ChartFrame>;
}

export const formatAxisUsd = (value: number) => `$${value >= 1 ? value : Number(value.toPrecision(2))}`;

const compactTokens = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** "1K", "128K", "1M": axis ticks need the short form even below the 10K where formatTokens switches. */
export const formatAxisTokens = (value: number) => compactTokens.format(value);

/** Ticks at each power of ten, plus 2 and 5 times it when the axis spans few decades. */
export function logTicks([low, high]: [number, number], base: readonly number[] = [1]): number[] {
  const ticks: number[] = [];
  for (let decade = low; decade <= high * 1.0001; decade *= 10) {
    for (const factor of base) {
      const tick = Number((decade * factor).toPrecision(6));
      if (tick <= high * 1.0001) ticks.push(tick);
    }
  }
  return ticks;
}

/** A padded time domain with ticks on the first of January (or also July, April…) for sparse histories. */
export function timeAxis(datesMs: readonly number[]): { domain: [number, number]; ticks: number[] } {
  if (datesMs.length === 0) return { domain: [0, 1], ticks: [] };
  const domain: [number, number] = [Math.min(...datesMs) - 45 * DAY_MS, Math.max(...datesMs) + 45 * DAY_MS];
  const firstYear = new Date(domain[0]).getUTCFullYear();
  const years = new Date(domain[1]).getUTCFullYear() - firstYear;
  const stepMonths = years >= 3 ? 12 : years >= 1 ? 6 : 3;
  const ticks: number[] = [];
  for (let month = 0; Date.UTC(firstYear, month, 1) <= domain[1]; month += stepMonths) {
    const tick = Date.UTC(firstYear, month, 1);
    if (tick >= domain[0]) ticks.push(tick);
  }
  return { domain, ticks };
}

/** A colour-keyed legend under a chart; `mono` for ids such as model names. */
export function ChartLegend({
  items,
  mono = false,
}: {
  items: { id?: string; name: string; color: string }[];
  mono?: boolean;
}) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {items.map((item) => (
        <li key={item.id ?? item.name} className="flex min-w-0 items-center gap-1.5">
          <span className="inline-block size-2.5 shrink-0 rounded-sm" style={{ background: item.color }} />
          <span className={`truncate${mono ? " font-mono" : ""}`}>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}

/** A chart's mark drawn beside its legend text: a shape, not a glyph, so it needs no text contrast. */
export function LegendMark({ color, shape }: { color: string; shape: "dot" | "diamond" | "dot-line" }) {
  return (
    <svg aria-hidden="true" width={shape === "dot-line" ? 18 : 10} height={10} className="mr-1 inline-block">
      {shape === "diamond" ? (
        <path d="M5 1 L9 5 L5 9 L1 5 Z" fill="none" stroke={color} strokeWidth={1.5} />
      ) : (
        <circle cx={5} cy={5} r={4} fill={color} />
      )}
      {shape === "dot-line" ? <line x1={9} y1={5} x2={18} y2={5} stroke={color} strokeWidth={2} /> : null}
    </svg>
  );
}
