import { Card } from "@/components/ui/card";
import { formatInteger, formatTokens, formatUsd } from "@/lib/format";
import type { UsageReportJson } from "@/lib/history/api-types";
import { exactUsdTitle } from "./history-ui";

/** Spend and requests per team member (groupBy=member); shown only on a shared deployment. */
export function UsageByMember({ report }: { report: UsageReportJson }) {
  return (
    <Card data-testid="usage-by-member">
      <h2 className="mb-3 font-semibold">By member</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th className="py-1.5 pr-3">Member</th>
              <th className="py-1.5 pr-3 text-right">Requests</th>
              <th className="py-1.5 pr-3 text-right">Tokens in / out</th>
              <th className="py-1.5 text-right">Spend</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {report.buckets.map((bucket) => (
              <tr key={bucket.key ?? "none"} data-testid="usage-member-row" data-member={bucket.key ?? ""}>
                <td className="break-all py-1.5 pr-3">{bucket.key ?? "Before sign-in"}</td>
                <td className="py-1.5 pr-3 text-right tabular">{formatInteger(bucket.requests)}</td>
                <td className="whitespace-nowrap py-1.5 pr-3 text-right tabular">
                  {formatTokens(bucket.inputTokens)} / {formatTokens(bucket.outputTokens)}
                </td>
                <td className="py-1.5 text-right tabular" title={exactUsdTitle(bucket.costUsd)}>
                  {formatUsd(bucket.costUsd)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
