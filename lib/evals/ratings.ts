import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * Bradley–Terry ratings from blind pairwise votes. P(i beats j) = p_i / (p_i + p_j); strengths are
 * fitted by Hunter's MM iterations and shown on an Elo-like scale, 1000 + 400·log10(p), so 400
 * points mean 10:1 odds. A tie counts as half a win to each side. "Both bad" is left out of the
 * fit: it says both answers failed, not which was better, so it is reported but not rated.
 */

export const VOTE_WINNERS = ["left", "right", "tie", "both_bad"] as const;
export type VoteWinner = (typeof VOTE_WINNERS)[number];

export interface PairwiseVote {
  leftModelId: string;
  rightModelId: string;
  winner: VoteWinner;
}

export interface ModelRating {
  modelId: string;
  rating: number;
  /** 95% interval from the bootstrap: the 2.5th and 97.5th percentile ratings. */
  ciLow: number;
  ciHigh: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

export interface RatingOptions {
  /**
   * Virtual tied games each model plays against a fixed reference of rating 1000. One keeps every
   * rating finite (a model that lost every vote would otherwise sit at minus infinity) and pulls
   * ratings with few votes towards 1000. 0 gives the plain maximum-likelihood fit.
   */
  priorGames?: number;
  bootstrapRounds?: number;
  seed?: number;
}

const BASE_RATING = 1000;
const SCALE = 400;
const MAX_ITERATIONS = 10_000;
const TOLERANCE = 1e-10;

/** Wins of i over j (ties as halves) and games between them, for each ordered pair. */
interface Tally {
  models: string[];
  wins: number[][];
  games: number[][];
}

export function toEloScale(strength: number): number {
  return BASE_RATING + SCALE * Math.log10(strength);
}

/** Ratings with bootstrap intervals, best first; models without rated votes are left out. */
export function computeRatings(votes: PairwiseVote[], options: RatingOptions = {}): ModelRating[] {
  const { priorGames = 1, bootstrapRounds = 200, seed = 1 } = options;
  const rated = votes.filter((vote) => vote.winner !== "both_bad" && vote.leftModelId !== vote.rightModelId);
  const models = [...new Set(rated.flatMap((vote) => [vote.leftModelId, vote.rightModelId]))].sort();
  if (models.length === 0) return [];
  const estimate = fitStrengths(tally(models, rated), priorGames).map(toEloScale);

  const samples: number[][] = models.map(() => []);
  const rng = xoroshiro128plus(seed);
  for (let round = 0; round < bootstrapRounds; round++) {
    const resample = rated.map(() => rated[uniformInt(rng, 0, rated.length - 1)] as PairwiseVote);
    fitStrengths(tally(models, resample), priorGames).forEach((strength, index) => {
      samples[index]?.push(toEloScale(strength));
    });
  }

  const counts = countVotes(votes);
  return models
    .map((modelId, index) => {
      const sorted = (samples[index] ?? []).sort((a, b) => a - b);
      const rating = estimate[index] ?? BASE_RATING;
      return {
        modelId,
        rating,
        ciLow: sorted.length > 0 ? percentile(sorted, 0.025) : rating,
        ciHigh: sorted.length > 0 ? percentile(sorted, 0.975) : rating,
        ...(counts.get(modelId) ?? { wins: 0, losses: 0, ties: 0, bothBad: 0 }),
      };
    })
    .sort((a, b) => b.rating - a.rating || a.modelId.localeCompare(b.modelId));
}

function tally(models: string[], votes: PairwiseVote[]): Tally {
  const index = new Map(models.map((model, position) => [model, position]));
  const square = () => models.map(() => models.map(() => 0));
  const result: Tally = { models, wins: square(), games: square() };
  for (const vote of votes) {
    const left = index.get(vote.leftModelId);
    const right = index.get(vote.rightModelId);
    if (left === undefined || right === undefined) continue;
    const leftWin = vote.winner === "left" ? 1 : vote.winner === "tie" ? 0.5 : 0;
    add(result.wins, left, right, leftWin);
    add(result.wins, right, left, 1 - leftWin);
    add(result.games, left, right, 1);
    add(result.games, right, left, 1);
  }
  return result;
}

function add(matrix: number[][], row: number, column: number, amount: number): void {
  const line = matrix[row];
  if (line) line[column] = (line[column] ?? 0) + amount;
}

/**
 * Hunter's MM update, p_i ← W_i / Σ_j n_ij / (p_i + p_j), until no strength moves by more than
 * 1e-10 (relative). The prior's games are against a reference of strength 1 that never moves, which
 * also fixes the scale; without a prior the strengths are scaled to a geometric mean of 1.
 */
function fitStrengths({ models, wins, games }: Tally, priorGames: number): number[] {
  let strengths = models.map(() => 1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = strengths.map((own, i) => {
      let totalWins = priorGames / 2;
      let denominator = priorGames / (own + 1);
      strengths.forEach((other, j) => {
        const played = games[i]?.[j] ?? 0;
        if (j === i || played === 0) return;
        totalWins += wins[i]?.[j] ?? 0;
        denominator += played / (own + other);
      });
      return denominator === 0 ? own : totalWins / denominator;
    });
    if (priorGames === 0) {
      const logMean = next.reduce((sum, value) => sum + Math.log(value), 0) / next.length;
      for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 1) / Math.exp(logMean);
    }
    const moved = next.some(
      (value, i) => Math.abs(value - (strengths[i] ?? 1)) > TOLERANCE * Math.max(1, value),
    );
    strengths = next;
    if (!moved) break;
  }
  return strengths;
}

function countVotes(
  votes: PairwiseVote[],
): Map<string, Omit<ModelRating, "modelId" | "rating" | "ciLow" | "ciHigh">> {
  const counts = new Map<string, { wins: number; losses: number; ties: number; bothBad: number }>();
  const of = (model: string) => {
    let entry = counts.get(model);
    if (!entry) {
      entry = { wins: 0, losses: 0, ties: 0, bothBad: 0 };
      counts.set(model, entry);
    }
    return entry;
  };
  for (const vote of votes) {
    const left = of(vote.leftModelId);
    const right = of(vote.rightModelId);
    if (vote.winner === "left") [left.wins, right.losses] = [left.wins + 1, right.losses + 1];
    else if (vote.winner === "right") [right.wins, left.losses] = [right.wins + 1, left.losses + 1];
    else if (vote.winner === "tie") [left.ties, right.ties] = [left.ties + 1, right.ties + 1];
    else [left.bothBad, right.bothBad] = [left.bothBad + 1, right.bothBad + 1];
  }
  return counts;
}

/** Linear interpolation between the closest ranks of a sorted sample. */
function percentile(sorted: number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}
