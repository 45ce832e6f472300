import { describe, expect, it } from "vitest";
import { computeRatings, type PairwiseVote, type VoteWinner } from "./ratings";

function votes(left: string, right: string, winner: VoteWinner, times: number): PairwiseVote[] {
  return Array.from({ length: times }, () => ({ leftModelId: left, rightModelId: right, winner }));
}

const byModel = (ratings: ReturnType<typeof computeRatings>) =>
  Object.fromEntries(ratings.map((rating) => [rating.modelId, rating]));

describe("computeRatings", () => {
  it("matches a hand-computed Bradley–Terry fit", () => {
    /*
     * A beats B 2–1, B beats C 2–1, A beats C 4–1. Try strengths p = (4, 2, 1). The MLE satisfies,
     * for each model, wins = Σ_j n_ij · p_i / (p_i + p_j):
     *   A: wins 2 + 4 = 6;  3·4/6 + 5·4/5 = 2 + 4 = 6  ✓
     *   B: wins 1 + 2 = 3;  3·2/6 + 3·2/3 = 1 + 2 = 3  ✓
     *   C: wins 1 + 1 = 2;  3·1/3 + 5·1/5 = 1 + 1 = 2  ✓
     * so p ∝ (4, 2, 1). Scaled to a geometric mean of 1 (÷ ∛8 = 2): (2, 1, 0.5), and on the
     * Elo-like scale 1000 + 400·log10 p: A = 1000 + 400·0.30103 = 1120.41, B = 1000, C = 879.59.
     */
    const data = [
      ...votes("A", "B", "left", 2),
      ...votes("B", "A", "left", 1),
      ...votes("B", "C", "left", 2),
      ...votes("C", "B", "left", 1),
      ...votes("A", "C", "left", 3),
      ...votes("C", "A", "right", 1),
      ...votes("C", "A", "left", 1),
    ];
    const ratings = byModel(computeRatings(data, { priorGames: 0, bootstrapRounds: 0 }));
    expect(ratings.A?.rating).toBeCloseTo(1120.41, 2);
    expect(ratings.B?.rating).toBeCloseTo(1000, 2);
    expect(ratings.C?.rating).toBeCloseTo(879.59, 2);
    expect(ratings.A).toMatchObject({ wins: 6, losses: 2, ties: 0 });
    expect(ratings.C).toMatchObject({ wins: 2, losses: 6 });
  });

  it("counts a tie as half a win to each side", () => {
    /*
     * A beats B once and they tie twice: A has 1 + 2·½ = 2 wins of 3 games, B has 1. The MLE has
     * p_A / (p_A + p_B) = 2/3, so p_A / p_B = 2: a gap of 400·log10 2 = 120.41, i.e. 1060.21 and
     * 939.79 around 1000.
     */
    const data = [...votes("A", "B", "left", 1), ...votes("B", "A", "tie", 2)];
    const ratings = byModel(computeRatings(data, { priorGames: 0, bootstrapRounds: 0 }));
    expect(ratings.A?.rating).toBeCloseTo(1060.21, 2);
    expect(ratings.B?.rating).toBeCloseTo(939.79, 2);
    expect(ratings.A?.ties).toBe(2);
  });

  it("leaves both-bad votes out of the fit but counts them", () => {
    const data = [...votes("A", "B", "left", 3), ...votes("B", "A", "left", 1)];
    const without = computeRatings(data, { bootstrapRounds: 0 });
    const withBothBad = computeRatings([...data, ...votes("A", "B", "both_bad", 5)], { bootstrapRounds: 0 });
    expect(withBothBad.map((rating) => rating.rating)).toEqual(without.map((rating) => rating.rating));
    expect(byModel(withBothBad).A?.bothBad).toBe(5);
    expect(computeRatings(votes("A", "B", "both_bad", 2))).toEqual([]);
  });

  it("keeps a model that lost every vote finite with the default prior, ranked last", () => {
    const data = [...votes("A", "B", "left", 5), ...votes("B", "C", "left", 5)];
    const ratings = computeRatings(data, { bootstrapRounds: 50 });
    expect(ratings.map((rating) => rating.modelId)).toEqual(["A", "B", "C"]);
    for (const rating of ratings) {
      expect(Number.isFinite(rating.rating)).toBe(true);
      expect(Number.isFinite(rating.ciLow)).toBe(true);
    }
  });

  it("gives 95% intervals that contain the estimate and narrow with more votes", () => {
    const round = [
      ...votes("A", "B", "left", 6),
      ...votes("A", "B", "right", 4),
      ...votes("B", "C", "left", 6),
    ];
    const few = byModel(computeRatings([...round, ...votes("C", "B", "left", 4)], { seed: 7 }));
    const many = byModel(
      computeRatings(Array.from({ length: 10 }, () => [...round, ...votes("C", "B", "left", 4)]).flat(), {
        seed: 7,
      }),
    );
    for (const model of ["A", "B", "C"]) {
      const rating = few[model];
      expect(rating?.ciLow).toBeLessThanOrEqual(rating?.rating ?? Number.NaN);
      expect(rating?.ciHigh).toBeGreaterThanOrEqual(rating?.rating ?? Number.NaN);
      const fewWidth = (few[model]?.ciHigh ?? 0) - (few[model]?.ciLow ?? 0);
      const manyWidth = (many[model]?.ciHigh ?? 0) - (many[model]?.ciLow ?? 0);
      expect(fewWidth).toBeGreaterThan(0);
      // Ten times the votes: the interval shrinks by about √10 ≈ 3.2.
      expect(manyWidth).toBeLessThan(fewWidth / 2);
    }
  });

  it("is reproducible for a seed", () => {
    const data = [
      ...votes("A", "B", "left", 4),
      ...votes("A", "B", "right", 3),
      ...votes("B", "A", "tie", 2),
    ];
    expect(computeRatings(data, { seed: 3 })).toEqual(computeRatings(data, { seed: 3 }));
    expect(computeRatings(data, { seed: 3 })).not.toEqual(computeRatings(data, { seed: 4 }));
  });

  it("does not depend on which side a model was shown on", () => {
    const shown = [...votes("A", "B", "left", 3), ...votes("A", "B", "right", 1)];
    const swapped = [...votes("B", "A", "right", 3), ...votes("B", "A", "left", 1)];
    const [a, b] = [
      computeRatings(shown, { bootstrapRounds: 0 }),
      computeRatings(swapped, { bootstrapRounds: 0 }),
    ];
    expect(a.map((rating) => [rating.modelId, rating.rating])).toEqual(
      b.map((rating) => [rating.modelId, rating.rating]),
    );
  });
});
