import type { Heading, Root, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString as textOf } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";

/** One table row keyed by its header cells' text, e.g. { Model: "GPT-5.2 Pro", "Score %": "85.7" }. */
export type MarkdownRow = Record<string, string>;

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function rowsOf(table: Table): MarkdownRow[] {
  const [header, ...body] = table.children.map((row) => row.children.map((cell) => textOf(cell).trim()));
  return body.map((cells) =>
    Object.fromEntries((header ?? []).map((name, index) => [name, cells[index] ?? ""])),
  );
}

/**
 * The first GFM table after the heading whose text is `heading`. Leaderboards published as a
 * README keep several tables (subsets, older versions); the heading says which one is meant, and a
 * missing heading or table throws rather than reading the wrong one.
 */
export function readTableAfterHeading(markdown: string, heading: string): MarkdownRow[] {
  const tree = parse(markdown);
  const start = tree.children.findIndex(
    (node): node is Heading => node.type === "heading" && textOf(node).trim() === heading,
  );
  if (start < 0) throw new Error(`no "${heading}" heading`);
  const table = tree.children.slice(start + 1).find((node): node is Table => node.type === "table");
  if (!table) throw new Error(`no table after the "${heading}" heading`);
  return rowsOf(table);
}

/** The first GFM table in the document, for files that hold one. */
export function readFirstTable(markdown: string): MarkdownRow[] {
  const table = parse(markdown).children.find((node): node is Table => node.type === "table");
  if (!table) throw new Error("no table in the document");
  return rowsOf(table);
}
