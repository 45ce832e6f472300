"use client";

import { useEffect, useState } from "react";
import { formatInteger, formatMs, formatUsd } from "@/lib/format";
import type { PaneTurn } from "./use-playground-stream";

function useTicker(active: boolean, everyMs = 200): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}

function Metric({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
}) {
  return (
    <div className="min-w-0" title={hint}>
      <dt className="text-[10px] uppercase tracking-wide text-muted">{label}</dt>
      <dd className="truncate font-medium tabular" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The numbers under an answer. While streaming they are the browser's own live estimates (marked ~);
 * when the pane finishes they become the server's measured values and the provider's token counts.
 */
export function PaneMetrics({ turn }: { turn: PaneTurn }) {
  const live = turn.status === "streaming" || turn.status === "waiting";
  const now = useTicker(live);
  const metrics = turn.metrics;
  const liveTtft = turn.firstTokenAtMs === null ? null : turn.firstTokenAtMs - turn.startedAtMs;
  const liveOutputTokens = Math.round(turn.output.length / 4);
  const liveRate =
    turn.firstTokenAtMs !== null && now - turn.firstTokenAtMs > 250
      ? (liveOutputTokens / (now - turn.firstTokenAtMs)) * 1000
      : null;

  const ttft = metrics ? formatMs(metrics.ttftMs) : liveTtft === null ? "…" : `~${formatMs(liveTtft)}`;
  const rate = metrics
    ? metrics.tokensPerSecond === null
      ? "–"
      : `${metrics.tokensPerSecond.toFixed(1)}/s`
    : liveRate === null
      ? "…"
      : `~${liveRate.toFixed(0)}/s`;
  const total = metrics ? formatMs(metrics.durationMs) : live ? `${formatMs(now - turn.startedAtMs)}` : "–";
  const tokens = metrics
    ? `${formatInteger(metrics.inputTokens)} / ${formatInteger(metrics.outputTokens)}${metrics.reasoningTokens ? ` (+${formatInteger(metrics.reasoningTokens)} r)` : ""}`
    : live
      ? `… / ~${formatInteger(liveOutputTokens)}`
      : "–";
  const cost = metrics ? (metrics.costUsd === null ? "unknown" : formatUsd(metrics.costUsd)) : "…";

  return (
    <dl
      className="grid grid-cols-[repeat(auto-fit,minmax(84px,1fr))] gap-2 border-t border-zinc-100 px-3 py-2 text-xs dark:border-zinc-800"
      data-testid="pane-metrics"
      data-final={metrics !== null}
    >
      <Metric label="TTFT" value={ttft} testId="metric-ttft" hint="Time to first token" />
      <Metric
        label="Speed"
        value={rate}
        testId="metric-rate"
        hint="Output tokens per second after the first token"
      />
      <Metric label="Total" value={total} testId="metric-total" hint="Time from request to last token" />
      <Metric
        label={metrics?.estimated ? "Tokens (est.)" : "Tokens in/out"}
        value={tokens}
        testId="metric-tokens"
        hint={
          metrics?.estimated
            ? "The provider reported no usage; counted with a tokenizer"
            : "Reported by the provider"
        }
      />
      <Metric
        label={turn.simulated ? "Cost (sim.)" : "Cost"}
        value={cost}
        testId="metric-cost"
        hint={
          turn.simulated
            ? "Simulated model: illustrative cost, kept out of real spend"
            : "At the catalog price in effect now"
        }
      />
    </dl>
  );
}
