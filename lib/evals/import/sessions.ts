import { missingTemplateVars } from "../grade/template";
import type { EvalCaseInput } from "../schema";
import { assertCaseCount, validateCase } from "./cases";

/** The part of a saved playground session an import reads (a SessionDetail has it). */
export interface SessionForImport {
  id: string;
  title: string;
  runs: { prompt: string; system: string | null }[];
}

/**
 * One case per prompt of the saved sessions, with its system prompt. A follow-up turn becomes a
 * case on its own (without the turns before it); the same prompt and system prompt twice is one case.
 */
export function casesFromSessions(sessions: SessionForImport[]): EvalCaseInput[] {
  const seen = new Set<string>();
  const cases: EvalCaseInput[] = [];
  for (const session of sessions) {
    session.runs.forEach((run, turn) => {
      const key = JSON.stringify([run.prompt, run.system]);
      if (seen.has(key) || run.prompt.trim() === "") return;
      seen.add(key);
      const where = `Session "${session.title}", turn ${turn + 1}`;
      const text = { prompt: run.prompt, ...(run.system ? { system: run.system } : {}) };
      cases.push(validateCase({ ...text, ...literalPlaceholders(text) }, where));
    });
  }
  assertCaseCount(cases.length);
  return cases;
}

/**
 * Playground prompts were sent as typed, so a `{{name}}` in one is text, not a var. Giving each
 * such name itself as its value keeps it: templates render in one pass, so it comes out unchanged.
 */
function literalPlaceholders(text: { prompt: string; system?: string }): { vars?: Record<string, string> } {
  const names = missingTemplateVars(`${text.prompt}\n${text.system ?? ""}`);
  if (names.length === 0) return {};
  return { vars: Object.fromEntries(names.map((name) => [name, `{{${name}}}`])) };
}
