import type { ModelEstimate } from "@/lib/calculator/schema";
import { csvCell } from "@/lib/csv";
import { trimDecimal } from "@/lib/format";

const usd = (decimal: string | null) => (decimal === null ? null : trimDecimal(decimal));

/** The results table as CSV, with the exact decimal amounts the estimate returned. */
export function resultsToCsv(results: readonly ModelEstimate[], workloadNames: readonly string[]): string {
  const header = [
    "model",
    "name",
    "provider",
    "monthly_usd",
    "yearly_usd",
    "per_member_monthly_usd",
    "fits_budget",
    ...workloadNames.flatMap((name) => [
      `${name}: requests_per_month`,
      `${name}: input_tokens`,
      `${name}: output_tokens`,
      `${name}: per_request_usd`,
      `${name}: monthly_usd`,
    ]),
  ];
  const lines = results.map((result) =>
    [
      result.model,
      result.name,
      result.provider,
      usd(result.monthlyUsd),
      usd(result.yearlyUsd),
      usd(result.perMemberUsd),
      result.fitsBudget,
      ...workloadNames.flatMap((name) => {
        const workload = result.workloads.find((item) => item.name === name);
        return workload
          ? [
              workload.requestsPerMonth,
              workload.inputTokens,
              workload.outputTokens,
              usd(workload.perRequestUsd),
              usd(workload.monthlyUsd),
            ]
          : [null, null, null, null, null];
      }),
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header.map(csvCell).join(","), ...lines].join("\n")}\n`;
}
