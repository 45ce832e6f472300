import { LineCounter, parseDocument } from "yaml";
import type { Assertion, EvalCaseInput } from "../schema";
import { assertCaseCount, assertImportSize, importError, validateCase } from "./cases";
import { assertionType } from "./expected";

interface PromptTemplate {
  prompt: string;
  system?: string;
}

interface YamlTest {
  vars: Record<string, unknown>;
  assert: unknown[];
}

/**
 * A promptfoo config (promptfooconfig.yaml): every prompt crossed with every test, with
 * `defaultTest`'s vars and assertions under each test's own. A var given as a list expands into
 * one test per value, as promptfoo does. `file://` references cannot be followed from an upload,
 * and `providers` are ignored: the run chooses the models. Errors name the YAML line.
 */
export function parsePromptfooYaml(text: string): EvalCaseInput[] {
  assertImportSize(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw importError(
      line ? `YAML line ${line}` : "YAML",
      yamlError.message.split("\n")[0] ?? "not valid YAML",
    );
  }
  const lineOf = (path: (string | number)[]): string => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    return start === undefined ? `YAML ${path.join(".")}` : `YAML line ${lineCounter.linePos(start).line}`;
  };
  let config: unknown;
  try {
    // toJS resolves aliases; the yaml package caps their expansion (maxAliasCount), so an alias bomb fails here.
    config = doc.toJS();
  } catch (error) {
    throw importError("YAML", (error as Error).message);
  }
  if (!isRecord(config)) throw importError("YAML", "expected a promptfoo config with prompts and tests");

  const prompts = readPrompts(config.prompts, lineOf);
  const defaults = readTest(config.defaultTest ?? {}, ["defaultTest"], lineOf);
  const rawTests = config.tests ?? [{}];
  if (!Array.isArray(rawTests)) {
    throw importError(
      lineOf(["tests"]),
      "tests must be a list (tests from a file:// path cannot be imported)",
    );
  }
  const tests = rawTests.flatMap((raw, index) => {
    const test = readTest(raw, ["tests", index], lineOf);
    return expandVars({ ...defaults.vars, ...test.vars }).map((vars) => ({
      vars,
      assert: [...defaults.assert, ...test.assert],
      where: lineOf(["tests", index]),
    }));
  });
  assertCaseCount(prompts.length * tests.length);
  return prompts.flatMap((template) =>
    tests.map((test) =>
      validateCase(
        {
          ...template,
          vars: Object.keys(test.vars).length > 0 ? test.vars : undefined,
          assert:
            test.assert.length > 0
              ? test.assert.map((each, index) => toAssertion(each, test.where, index))
              : undefined,
        },
        test.where,
      ),
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readPrompts(raw: unknown, lineOf: (path: (string | number)[]) => string): PromptTemplate[] {
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0) {
    throw importError(lineOf(["prompts"]), "prompts must be a list of prompt texts (or of {raw: …})");
  }
  return list.map((entry, index) => {
    const where = lineOf(["prompts", index]);
    const text = typeof entry === "string" ? entry : isRecord(entry) ? entry.raw : undefined;
    if (typeof text !== "string") throw importError(where, "a prompt must be text or {raw: text}");
    if (text.trim().startsWith("file://")) {
      throw importError(
        where,
        "prompts from file:// paths cannot be imported; paste the prompt text instead",
      );
    }
    return chatPrompt(text, where) ?? { prompt: text };
  });
}

/** A prompt written as chat messages in JSON: an optional system message and one user message. */
function chatPrompt(text: string, where: string): PromptTemplate | null {
  if (!text.trim().startsWith("[")) return null;
  let messages: unknown;
  try {
    messages = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    !Array.isArray(messages) ||
    !messages.every((message) => isRecord(message) && typeof message.content === "string")
  ) {
    return null;
  }
  const byRole = (role: string) =>
    messages.filter((message) => message.role === role).map((message) => message.content);
  const user = byRole("user");
  const system = byRole("system");
  if (user.length !== 1 || messages.length !== user.length + system.length) {
    throw importError(where, "a chat prompt can have system messages and one user message, nothing else");
  }
  return { prompt: user[0] as string, ...(system.length > 0 ? { system: system.join("\n\n") } : {}) };
}

function readTest(
  raw: unknown,
  path: (string | number)[],
  lineOf: (path: (string | number)[]) => string,
): YamlTest {
  const where = lineOf(path);
  if (!isRecord(raw)) throw importError(where, "a test must be a map with vars and assert");
  const vars = raw.vars ?? {};
  if (!isRecord(vars)) throw importError(where, "vars must be a map of names to values");
  const assert = raw.assert ?? [];
  if (!Array.isArray(assert)) throw importError(where, "assert must be a list");
  return { vars, assert };
}

/** Vars as strings; a list value gives one set of vars per item (the cartesian product). */
function expandVars(vars: Record<string, unknown>): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const [name, value] of Object.entries(vars)) {
    const values = Array.isArray(value) ? value : [value];
    combos = combos.flatMap((combo) => values.map((each) => ({ ...combo, [name]: varText(name, each) })));
  }
  return combos;
}

function varText(name: string, value: unknown): string {
  if (typeof value === "string") {
    if (value.startsWith("file://"))
      throw importError("YAML", `var ${name} reads a file://, which an upload cannot`);
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function toAssertion(raw: unknown, where: string, index: number): Assertion {
  const at = `${where}, assertion ${index + 1}`;
  if (!isRecord(raw) || typeof raw.type !== "string") throw importError(at, "an assertion needs a type");
  if (raw.transform !== undefined) throw importError(at, "transform runs code, which evals here do not do");
  const threshold = raw.threshold;
  if (threshold !== undefined && (typeof threshold !== "number" || !Number.isFinite(threshold))) {
    throw importError(at, "threshold must be a number");
  }
  return {
    type: assertionType(raw.type, at),
    ...(raw.value === undefined ? {} : { value: raw.value }),
    ...(threshold === undefined ? {} : { threshold }),
  };
}
