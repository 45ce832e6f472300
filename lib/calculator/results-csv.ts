import type { ModelEstimate } from "@/lib/calculator/schema";
import { csvCell } from "@/lib/csv";
import { trimDecimal } from "@/lib/format";

const usd = (decimal: string | null) => (decimal === null ? null : trimDecimal(decimal));

/**
 * The results table as CSV, with the exact decimal amounts the estimate returned. Under a quality
 * bar it adds the score each model was held to, with its citation, and Aider's cost per solved task.
 */
export function resultsToCsv(results: readonly ModelEstimate[], workloadNames: readonly string[]): string {
  const withQuality = results.some((result) => result.quality);
  const header = [
    "model",
    "name",
    "provider",
    "monthly_usd",
    "yearly_usd",
    "per_member_monthly_usd",
    "fits_budget",
    ...(withQuality
      ? ["quality_score", "quality_citation", "aider_usd_per_solved_task", "aider_run_date"]
      : []),
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
      ...(withQuality
        ? [
            result.quality?.value ?? null,
            result.quality?.citation ?? null,
            usd(result.aiderCost?.perSolvedTaskUsd ?? null),
            result.aiderCost?.sourceDate ?? null,
          ]
        : []),
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
