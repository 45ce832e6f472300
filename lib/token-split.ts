/**
 * Cuts a large text into parts that can be counted side by side, in separate workers, with token
 * counts that add up exactly to the count of the whole text.
 *
 * A cut goes only just before a single space that has a letter on each side ("word| word"). Why that
 * is exact, for both pre-tokenizer patterns (o200k_base and cl100k_base in gpt-tokenizer's
 * encodingParams/constants): in either pattern a space can only open a piece, never follow a letter
 * inside one (letters are matched by letter runs, optionally after one leading non-letter, and by the
 * `'s`-style suffixes; the other branches match no letters). So the whole text has a piece boundary at
 * the cut, and the pieces to its right do not depend on what lies to its left (the patterns have no
 * look-behind). On its left, the only things that look at the space are the letter runs and the
 * optional `'s` suffix, which stop at the space just as they stop at the end of the part; the
 * whitespace look-aheads (`\s+(?!\S)`, `\s+$`) never reach it, because a letter comes before it.
 * Special tokens such as <|endoftext|> contain no spaces, so no cut splits one.
 */

const LETTER = /^\p{L}$/u;

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true;
  // Code units, not code points: half of a surrogate pair is no letter, so no cut lands next to one.
  return code > 0x7f && LETTER.test(text.charAt(index));
}

/** Whether the text may be cut just before `index` (see the module comment). */
export function isSafeCut(text: string, index: number): boolean {
  return text.charCodeAt(index) === 0x20 && isLetterAt(text, index - 1) && isLetterAt(text, index + 1);
}

/** The safe cut nearest `target` that lies strictly between `min` and `max`, if there is one. */
function nearestSafeCut(text: string, target: number, min: number, max: number): number | null {
  let after: number | null = null;
  for (
    let index = text.indexOf(" ", target);
    index !== -1 && index < max;
    index = text.indexOf(" ", index + 1)
  ) {
    if (isSafeCut(text, index)) {
      after = index;
      break;
    }
  }
  let before: number | null = null;
  const limit = after === null ? min : Math.max(min, 2 * target - after);
  for (
    let index = text.lastIndexOf(" ", target - 1);
    index > limit;
    index = text.lastIndexOf(" ", index - 1)
  ) {
    if (isSafeCut(text, index)) {
      before = index;
      break;
    }
  }
  return before ?? after;
}

/**
 * `text` in at most `parts` pieces of about equal length, cut only where the token counts of the
 * pieces add up to the count of the whole (the concatenation is always `text`). A text with no such
 * place, say Japanese without spaces, stays whole.
 */
export function splitForCounting(text: string, parts: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let part = 1; part < parts; part++) {
    const target = Math.round((text.length * part) / parts);
    if (target <= start) continue;
    const cut = nearestSafeCut(text, target, start, text.length);
    if (cut === null) continue;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * A run of characters beyond Latin-1 (code units, so both halves of an emoji); V8 stores a string holding
 * any of them at two bytes per character.
 */
const WIDE_RUN = /[\u0100-\uffff]+/g;

/** The last safe cut before `index` that lies after `floor`, else `floor`. */
function safeCutBefore(text: string, index: number, floor: number): number {
  for (let at = text.lastIndexOf(" ", index); at > floor; at = text.lastIndexOf(" ", at - 1)) {
    if (isSafeCut(text, at)) return at;
  }
  return floor;
}

/** The first safe cut at or after `index`, else the end of the text. */
function safeCutFrom(text: string, index: number): number {
  for (let at = text.indexOf(" ", index); at !== -1; at = text.indexOf(" ", at + 1)) {
    if (isSafeCut(text, at)) return at;
  }
  return text.length;
}

/**
 * Parts of `text` whose token counts add up to the count of the whole, with its Latin-1 words gathered
 * into one-byte strings. V8 stores a string with any character beyond Latin-1 (Japanese, emoji, a curly
 * quote) at two bytes per character throughout, and runs the pre-tokenizer pattern on such a string
 * several times slower, English words included. So the text is seen as segments between its safe cuts;
 * the segments holding a character beyond Latin-1 are joined, in order, into one string, and the others
 * into a second string rebuilt as one-byte. Each join falls between a segment that ends in a letter and
 * one that starts with a space and a letter, which is itself a safe cut, so every count still adds up.
 *
 * All the scanning is done by the engine's own string and pattern search, never a loop over every
 * character in script: a page runs this on a fresh paste, when script loops are still slow because the
 * engine has not yet compiled them (a per-character loop took 5–22 ms, not 1–2, on the first pastes).
 */
export function partsForCounting(text: string): string[] {
  // Each run of wide characters, widened to the safe cuts around it; the ranges come in order, merged.
  const wideRanges: [start: number, end: number][] = [];
  let covered = 0;
  for (const run of text.matchAll(WIDE_RUN)) {
    const runEnd = run.index + run[0].length;
    // A safe cut is a space, never inside a run: a run lies wholly in the ranges so far or after them.
    if (runEnd <= covered) continue;
    const start = safeCutBefore(text, run.index, covered);
    const end = safeCutFrom(text, runEnd);
    const last = wideRanges.at(-1);
    if (last && last[1] === start) last[1] = end;
    else wideRanges.push([start, end]);
    covered = end;
    if (covered === text.length) break;
  }
  const wideText = wideRanges.map(([start, end]) => text.slice(start, end)).join("");
  const latin1: string[] = [];
  let from = 0;
  for (const [start, end] of wideRanges) {
    latin1.push(text.slice(from, start));
    from = end;
  }
  latin1.push(text.slice(from));
  const oneByteText = oneByteString(latin1.join(""));
  return [wideText, oneByteText].filter((part) => part.length > 0);
}

/**
 * The same text, stored one-byte. Slices of a two-byte string stay two-byte even when every character
 * fits in a byte; V8's JSON parser builds a one-byte string whenever every character fits, in native
 * code. The round trip gives back exactly the same characters for any string (JSON.stringify escapes
 * quotes, backslashes, control characters and lone surrogates).
 */
function oneByteString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * What worker `index` of `workers` counts: its share of `text` (splitForCounting, about equal lengths,
 * cut only at safe cuts), regrouped by partsForCounting. Each worker works out its own share, so the
 * page hands every worker the same text and does none of the cutting itself; the shares of all the
 * workers together count exactly as the whole text. A worker whose share is empty (a text with no
 * safe cut goes whole to worker 0) gets no parts.
 */
export function workerParts(text: string, index: number, workers: number): string[] {
  const share = workers > 1 ? (splitForCounting(text, workers)[index] ?? "") : text;
  return share.length > 0 ? partsForCounting(share) : [];
}
