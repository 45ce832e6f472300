import { ASSERTION_TYPES, type Assertion } from "../schema";
import { importError } from "./cases";

/** promptfoo assertion types that run code or call other models; we grade without either. */
const UNSUPPORTED = new Set([
  "javascript",
  "python",
  "fn",
  "eval",
  "webhook",
  "similar",
  "model-graded-closedqa",
  "model-graded-factuality",
  "factuality",
  "answer-relevance",
  "rouge-n",
  "bleu",
]);

/** promptfoo's names for our types. */
const ALIASES: Record<string, Assertion["type"]> = { grade: "llm-rubric" };

/** An assertion type by name: ours, an alias, or a 400 saying why it is not supported. */
export function assertionType(name: string, where: string): Assertion["type"] {
  const known = ALIASES[name] ?? (ASSERTION_TYPES as readonly string[]).find((type) => type === name);
  if (known) return known as Assertion["type"];
  if (UNSUPPORTED.has(name)) {
    throw importError(
      where,
      `the "${name}" assertion runs code or another model, which evals here do not do. Use llm-rubric, javascript-number, regex or the JSON checks instead.`,
    );
  }
  throw importError(where, `"${name}" is not an assertion type. Known types: ${ASSERTION_TYPES.join(", ")}.`);
}

const PREFIXED = /^([a-z][a-z-]*)(?:\((-?\d*\.?\d+)\))?(?::([\s\S]*))?$/;

/**
 * One promptfoo `__expected` cell: `contains:Paris`, `icontains:paris`, `regex:^\d+$`, `is-json`,
 * `levenshtein(3):kitten`, `grade:Is polite`, … Text without a known prefix means equals, as in
 * promptfoo, so "Answer: 42" is compared whole.
 */
export function parseExpectedCell(cell: string, where: string): Assertion {
  const match = PREFIXED.exec(cell.trimStart());
  const name = match?.[1];
  const isAssertion =
    name !== undefined &&
    (name in ALIASES || UNSUPPORTED.has(name) || ASSERTION_TYPES.some((type) => type === name));
  if (!match || !name || !isAssertion) return { type: "equals", value: cell };
  const type = assertionType(name, where);
  const value = match[3];
  const threshold = match[2] === undefined ? undefined : Number(match[2]);
  return {
    type,
    ...(value === undefined || value === "" ? {} : { value }),
    ...(threshold === undefined ? {} : { threshold }),
  };
}
