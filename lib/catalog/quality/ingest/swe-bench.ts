import { z } from "zod";
import type { QualityScore } from "../types";

const perInstanceSchema = z.record(z.string(), z.record(z.string(), z.object({ resolved: z.boolean() })));

export const SWE_BENCH_URL = "https://www.swebench.com/bash-only.html";

/**
 * SWE-bench Verified, bash-only (mini-SWE-agent) split, from the per-instance results the site
 * publishes: resolved rate = resolved instances / instances run. Exact to two decimals.
 */
export function parseSweBenchInstances(json: unknown, sourceDate: string): QualityScore[] {
  return Object.entries(perInstanceSchema.parse(json)).map(([name, instances]) => {
    const total = Object.keys(instances).length;
    const resolved = Object.values(instances).filter((row) => row.resolved).length;
    // Integer arithmetic in hundredths keeps the rate exact: no float rounding enters the value.
    const hundredths = Math.round((resolved * 10_000) / total);
    return {
      source: "swe-bench",
      benchmark: "swe-bench",
      split: "verified-bash-only",
      modelTested: name,
      setting: null,
      value: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`,
      unit: "percent" as const,
      ciLow: null,
      ciHigh: null,
      sampleSize: total,
      details: { resolved },
      sourceDate,
      url: SWE_BENCH_URL,
    };
  });
}
