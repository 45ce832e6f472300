import Papa from "papaparse";
import type { Assertion, EvalCaseInput } from "../schema";
import { assertCaseCount, assertImportSize, importError, validateCase } from "./cases";
import { parseExpectedCell } from "./expected";

/** Columns with a meaning of their own; every other column is a var, as in promptfoo. */
const PROMPT_COLUMN = "prompt";
const SYSTEM_COLUMN = "system";
const EXPECTED_COLUMN = "expected";

/**
 * A CSV of cases, in either of two forms:
 * - promptfoo's: each column is a var, `__expected` (or `__expected1`, `__expected2`, …) holds
 *   assertions in promptfoo's prefix syntax, other `__` columns (`__description`, …) are ignored.
 *   The prompt is a `prompt` column or `options.prompt`, a template using the vars.
 * - plain: `prompt,expected` (and optionally `system`), the expected answer as text.
 * Errors name the line the row starts on (line 1 is the header).
 */
export function parseCsv(text: string, options: { prompt?: string } = {}): EvalCaseInput[] {
  assertImportSize(text);
  const rows: { line: number; cells: string[] }[] = [];
  let lineAtCursor = 1;
  let lastCursor = 0;
  let failure: Error | undefined;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimiter: ",",
    skipEmptyLines: "greedy",
    step(result, parser) {
      const line = lineAtCursor;
      // The cursor is where this row ended; counting newlines up to it finds where the next starts.
      lineAtCursor += countNewlines(text, lastCursor, result.meta.cursor);
      lastCursor = result.meta.cursor;
      const error = result.errors[0];
      if (error) {
        failure = importError(`CSV line ${line}`, error.message);
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data });
    },
  });
  if (failure) throw failure;
  const [header, ...body] = rows;
  if (!header) throw importError("CSV", "the file is empty");
  const columns = header.cells.map((cell) => cell.trim());
  assertCaseCount(body.length);
  if (!columns.includes(PROMPT_COLUMN) && !options.prompt) {
    throw importError(
      "CSV line 1",
      'there is no "prompt" column. Add one, or give a prompt template that uses the columns as {{vars}}, such as "Translate {{text}} into {{language}}".',
    );
  }
  return body.map(({ line, cells }) => {
    const where = `CSV line ${line}`;
    if (cells.length !== columns.length) {
      throw importError(where, `the row has ${cells.length} cells but the header has ${columns.length}`);
    }
    return validateCase(rowToCase(columns, cells, options.prompt, where), where);
  });
}

function rowToCase(columns: string[], cells: string[], promptTemplate: string | undefined, where: string) {
  const vars: Record<string, string> = {};
  const assert: Assertion[] = [];
  let prompt = promptTemplate;
  let system: string | undefined;
  let expected: string | undefined;
  columns.forEach((column, index) => {
    const cell = cells[index] ?? "";
    if (column === PROMPT_COLUMN) prompt = cell;
    else if (column === SYSTEM_COLUMN) system = cell || undefined;
    else if (column === EXPECTED_COLUMN) expected = cell || undefined;
    else if (/^__expected\d*$/.test(column)) {
      if (cell.trim() !== "") assert.push(parseExpectedCell(cell, `${where}, column ${column}`));
    } else if (!column.startsWith("__")) vars[column] = cell;
  });
  return {
    prompt,
    system,
    expected,
    vars: Object.keys(vars).length > 0 ? vars : undefined,
    assert: assert.length > 0 ? assert : undefined,
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 10) count++;
  return count;
}
