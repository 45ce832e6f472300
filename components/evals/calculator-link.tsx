"use client";

import { useEffect, useState } from "react";
import { encodeScenario, SCENARIO_PARAM } from "@/lib/calculator/scenario-url";
import type { ModelSummary } from "@/lib/evals/summary";
import { isDemoModelId } from "@/lib/providers/demo-models";

/**
 * "Use in calculator": one workload with the tokens this run measured, per model, so the calculator
 * prices each model with its own answer length. Simulated models are left out (they have no price of their own).
 */
export function CalculatorLink({ summary }: { summary: ModelSummary[] }) {
  const [href, setHref] = useState<string | null>(null);
  const measured = summary.filter(
    (item) => !isDemoModelId(item.model) && item.meanInputTokens !== null && item.meanOutputTokens !== null,
  );
  const key = JSON.stringify(
    measured.map((item) => [item.model, item.meanInputTokens, item.meanOutputTokens]),
  );
  useEffect(() => {
    const rows: [string, number, number][] = JSON.parse(key);
    if (rows.length === 0) {
      setHref(null);
      return;
    }
    const round = (value: number) => Math.max(1, Math.round(value));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    void encodeScenario({
      workloads: [
        {
          name: "Eval run",
          inputTokens: round(mean(rows.map((row) => row[1]))),
          outputTokens: round(mean(rows.map((row) => row[2]))),
          cachedInputShare: 0,
          requestsPerMonth: 10_000,
          measuredInputTokens: Object.fromEntries(rows.map((row) => [row[0], round(row[1])])),
          measuredOutputTokens: Object.fromEntries(rows.map((row) => [row[0], round(row[2])])),
        },
      ],
      models: rows.map((row) => row[0]),
      batch: false,
      includeDeprecated: false,
    }).then((encoded) => setHref(`/calculator?${SCENARIO_PARAM}=${encoded}`));
  }, [key]);
  if (!href) return null;
  return (
    <a
      href={href}
      className="text-sm text-accent-700 hover:underline dark:text-accent-300"
      data-testid="use-in-calculator"
    >
      Use in calculator
    </a>
  );
}
