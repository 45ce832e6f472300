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
 * Parts of `text` whose token counts add up to the count of the whole, with its Latin-1 words gathered
 * into one-byte strings. V8 stores a string with any character beyond Latin-1 (Japanese, emoji, a curly
 * quote) at two bytes per character throughout, and runs the pre-tokenizer pattern on such a string
 * several times slower, English words included. So the text is cut at every safe cut into segments; the
 * segments made only of Latin-1 characters are joined, in order, into one string rebuilt as one-byte,
 * the others into a second string. Each join falls between a segment that ends in a letter and one that
 * starts with a space and a letter, which is itself a safe cut, so every count still adds up. Each of
 * the two strings is then cut into `piecesEach` pieces, for counting side by side.
 */
export function partsForCounting(text: string, piecesEach: number): string[] {
  const oneByteCodes = new Uint8Array(text.length);
  let oneByteLength = 0;
  const wideRanges: [start: number, end: number][] = [];
  let segmentStart = 0;
  let segmentOneByteStart = 0;
  let segmentIsWide = false;
  const endSegment = (end: number) => {
    if (segmentIsWide) {
      const last = wideRanges.at(-1);
      if (last && last[1] === segmentStart) last[1] = end;
      else wideRanges.push([segmentStart, end]);
    }
    segmentStart = end;
    segmentOneByteStart = oneByteLength;
    segmentIsWide = false;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 && isSafeCut(text, index)) endSegment(index);
    if (segmentIsWide) continue;
    if (code > 0xff) {
      // This segment goes to the two-byte string: take back what it wrote so far.
      segmentIsWide = true;
      oneByteLength = segmentOneByteStart;
    } else {
      oneByteCodes[oneByteLength++] = code;
    }
  }
  endSegment(text.length);
  const wideText = wideRanges.map(([start, end]) => text.slice(start, end)).join("");
  const oneByteText = oneByteString(oneByteCodes.subarray(0, oneByteLength));
  return [...splitForCounting(wideText, piecesEach), ...splitForCounting(oneByteText, piecesEach)].filter(
    (part) => part.length > 0,
  );
}

/** String.fromCharCode builds a one-byte string when every code fits in a byte; in chunks, for the argument limit. */
function oneByteString(codes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < codes.length; start += 8192) {
    // apply takes the typed array as it is; a spread would go through its iterator, code by code.
    chunks.push(String.fromCharCode.apply(null, codes.subarray(start, start + 8192) as unknown as number[]));
  }
  return chunks.join("");
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
  return share.length > 0 ? partsForCounting(share, 1) : [];
}
