/**
 * Byte-pair merging in O(n log n), exact with tiktoken's rule: merge the adjacent pair of lowest rank,
 * the leftmost when ranks tie, until no adjacent pair is in the table. gpt-tokenizer's own merge scans
 * every pair after every merge, so one long piece (a 2,000,000-character run with no spaces is one
 * piece to the pre-tokenizer) costs time in the square of its length: minutes, not milliseconds.
 *
 * Here the pairs sit in a binary heap keyed by (rank, start), which orders them exactly as that scan
 * does, and the parts form a linked list, so a merge touches only its two neighbours. A heap entry goes
 * stale when its part is merged away or its pair changes; it is skipped when popped, since a start's
 * current rank is kept, and two different pairs at one start never share a rank (ranks name byte strings).
 */

/** The rank of a byte string in the encoding's table, or undefined when it is not a token. */
export type RankOf = (bytes: Uint8Array) => number | undefined;

const NO_RANK = -1;

/** A min-heap of (rank, start) pairs in two integer arrays, ordered by rank and then by start. */
class PairHeap {
  private ranks: Int32Array;
  private starts: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.ranks = new Int32Array(Math.max(capacity, 1));
    this.starts = new Int32Array(Math.max(capacity, 1));
  }

  push(rank: number, start: number) {
    if (this.size === this.ranks.length) {
      const ranks = new Int32Array(this.size * 2);
      const starts = new Int32Array(this.size * 2);
      ranks.set(this.ranks);
      starts.set(this.starts);
      this.ranks = ranks;
      this.starts = starts;
    }
    const { ranks, starts } = this;
    let index = this.size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentRank = ranks[parent] as number;
      if (parentRank < rank || (parentRank === rank && (starts[parent] as number) < start)) break;
      ranks[index] = parentRank;
      starts[index] = starts[parent] as number;
      index = parent;
    }
    ranks[index] = rank;
    starts[index] = start;
  }

  /** Removes the least pair; its rank and start are then in `topRank` and `topStart`. */
  topRank = 0;
  topStart = 0;
  pop() {
    const { ranks, starts } = this;
    this.topRank = ranks[0] as number;
    this.topStart = starts[0] as number;
    const size = --this.size;
    const rank = ranks[size] as number;
    const start = starts[size] as number;
    let index = 0;
    while (true) {
      let child = 2 * index + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size) {
        const rightRank = ranks[right] as number;
        const leftRank = ranks[child] as number;
        if (
          rightRank < leftRank ||
          (rightRank === leftRank && (starts[right] as number) < (starts[child] as number))
        )
          child = right;
      }
      const childRank = ranks[child] as number;
      if (childRank > rank || (childRank === rank && (starts[child] as number) > start)) break;
      ranks[index] = childRank;
      starts[index] = starts[child] as number;
      index = child;
    }
    ranks[index] = rank;
    starts[index] = start;
  }
}

/**
 * The rank of each pair of tokens seen, by open addressing in integer arrays: a Map keyed by two
 * ranks would need keys beyond small integers, which V8 hashes several times slower.
 */
class PairRanks {
  private lefts = new Int32Array(1024).fill(NO_RANK);
  private rights = new Int32Array(1024);
  private ranks = new Int32Array(1024);
  private size = 0;

  private slot(left: number, right: number): number {
    const mask = this.lefts.length - 1;
    let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) & mask;
    while (this.lefts[slot] !== NO_RANK && (this.lefts[slot] !== left || this.rights[slot] !== right))
      slot = (slot + 1) & mask;
    return slot;
  }

  /** The stored rank (NO_RANK when the pair is no token), or undefined when the pair is new. */
  get(left: number, right: number): number | undefined {
    const slot = this.slot(left, right);
    return this.lefts[slot] === NO_RANK ? undefined : (this.ranks[slot] as number);
  }

  set(left: number, right: number, rank: number) {
    if (2 * (this.size + 1) > this.lefts.length) this.grow();
    const slot = this.slot(left, right);
    this.lefts[slot] = left;
    this.rights[slot] = right;
    this.ranks[slot] = rank;
    this.size++;
  }

  private grow() {
    const { lefts, rights, ranks } = this;
    this.lefts = new Int32Array(lefts.length * 2).fill(NO_RANK);
    this.rights = new Int32Array(lefts.length * 2);
    this.ranks = new Int32Array(lefts.length * 2);
    this.size = 0;
    for (let slot = 0; slot < lefts.length; slot++) {
      if (lefts[slot] !== NO_RANK)
        this.set(lefts[slot] as number, rights[slot] as number, ranks[slot] as number);
    }
  }
}

/** The tokens (ranks) of `piece` after byte-pair merging; every single byte must be in the table. */
export function bytePairMergeLinear(piece: Uint8Array, rankOf: RankOf): number[] {
  const length = piece.length;
  // A part starts at a byte index; `next` holds the start of the following part (length at the end).
  const next = new Int32Array(length);
  const previous = new Int32Array(length);
  // Every part is a token, so a pair's rank depends only on its two tokens: looking it up once per
  // distinct pair, not once per place, is what makes a long repetitive run cheap.
  const token = new Int32Array(length);
  const pairRanks = new PairRanks();
  const pairRank = new Int32Array(length).fill(NO_RANK);
  const heap = new PairHeap(length);

  const setPairRank = (start: number) => {
    const end = next[start] as number;
    if (end >= length) {
      pairRank[start] = NO_RANK;
      return;
    }
    const left = token[start] as number;
    const right = token[end] as number;
    let rank = pairRanks.get(left, right);
    if (rank === undefined) {
      rank = rankOf(piece.subarray(start, next[end] as number)) ?? NO_RANK;
      pairRanks.set(left, right, rank);
    }
    pairRank[start] = rank;
    if (rank !== NO_RANK) heap.push(rank, start);
  };

  const byteRanks = new Int32Array(256).fill(NO_RANK);
  for (let index = 0; index < length; index++) {
    const byte = piece[index] as number;
    if (byteRanks[byte] === NO_RANK) {
      const rank = rankOf(piece.subarray(index, index + 1));
      if (rank === undefined) throw new Error(`The byte-pair table has no token for the byte ${byte}.`);
      byteRanks[byte] = rank;
    }
    token[index] = byteRanks[byte] as number;
    next[index] = index + 1;
    previous[index] = index - 1;
  }
  for (let index = 0; index + 1 < length; index++) setPairRank(index);

  while (heap.size > 0) {
    heap.pop();
    const start = heap.topStart;
    const rank = heap.topRank;
    if (pairRank[start] !== rank) continue;
    const merged = next[start] as number;
    const after = next[merged] as number;
    next[start] = after;
    if (after < length) previous[after] = start;
    token[start] = rank;
    pairRank[merged] = NO_RANK;
    setPairRank(start);
    const before = previous[start] as number;
    if (before >= 0) setPairRank(before);
  }

  const tokens: number[] = [];
  for (let start = 0; start < length; start = next[start] as number) tokens.push(token[start] as number);
  return tokens;
}
