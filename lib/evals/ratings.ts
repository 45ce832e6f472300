import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * Bradley–Terry ratings from blind pairwise votes. P(i beats j) = p_i / (p_i + p_j); strengths are
 * fitted by maximum likelihood (Newton's method) and shown on an Elo-like scale, 1000 + 400·log10(p), so 400
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
const MAX_NEWTON_STEPS = 100;
/** Stop when no log-strength moves by more than this: 1e-9 is 4e-7 rating points. */
const TOLERANCE = 1e-9;
/** The largest Newton step in log-strength; keeps the first steps from overshooting. */
const MAX_STEP = 2;

/** A vote by model index: the left model's share of the win (1, ½ or 0). */
interface IndexedVote {
  left: number;
  right: number;
  leftWin: number;
}

/** Ratings with bootstrap intervals, best first; models without rated votes are left out. */
export function computeRatings(votes: PairwiseVote[], options: RatingOptions = {}): ModelRating[] {
  const { priorGames = 1, bootstrapRounds = 200, seed = 1 } = options;
  const rated = votes.filter((vote) => vote.winner !== "both_bad" && vote.leftModelId !== vote.rightModelId);
  const models = [...new Set(rated.flatMap((vote) => [vote.leftModelId, vote.rightModelId]))].sort();
  if (models.length === 0) return [];
  const index = new Map(models.map((model, position) => [model, position]));
  const indexed: IndexedVote[] = rated.map((vote) => ({
    left: index.get(vote.leftModelId) ?? 0,
    right: index.get(vote.rightModelId) ?? 0,
    leftWin: vote.winner === "left" ? 1 : vote.winner === "tie" ? 0.5 : 0,
  }));
  const estimate = fitLogStrengths(models.length, indexed, priorGames);

  const samples: number[][] = models.map(() => []);
  const rng = xoroshiro128plus(seed);
  for (let round = 0; round < bootstrapRounds; round++) {
    const resample = indexed.map(() => indexed[uniformInt(rng, 0, indexed.length - 1)] as IndexedVote);
    fitLogStrengths(models.length, resample, priorGames).forEach((logStrength, position) => {
      samples[position]?.push(logToElo(logStrength));
    });
  }

  const counts = countVotes(votes);
  return models
    .map((modelId, position) => {
      const sorted = (samples[position] ?? []).sort((a, b) => a - b);
      const rating = logToElo(estimate[position] ?? 0);
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

const logToElo = (logStrength: number) => BASE_RATING + (SCALE * logStrength) / Math.LN10;

/**
 * The maximum-likelihood log-strengths θ (p = e^θ), by Newton's method on the log-likelihood,
 * which is concave: about ten steps. Hunter's MM iterations, used first, needed thousands: 0.7–5 s
 * per leaderboard of 100–10,000 votes against 9–150 ms now (bench/ratings, 2 busy cores).
 * The prior's games are against a reference with θ = 0 that never moves, which fixes the scale;
 * without a prior the last model is held at 0 while fitting and the result is centred on 0
 * (a geometric mean strength of 1).
 */
function fitLogStrengths(modelCount: number, votes: IndexedVote[], priorGames: number): number[] {
  // Wins and games per pair, summed once; each Newton step then costs models² whatever the votes.
  const wins = square(modelCount);
  const games = square(modelCount);
  for (const { left, right, leftWin } of votes) {
    wins[left]![right]! += leftWin;
    wins[right]![left]! += 1 - leftWin;
    games[left]![right]! += 1;
    games[right]![left]! += 1;
  }
  const free = priorGames > 0 ? modelCount : modelCount - 1;
  const theta = new Array<number>(modelCount).fill(0);
  for (let step = 0; step < MAX_NEWTON_STEPS && free > 0; step++) {
    const gradient = new Array<number>(free).fill(0);
    const information = square(free);
    for (let i = 0; i < free; i++) {
      const ownTheta = theta[i] ?? 0;
      const towardsReference = logistic(ownTheta);
      gradient[i] = priorGames * (0.5 - towardsReference);
      information[i]![i]! += priorGames * towardsReference * (1 - towardsReference);
      for (let j = 0; j < modelCount; j++) {
        const played = games[i]![j]!;
        if (j === i || played === 0) continue;
        const winChance = logistic(ownTheta - (theta[j] ?? 0));
        gradient[i]! += wins[i]![j]! - played * winChance;
        const curvature = played * winChance * (1 - winChance);
        information[i]![i]! += curvature;
        if (j < free) information[i]![j]! -= curvature;
      }
    }
    const delta = solveSymmetric(information, gradient);
    const largest = Math.max(...delta.map(Math.abs));
    const shrink = largest > MAX_STEP ? MAX_STEP / largest : 1;
    delta.forEach((change, i) => {
      theta[i] = (theta[i] ?? 0) + change * shrink;
    });
    if (largest < TOLERANCE || !Number.isFinite(largest)) break;
  }
  if (priorGames > 0) return theta;
  const mean = theta.reduce((sum, value) => sum + value, 0) / modelCount;
  return theta.map((value) => value - mean);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function square(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

/**
 * Solves A·x = b for the small symmetric positive-definite information matrix by Gaussian
 * elimination with partial pivoting. A matrix library would be a dependency for fifteen lines on
 * matrices of a few dozen rows. A singular system (a model with no games) leaves that entry at 0.
 */
function solveSymmetric(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    }
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    const lead = rows[column]![column]!;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = column + 1; row < size; row++) {
      const factor = rows[row]![column]! / lead;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    const lead = rows[row]![row]!;
    if (Math.abs(lead) < 1e-12) continue;
    let sum = rows[row]![size]!;
    for (let k = row + 1; k < size; k++) sum -= rows[row]![k]! * solution[k]!;
    solution[row] = sum / lead;
  }
  return solution;
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
