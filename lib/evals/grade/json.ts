/**
 * JSON found inside model answers: a whole answer, a fenced ```json block, or objects and arrays
 * embedded in prose (promptfoo's contains-json looks for the same).
 */

/** The answer as JSON when all of it (trimmed) parses; `undefined` otherwise. */
export function parseWholeJson(text: string): unknown {
  try {
    return JSON.parse(text.trim());
  } catch {
    return undefined;
  }
}

/**
 * Every JSON object or array embedded in the text, outermost first. A scanner finds each balanced
 * `{…}` / `[…]` span (skipping brackets inside strings); JSON.parse decides whether it is JSON.
 */
export function extractJsonValues(text: string): unknown[] {
  const found: unknown[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char !== "{" && char !== "[") {
      index++;
      continue;
    }
    const end = balancedEnd(text, index);
    if (end !== -1) {
      const value = parseWholeJson(text.slice(index, end + 1));
      if (value !== undefined) {
        found.push(value);
        index = end + 1;
        continue;
      }
    }
    index++;
  }
  return found;
}

function balancedEnd(text: string, start: number): number {
  const closers: string[] = [];
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{") closers.push("}");
    else if (char === "[") closers.push("]");
    else if (char === "}" || char === "]") {
      if (closers.pop() !== char) return -1;
      if (closers.length === 0) return index;
    }
  }
  return -1;
}
