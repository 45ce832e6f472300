import { PriceCell } from "@/components/catalog/cells";
import { Badge } from "@/components/ui/badge";
import { guideName, guideTitle, isGuideId } from "@/lib/catalog/guides/sources";
import type { PriceConflict, PriceHistoryPoint } from "@/lib/catalog/read/detail";
import { formatDate, formatPerMTok } from "@/lib/format";

function sourceLabel(source: string): string {
  return isGuideId(source) ? `${guideName(source)}: ${guideTitle(source)}` : source;
}

export function historyDate(
  point: Pick<PriceHistoryPoint, "effectiveFrom" | "sourceDate" | "observedAt">,
): string {
  return point.effectiveFrom ?? point.sourceDate ?? point.observedAt.slice(0, 10);
}

/** Every dated price, oldest first: data packages and buying guides side by side. */
export function HistoryTable({ history }: { history: readonly PriceHistoryPoint[] }) {
  const sorted = [...history].sort((a, b) => historyDate(a).localeCompare(historyDate(b)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[600px] text-sm" data-testid="history-table">
        <thead className="text-left text-xs uppercase text-muted">
          <tr>
            <th className="py-1.5 pr-3">Date</th>
            <th className="py-1.5 pr-3">Source</th>
            <th className="py-1.5 pr-3 text-right">Input</th>
            <th className="py-1.5 pr-3 text-right">Output</th>
            <th className="py-1.5 pr-3 text-right">Cached</th>
            <th className="py-1.5">Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sorted.map((point, index) => (
            <tr
              key={`${point.source}-${historyDate(point)}-${index}`}
              data-testid="history-row"
              data-source={point.source}
            >
              <td className="py-1.5 pr-3 tabular">
                {formatDate(historyDate(point))}
                {point.effectiveFrom === null && point.kind === "data" ? (
                  <span className="block text-[11px] text-muted">listed; start date not given</span>
                ) : null}
              </td>
              <td className="py-1.5 pr-3">
                {sourceLabel(point.source)}
                {point.current ? (
                  <Badge tone="emerald" className="ml-1.5">
                    current
                  </Badge>
                ) : null}
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={point.inputPerMTok} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={point.outputPerMTok} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={point.cacheReadPerMTok} />
              </td>
              <td className="py-1.5 text-xs text-muted">{point.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where a guide's price differs from today's data: both values, both sources, both dates. */
export function ConflictList({ conflicts }: { conflicts: readonly PriceConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="price-conflicts"
    >
      <h2 className="font-semibold">Sources disagree on this price</h2>
      <p className="mt-1 text-xs opacity-80">
        Both are shown with their dates; the catalog does not pick one silently.
      </p>
      <ul className="mt-2 space-y-1">
        {conflicts.map((conflict, index) => (
          <li key={`${conflict.field}-${conflict.other.source}-${index}`} data-testid="price-conflict">
            {conflict.field === "input" ? "Input" : "Output"}:{" "}
            <strong>{formatPerMTok(conflict.other.value)}</strong> in{" "}
            <span title={guideTitle(conflict.other.source)}>{guideName(conflict.other.source)}</span> (
            {formatDate(conflict.other.date)}) vs <strong>{formatPerMTok(conflict.current.value)}</strong> in{" "}
            {conflict.current.source ?? "no source"} ({formatDate(conflict.current.date)})
          </li>
        ))}
      </ul>
    </div>
  );
}
