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

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped for speed. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function allowedTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** Score of one query word against an entry's words: 3 exact, 2 prefix, 1.5 substring, 1 typo, 0 none. */
function wordScore(queryWord: string, entryWords: readonly string[], joined: string): number {
  let best = 0;
  for (const word of entryWords) {
    if (word === queryWord) return 3;
    if (word.startsWith(queryWord)) best = Math.max(best, 2);
    else if (word.includes(queryWord)) best = Math.max(best, 1.5);
    else if (best < 1) {
      const budget = allowedTypos(queryWord);
      if (budget > 0) {
        // Compare with the word and with its prefix of the query's length, so "gemni" matches "gemini-2.5".
        const prefix = word.slice(0, queryWord.length + 1);
        if (
          editDistance(queryWord, word, budget) <= budget ||
          editDistance(queryWord, prefix, budget) <= budget ||
          editDistance(queryWord, prefix.slice(0, -1), budget) <= budget
        ) {
          best = 1;
        }
      }
    }
  }
  // Words typed without separators ("gpt4o") still match the joined label ("gpt4o" in "gpt-4o").
  if (best === 0 && queryWord.length >= 3 && joined.includes(queryWord)) best = 1.5;
  return best;
}

export interface SearchIndexEntry {
  words: string[];
  joined: string;
}

export function buildSearchEntry(...labels: (string | null | undefined)[]): SearchIndexEntry {
  const text = labels.filter(Boolean).join(" ");
  return { words: searchWords(text), joined: text.toLowerCase().replace(/[^a-z0-9.]+/g, "") };
}

/** 0 when the entry does not match; otherwise a relevance score (higher is better). */
export function matchScore(query: string, entry: SearchIndexEntry): number {
  const queryWords = searchWords(query);
  if (queryWords.length === 0) return 1;
  let total = 0;
  for (const queryWord of queryWords) {
    const score = wordScore(queryWord, entry.words, entry.joined);
    if (score === 0) return 0;
    total += score;
  }
  return total;
}
