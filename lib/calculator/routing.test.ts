import { describe, expect, it } from "vitest";
import { type Money, parseUsd } from "@/lib/money";
import { estimateRouting, shareOfUsd } from "./routing";

const monthly = (entries: [string, string | null][]) =>
  new Map<string, Money | null>(entries.map(([model, usd]) => [model, usd === null ? null : parseUsd(usd)]));

describe("estimateRouting", () => {
  it("blends a 70/30 mix and measures savings against the flagship taking all traffic", () => {
    // 70% × $10 = $7; 30% × $75 = $22.50; blended $29.50.
    // Baseline: flagship at 100% = $75; savings $45.50 = 60.666…% → 60.67%.
    const estimate = estimateRouting({
      workload: "Support",
      splits: [
        { model: "small", percent: 70 },
        { model: "flagship", percent: 30 },
      ],
      monthlyAtFullTraffic: monthly([
        ["small", "10"],
        ["flagship", "75"],
      ]),
    });
    expect(estimate).toEqual({
      workload: "Support",
      splits: [
        { model: "small", percent: 70, monthlyUsd: "7" },
        { model: "flagship", percent: 30, monthlyUsd: "22.5" },
      ],
      blendedMonthlyUsd: "29.5",
      baselineModel: "flagship",
      baselineMonthlyUsd: "75",
      savingsUsd: "45.5",
      savingsPercent: 60.67,
      unknown: [],
    });
  });

  it("keeps decimal percents exact, so the splits add up to the blend", () => {
    // 33.33% + 33.33% + 33.34% of $1 = $0.3333 + $0.3333 + $0.3334 = $1 exactly.
    const estimate = estimateRouting({
      workload: "Thirds",
      splits: [
        { model: "a", percent: 33.33 },
        { model: "b", percent: 33.33 },
        { model: "c", percent: 33.34 },
      ],
      monthlyAtFullTraffic: monthly([
        ["a", "1"],
        ["b", "1"],
        ["c", "1"],
      ]),
    });
    expect(estimate.splits.map((split) => split.monthlyUsd)).toEqual(["0.3333", "0.3333", "0.3334"]);
    expect(estimate).toMatchObject({ blendedMonthlyUsd: "1", savingsUsd: "0", savingsPercent: 0 });
  });

  it("rounds a share half up to the pico-dollar", () => {
    // 1 pico-dollar × 50% = 0.5 pico → 1 pico.
    expect(shareOfUsd(parseUsd("0.000000000001"), 50).picoUsd).toBe(1n);
  });

  it("leaves the blend unknown when a split's price is unknown", () => {
    const estimate = estimateRouting({
      workload: "Mix",
      splits: [
        { model: "small", percent: 60 },
        { model: "mystery", percent: 40 },
      ],
      monthlyAtFullTraffic: monthly([
        ["small", "10"],
        ["mystery", null],
      ]),
    });
    expect(estimate).toMatchObject({
      splits: [
        { model: "small", percent: 60, monthlyUsd: "6" },
        { model: "mystery", percent: 40, monthlyUsd: null },
      ],
      blendedMonthlyUsd: null,
      baselineModel: null,
      savingsUsd: null,
      savingsPercent: null,
      unknown: ["mystery"],
    });
  });
});
