/**
 * Typo-tolerant search over short labels such as model names and provider ids. A query matches when
 * every query word matches some word of the entry: as a prefix or substring, or within a small edit
 * distance (so "antropic", "gemni" and "lama 3.3" still find what was meant).
 */

export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, " ")
    .split(" ")
    .filter(Boolean);
}

// Three reusable rows keep the distance computation allocation-free; labels are short.
const MAX_WORD = 64;
const rowA = new Int32Array(MAX_WORD + 1);
const rowB = new Int32Array(MAX_WORD + 1);
const rowC = new Int32Array(MAX_WORD + 1);

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped for speed. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > MAX_WORD || b.length > MAX_WORD) return a === b ? 0 : max + 1;
  let previousPrevious = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const recycled = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[b.length] as number;
}

function allowedTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** Score of one query word against one entry word: 3 exact, 2 prefix, 1.5 substring, 1 typo, 0 none. */
function singleWordScore(queryWord: string, word: string): number {
  if (word === queryWord) return 3;
  if (word.startsWith(queryWord)) return 2;
  if (word.includes(queryWord)) return 1.5;
  const budget = allowedTypos(queryWord);
  if (budget === 0) return 0;
  // Compare with the word and with its prefix of the query's length, so "gemni" matches "gemini-2.5".
  const prefix = word.slice(0, queryWord.length + 1);
  if (
    editDistance(queryWord, word, budget) <= budget ||
    editDistance(queryWord, prefix, budget) <= budget ||
    editDistance(queryWord, prefix.slice(0, -1), budget) <= budget
  ) {
    return 1;
  }
  return 0;
}

export interface SearchIndexEntry {
  words: string[];
  joined: string;
}

export function buildSearchEntry(...labels: (string | null | undefined)[]): SearchIndexEntry {
  const text = labels.filter(Boolean).join(" ");
  return { words: searchWords(text), joined: text.toLowerCase().replace(/[^a-z0-9.]+/g, "") };
}

export type Matcher = (entry: SearchIndexEntry) => number;

/**
 * Compiles a query once for a whole list. Entry words repeat across thousands of rows, so each
 * distinct word is scored once per query word and remembered.
 */
export function compileQuery(query: string): Matcher {
  const queryWords = searchWords(query);
  if (queryWords.length === 0) return () => 1;
  const caches = queryWords.map(() => new Map<string, number>());
  return (entry) => {
    let total = 0;
    for (let index = 0; index < queryWords.length; index++) {
      const queryWord = queryWords[index] as string;
      const cache = caches[index] as Map<string, number>;
      let best = 0;
      for (const word of entry.words) {
        let score = cache.get(word);
        if (score === undefined) {
          score = singleWordScore(queryWord, word);
          cache.set(word, score);
        }
        if (score > best) best = score;
        if (best === 3) break;
      }
      // Words typed without separators ("gpt4o") still match the joined label ("gpt4o" in "gpt-4o").
      if (best === 0 && queryWord.length >= 3 && entry.joined.includes(queryWord)) best = 1.5;
      if (best === 0) return 0;
      total += best;
    }
    return total;
  };
}

/** 0 when the entry does not match; otherwise a relevance score (higher is better). */
export function matchScore(query: string, entry: SearchIndexEntry): number {
  return compileQuery(query)(entry);
}
