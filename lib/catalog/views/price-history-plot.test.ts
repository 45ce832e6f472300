import { describe, expect, it } from "vitest";
import type { PriceHistoryPoint } from "../read/detail";
import { historyLines } from "./price-history-plot";

describe("historyLines", () => {
  const point = (patch: Partial<PriceHistoryPoint>): PriceHistoryPoint => ({
    effectiveFrom: null,
    observedAt: "2026-11-22T00:00:00.000Z",
    source: "genai-prices",
    sourceDate: "2026-11-22",
    inputPerMTok: "5",
    outputPerMTok: "15",
    cacheReadPerMTok: null,
    note: null,
    current: false,
    kind: "data",
    ...patch,
  });

  it("dates points by effectiveFrom or source date, in order, keeping each point's source", () => {
    const { lines, leftOut } = historyLines([
      {
        offeringId: "openai/gpt-4o",
        label: "GPT-4o",
        points: [
          point({ current: true, inputPerMTok: "2.5", outputPerMTok: "10" }),
          point({ source: "guide-2024-11", sourceDate: "2024-11", effectiveFrom: "2024-11", kind: "guide" }),
        ],
      },
    ]);
    expect(leftOut).toBe(0);
    const input = lines.find((line) => line.metric === "input");
    expect(input?.points.map((p) => [p.date, p.source, p.kind, p.perMTok])).toEqual([
      ["2024-11", "guide-2024-11", "guide", "5"],
      ["2026-11-22", "genai-prices", "data", "2.5"],
    ]);
  });

  it("leaves out undated prices that a dated change follows, and unknown or zero prices", () => {
    const { lines, leftOut } = historyLines([
      {
        offeringId: "x/y",
        label: "Y",
        points: [
          point({}),
          point({ effectiveFrom: "2026-08-21", inputPerMTok: "4", outputPerMTok: "20" }),
          point({
            source: "guide-2026-04",
            sourceDate: "2026-04",
            kind: "guide",
            inputPerMTok: null,
            outputPerMTok: null,
          }),
          point({ effectiveFrom: "2026-09-01", inputPerMTok: "0", outputPerMTok: null }),
        ],
      },
    ]);
    expect(leftOut).toBe(3);
    expect(lines.flatMap((line) => line.points.map((p) => p.value))).toEqual([4, 20]);
  });
});
