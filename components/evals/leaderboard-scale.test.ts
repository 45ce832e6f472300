import { describe, expect, it } from "vitest";
import { ciAxis, ciBar } from "./leaderboard-scale";

describe("ciAxis and ciBar", () => {
  const ratings = [
    { rating: 1100, ciLow: 1050, ciHigh: 1150 },
    { rating: 900, ciLow: 850, ciHigh: 960 },
  ];

  it("spans every interval with padding, rounded out to tens", () => {
    expect(ciAxis(ratings)).toEqual({ min: 830, max: 1170 });
    expect(ciAxis([])).toEqual({ min: 900, max: 1100 });
  });

  it("places the interval and the estimate as percentages of the shared axis", () => {
    const bar = ciBar(ratings[0] ?? { rating: 0, ciLow: 0, ciHigh: 0 }, { min: 800, max: 1200 });
    expect(bar).toEqual({ leftPct: 62.5, widthPct: 25, pointPct: 75 });
  });

  it("clamps to the axis and survives a zero-width axis", () => {
    expect(ciBar({ rating: 2000, ciLow: 0, ciHigh: 3000 }, { min: 800, max: 1200 })).toEqual({
      leftPct: 0,
      widthPct: 100,
      pointPct: 100,
    });
    expect(ciBar({ rating: 1000, ciLow: 1000, ciHigh: 1000 }, { min: 1000, max: 1000 }).widthPct).toBe(0);
  });
});
