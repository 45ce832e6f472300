import type { EvalCaseInput } from "../schema";
import { assertCaseCount, assertImportSize, importError, validateCase } from "./cases";

/** One case per line in our own shape (what toJsonl writes); blank lines are skipped. */
export function parseJsonl(text: string): EvalCaseInput[] {
  assertImportSize(text);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const filled = lines.filter((line) => line.trim() !== "").length;
  assertCaseCount(filled);
  const cases: EvalCaseInput[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `JSONL line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw importError(where, `not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw importError(where, "each line must be one JSON object with at least a prompt");
    }
    cases.push(validateCase(value, where));
  });
  if (cases.length === 0) throw importError("JSONL", "the file has no cases");
  return cases;
}
