import { diffWordsWithSpace } from "diff";

/**
 * Word-level diff of two answers, for the playground's side-by-side diff and the eval answer diff, by the `diff` package (Myers'
 * algorithm: memory grows with the number of edits, not with the product of the two lengths).
 * Whitespace counts as its own token, so the pieces join back into the original texts.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * Past this many edits the two answers are shown as one removed and one added block: a diff that
 * large says "these answers differ throughout" and would take the page's thread too long to compute.
 */
const MAX_EDITS = 4_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (!changes) {
    push("removed", before);
    push("added", after);
    return parts;
  }
  for (const change of changes)
    push(change.added ? "added" : change.removed ? "removed" : "same", change.value);
  return parts;
}

export function diffStats(parts: readonly DiffPart[]): { same: number; added: number; removed: number } {
  const count = (kind: DiffPart["kind"]) =>
    parts
      .filter((part) => part.kind === kind)
      .reduce((sum, part) => sum + (part.text.match(/\S+/g)?.length ?? 0), 0);
  return { same: count("same"), added: count("added"), removed: count("removed") };
}
