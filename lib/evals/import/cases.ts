import { AppError } from "@/lib/errors";
import { missingTemplateVars } from "../grade/template";
import { type EvalCaseInput, evalCaseSchema } from "../schema";

export const MAX_IMPORT_CASES = 2_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A file past the size limit is refused before parsing, so a huge upload costs no parse time. */
export function assertImportSize(text: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_IMPORT_BYTES) {
    throw new AppError(
      "payload_too_large:evals",
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several sets.`,
    );
  }
}

export function assertCaseCount(count: number): void {
  if (count > MAX_IMPORT_CASES) {
    throw new AppError(
      "payload_too_large:evals",
      `The file makes ${count} cases; an import takes at most ${MAX_IMPORT_CASES}. Split it into several sets.`,
    );
  }
}

export function importError(where: string, message: string, details?: unknown): AppError {
  return new AppError("bad_request:evals", `${where}: ${message}`, {
    details: { where, ...(details ?? {}) },
  });
}

/**
 * Validates one imported case against the shared schema, and checks its prompt has every `{{var}}`
 * it uses, so a bad row is named at import rather than failing later in a run.
 */
export function validateCase(raw: unknown, where: string): EvalCaseInput {
  const parsed = evalCaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw importError(where, `${field}${issue?.message ?? "not a valid case"}`, {
      issues: parsed.error.issues.map((each) => ({ path: each.path.join("."), message: each.message })),
    });
  }
  const texts = [parsed.data.prompt, parsed.data.system ?? ""];
  const missing = [...new Set(texts.flatMap((text) => missingTemplateVars(text, parsed.data.vars)))];
  if (missing.length > 0) {
    const names = missing.map((name) => `{{${name}}}`).join(", ");
    throw importError(where, `the prompt uses ${names} but the case gives no value for it`);
  }
  return parsed.data;
}

/** One case per line, fields in a fixed order and only those that are set. */
export function toJsonl(cases: EvalCaseInput[]): string {
  return cases
    .map(({ prompt, system, vars, expected, assert }) =>
      JSON.stringify({ prompt, system, vars, expected, assert }),
    )
    .map((line) => `${line}\n`)
    .join("");
}
