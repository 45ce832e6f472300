/**
 * bench/ratings: how long one leaderboard takes to compute (Bradley–Terry fit plus 200 bootstrap
 * refits) for growing numbers of blind votes among 6 models. Pure CPU, no database.
 * Run: npm run bench:ratings
 */
import { computeRatings, type PairwiseVote, type VoteWinner } from "@/lib/evals/ratings";
import { summarize } from "./lib";

const MODELS = ["m1", "m2", "m3", "m4", "m5", "m6"];
const VOTE_COUNTS = [100, 1_000, 10_000];
const TIMED_RUNS = 5;
const TARGET_MS = 500;

/** Votes where model i beats model j with Bradley–Terry odds from strengths 1..6, and some ties. */
function simulatedVotes(count: number): PairwiseVote[] {
  let state = 42;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const left = Math.floor(random() * MODELS.length);
    const right = (left + 1 + Math.floor(random() * (MODELS.length - 1))) % MODELS.length;
    const leftWins = (left + 1) / (left + right + 2);
    const draw = random();
    const winner: VoteWinner =
      draw < 0.1 ? "tie" : draw < 0.15 ? "both_bad" : random() < leftWins ? "left" : "right";
    return { leftModelId: MODELS[left] ?? "", rightModelId: MODELS[right] ?? "", winner };
  });
}

for (const count of VOTE_COUNTS) {
  const votes = simulatedVotes(count);
  computeRatings(votes);
  const samples: number[] = [];
  for (let run = 0; run < TIMED_RUNS; run++) {
    const started = performance.now();
    computeRatings(votes);
    samples.push(performance.now() - started);
  }
  console.log(summarize(`leaderboard, ${count} votes`, samples, TARGET_MS));
}
