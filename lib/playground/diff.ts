/**
 * Word-level diff of two answers (longest common subsequence), for the side-by-side diff view.
 * Whitespace is kept attached to words so the pieces join back into the original texts.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function diffWords(before: string, after: string, maxTokens = 4000): DiffPart[] {
  const left = before.match(/\s*\S+|\s+$/g) ?? [];
  const right = after.match(/\s*\S+|\s+$/g) ?? [];
  // Very long answers would make the table quadratic in memory; compare their prefixes.
  const a = left.slice(0, maxTokens);
  const b = right.slice(0, maxTokens);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i]?.trim() === b[j]?.trim()
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]?.trim() === b[j]?.trim()) {
      push("same", b[j] ?? "");
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      push("removed", a[i++] ?? "");
    } else {
      push("added", b[j++] ?? "");
    }
  }
  while (i < a.length) push("removed", a[i++] ?? "");
  while (j < b.length) push("added", b[j++] ?? "");
  if (left.length > maxTokens) push("removed", left.slice(maxTokens).join(""));
  if (right.length > maxTokens) push("added", right.slice(maxTokens).join(""));
  return parts;
}

export function diffStats(parts: readonly DiffPart[]): { same: number; added: number; removed: number } {
  const count = (kind: DiffPart["kind"]) =>
    parts
      .filter((part) => part.kind === kind)
      .reduce((sum, part) => sum + (part.text.match(/\S+/g)?.length ?? 0), 0);
  return { same: count("same"), added: count("added"), removed: count("removed") };
}
