import { formatInteger, formatTokens, formatUsd } from "@/lib/format";
import type { UsageBucketJson } from "@/lib/history/api-types";
import { exactUsdTitle } from "./history-ui";

function Total({
  testId,
  label,
  value,
  title,
  note,
}: {
  testId: string;
  label: string;
  value: string;
  title?: string;
  note?: string | null;
}) {
  return (
    <div
      data-testid={testId}
      className="min-w-0 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm sm:p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p className="text-xs font-medium uppercase tracking-wide text-muted">{label}</p>
      <p
        data-testid="total-value"
        className="mt-1 truncate text-xl font-semibold tabular sm:text-2xl"
        title={title}
      >
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-muted">{note}</p> : null}
    </div>
  );
}

/** Spend, requests and tokens for the whole filtered range, exactly as the API summed them. */
export function UsageTotals({ totals, simulated }: { totals: UsageBucketJson; simulated: boolean }) {
  const spendNote = [
    totals.unpricedRequests > 0
      ? `+ unknown for ${formatInteger(totals.unpricedRequests)} ${totals.unpricedRequests === 1 ? "request" : "requests"} without a price`
      : null,
    simulated ? "includes simulated runs" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div data-testid="usage-totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Total
        testId="usage-total-spend"
        label="Spend"
        value={formatUsd(totals.costUsd)}
        title={exactUsdTitle(totals.costUsd)}
        note={spendNote || null}
      />
      <Total testId="usage-total-requests" label="Requests" value={formatInteger(totals.requests)} />
      <Total
        testId="usage-total-input"
        label="Input tokens"
        value={formatTokens(totals.inputTokens)}
        title={formatInteger(totals.inputTokens)}
        note={totals.cachedInputTokens > 0 ? `${formatTokens(totals.cachedInputTokens)} cached` : null}
      />
      <Total
        testId="usage-total-output"
        label="Output tokens"
        value={formatTokens(totals.outputTokens)}
        title={formatInteger(totals.outputTokens)}
        note={totals.reasoningTokens > 0 ? `${formatTokens(totals.reasoningTokens)} reasoning` : null}
      />
    </div>
  );
}
