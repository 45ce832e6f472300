import Link from "next/link";
import { BoolCell, PriceCell, TokensCell } from "@/components/catalog/cells";
import { blendedDecimal } from "@/lib/catalog/read/query";
import type { CatalogEntry } from "@/lib/catalog/schema";
import { modelPath } from "@/lib/catalog/views/paths";
import { formatDate } from "@/lib/format";

function blendedSortValue(entry: CatalogEntry): number {
  const blended = blendedDecimal(entry, [3, 1]);
  return blended === null ? Number.POSITIVE_INFINITY : Number(blended);
}

/** Every provider's offering of one model, cheapest first; unknown prices last. */
export function OfferingsTable({
  offerings,
  currentId,
}: {
  offerings: readonly CatalogEntry[];
  currentId: string;
}) {
  const sorted = [...offerings].sort(
    (a, b) => blendedSortValue(a) - blendedSortValue(b) || a.id.localeCompare(b.id),
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[720px] text-sm" data-testid="offerings-table">
        <thead className="text-left text-xs uppercase text-muted">
          <tr>
            <th className="py-1.5 pr-3">Provider</th>
            <th className="py-1.5 pr-3">Model id</th>
            <th className="py-1.5 pr-3 text-right">Input</th>
            <th className="py-1.5 pr-3 text-right">Output</th>
            <th className="py-1.5 pr-3 text-right">Blended 3:1</th>
            <th className="py-1.5 pr-3 text-right">Cached</th>
            <th className="py-1.5 pr-3 text-right">Context</th>
            <th className="py-1.5 pr-3 text-center">Tools</th>
            <th className="py-1.5">Price as of</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sorted.map((offering) => (
            <tr
              key={offering.id}
              data-testid="offering-row"
              data-model-id={offering.id}
              className={offering.id === currentId ? "bg-accent-50 dark:bg-zinc-800/60" : ""}
            >
              <td className="py-1.5 pr-3 font-medium">{offering.providerName}</td>
              <td className="max-w-64 truncate py-1.5 pr-3 font-mono text-xs">
                {offering.id === currentId ? (
                  offering.model
                ) : (
                  <Link
                    href={modelPath(offering.id)}
                    className="text-accent-600 dark:text-accent-300 underline underline-offset-2"
                  >
                    {offering.model}
                  </Link>
                )}
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={offering.inputPerMTok} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={offering.outputPerMTok} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={blendedDecimal(offering, [3, 1])} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <PriceCell value={offering.cachedInputPerMTok} />
              </td>
              <td className="py-1.5 pr-3 text-right">
                <TokensCell value={offering.contextWindow} />
              </td>
              <td className="py-1.5 pr-3 text-center">
                <BoolCell value={offering.toolCall} label="Tool calling" />
              </td>
              <td className="py-1.5 text-xs text-muted">
                {offering.priceSource
                  ? `${offering.priceSource}, ${formatDate(offering.priceAsOf)}`
                  : "unknown"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
