import { describe, expect, it } from "vitest";
import { cheapestAbove, costFrontier } from "./frontier";

const point = (id: string, price: number | null, quality: number | null) => ({ id, price, quality });
const ids = (points: readonly { id: string }[]) => points.map((item) => item.id);

describe("costFrontier", () => {
  it("keeps the models that nothing beats on both price and quality, cheapest first", () => {
    const points = [
      point("premium", 10, 90),
      point("cheap", 1, 50),
      point("overpriced", 12, 80),
      point("middle", 4, 70),
      point("worse-middle", 5, 60),
    ];
    expect(ids(costFrontier(points))).toEqual(["cheap", "middle", "premium"]);
  });

  it("keeps both of two models tied on price and quality", () => {
    const points = [point("a", 2, 60), point("b", 2, 60), point("c", 1, 40)];
    expect(ids(costFrontier(points))).toEqual(["c", "a", "b"]);
  });

  it("drops the worse of two at the same price, and the dearer of two at the same quality", () => {
    const samePrice = [point("better", 3, 70), point("worse", 3, 65)];
    expect(ids(costFrontier(samePrice))).toEqual(["better"]);
    const sameQuality = [point("dear", 5, 70), point("cheap", 2, 70)];
    expect(ids(costFrontier(sameQuality))).toEqual(["cheap"]);
  });

  it("leaves out unknown prices and unknown quality instead of treating them as 0", () => {
    const points = [
      point("no-price", null, 99),
      point("no-quality", 0.01, null),
      point("known", 3, 60),
      point("free", 0, 20),
    ];
    expect(ids(costFrontier(points))).toEqual(["free", "known"]);
  });

  it("is empty when nothing is known", () => {
    expect(costFrontier([point("x", null, null)])).toEqual([]);
  });
});

describe("cheapestAbove", () => {
  it("lists models at or above the bar, cheapest first, unknowns never", () => {
    const points = [
      point("below", 0.5, 49),
      point("at-bar", 2, 50),
      point("cheap", 1, 80),
      point("unknown-quality", 0.1, null),
      point("unknown-price", null, 95),
      point("same-price-better", 2, 90),
    ];
    expect(ids(cheapestAbove(points, 50, 10))).toEqual(["cheap", "same-price-better", "at-bar"]);
    expect(ids(cheapestAbove(points, 50, 1))).toEqual(["cheap"]);
  });
});
