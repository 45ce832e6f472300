/**
 * Which two answers a person compares next in a blind vote, and on which side each is shown.
 * Pure, so the server and the vote page agree on the order without a round trip.
 */

/** One model's answer to one case, as the vote screen needs it. */
export interface VotableResult {
  id: number;
  caseId: string;
  modelId: string;
  output: string;
}

export interface VotedPair {
  leftResultId: number;
  rightResultId: number;
  leftModelId: string;
  rightModelId: string;
}

export interface NextPair {
  caseId: string;
  left: VotableResult;
  right: VotableResult;
  /** Pairs still unvoted, this one included. */
  remaining: number;
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const modelPairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/**
 * The unvoted pair whose two models have been compared least so far (so votes spread over every
 * pairing), earliest case first among equals. Empty answers (failed calls) are not compared.
 */
export function pickNextPair({
  results,
  voted,
  seed,
}: {
  results: VotableResult[];
  voted: VotedPair[];
  seed: string;
}): NextPair | null {
  const votedPairs = new Set(voted.map((vote) => pairKey(vote.leftResultId, vote.rightResultId)));
  const comparisons = new Map<string, number>();
  for (const vote of voted) {
    const key = modelPairKey(vote.leftModelId, vote.rightModelId);
    comparisons.set(key, (comparisons.get(key) ?? 0) + 1);
  }
  const byCase = new Map<string, VotableResult[]>();
  for (const result of results) {
    if (result.output.trim() === "") continue;
    byCase.set(result.caseId, [...(byCase.get(result.caseId) ?? []), result]);
  }
  let best: { first: VotableResult; second: VotableResult; seen: number } | null = null;
  let remaining = 0;
  for (const answers of byCase.values()) {
    answers.forEach((first, index) => {
      for (const second of answers.slice(index + 1)) {
        if (first.modelId === second.modelId || votedPairs.has(pairKey(first.id, second.id))) continue;
        remaining++;
        const seen = comparisons.get(modelPairKey(first.modelId, second.modelId)) ?? 0;
        if (!best || seen < best.seen) best = { first, second, seen };
      }
    });
  }
  if (!best) return null;
  const { first, second } = best as { first: VotableResult; second: VotableResult };
  const [left, right] = orderSides(first, second, seed);
  return { caseId: first.caseId, left, right, remaining };
}

/**
 * Left or right by a hash of the seed and the two ids, so the same pair always shows the same way
 * for a seed (a reload does not swap sides), whichever order the answers came in.
 */
export function orderSides<T extends { id: number }>(a: T, b: T, seed: string): [T, T] {
  const [low, high] = a.id < b.id ? [a, b] : [b, a];
  return fnv1a(`${seed}:${low.id}:${high.id}`) % 2 === 0 ? [low, high] : [high, low];
}

/**
 * 32-bit FNV-1a with MurmurHash3's finalizer: FNV alone leaves its low bit a plain function of the
 * input's parity (the side would follow the ids), and the finalizer mixes every bit into it.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
