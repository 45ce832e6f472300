import { isDeepStrictEqual } from "node:util";
import { Ajv, type ValidateFunction } from "ajv";
import { distance } from "fastest-levenshtein";
import { AppError } from "@/lib/errors";
import { compareUsd, numberToDecimalString, parseUsd, parseUsdRounded, toUsdString } from "@/lib/money";
import type { AnswerObservation, Assertion, AssertionResult } from "../schema";
import { extractJsonValues, parseWholeJson } from "./json";
import { renderTemplate } from "./template";

/** promptfoo's default for levenshtein when no threshold is given. */
const DEFAULT_MAX_EDIT_DISTANCE = 5;
/** Edit distance costs length × length; past this (about a second) grading would stall a worker. */
const MAX_EDIT_DISTANCE_WORK = 1e9;

interface GradeContext {
  expected?: string;
  vars?: Record<string, string>;
}

/** One assertion with its string value already rendered (`{{var}}` filled in). */
interface Prepared {
  assertion: Assertion;
  text: string | undefined;
  answer: AnswerObservation;
  ctx: GradeContext;
}

type Verdict = Omit<AssertionResult, "type">;

/** A setup problem (no value, a bad regex or schema): the answer cannot be judged, so pass is null. */
class UngradableError extends Error {}

const passed = (pass: boolean, reason: string): Verdict => ({ pass, score: pass ? 1 : 0, reason });
const unknown = (reason: string): Verdict => ({ pass: null, score: null, reason });

/**
 * Code assertions with promptfoo's semantics. Each result stands alone: an assertion that cannot be
 * graded (unknown cost, missing value, bad regex) is `pass: null` with the reason, never a failure,
 * and never stops the others. llm-rubric waits for the judge.
 */
export function gradeAssertions(
  assertions: Assertion[],
  answer: AnswerObservation,
  ctx: GradeContext,
): AssertionResult[] {
  return assertions.map((assertion) => ({ type: assertion.type, ...gradeOne(assertion, answer, ctx) }));
}

function gradeOne(assertion: Assertion, answer: AnswerObservation, ctx: GradeContext): Verdict {
  try {
    const text = typeof assertion.value === "string" ? renderTemplate(assertion.value, ctx.vars) : undefined;
    return GRADERS[assertion.type]({ assertion, text, answer, ctx });
  } catch (error) {
    // RangeError: money that is not a decimal amount (lib/money), e.g. a cost with 13+ decimals.
    if (error instanceof UngradableError || error instanceof AppError || error instanceof RangeError) {
      return unknown(error.message);
    }
    throw error;
  }
}

/** The assertion's string value, or the case's expected answer when it has none. */
function referenceText({ assertion, text, ctx }: Prepared): string {
  if (text !== undefined) return text;
  if (typeof assertion.value === "number" || typeof assertion.value === "boolean")
    return String(assertion.value);
  if (ctx.expected !== undefined) return renderTemplate(ctx.expected, ctx.vars);
  throw new UngradableError(`${assertion.type} needs a value (or the case's expected answer).`);
}

/** A numeric limit: the threshold, else a numeric value. */
function limit({ assertion }: Prepared, what: string): number {
  const candidate =
    assertion.threshold ?? (assertion.value === undefined ? undefined : Number(assertion.value));
  if (candidate === undefined || !Number.isFinite(candidate)) {
    throw new UngradableError(`${assertion.type} needs a numeric threshold (${what}).`);
  }
  return candidate;
}

function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

const GRADERS: Record<Assertion["type"], (prepared: Prepared) => Verdict> = {
  equals(prepared) {
    const { assertion, answer } = prepared;
    if (assertion.value !== undefined && typeof assertion.value === "object") {
      // promptfoo compares an object value with the answer parsed as JSON.
      const parsed = parseWholeJson(answer.output);
      const same = parsed !== undefined && isDeepStrictEqual(parsed, assertion.value);
      return passed(
        same,
        same ? "The JSON answer equals the expected value." : "The answer is not that JSON.",
      );
    }
    const expected = referenceText(prepared);
    const same = answer.output === expected;
    return passed(
      same,
      same ? "The answer equals the expected text." : `The answer is not ${quote(expected)}.`,
    );
  },
  contains(prepared) {
    const needle = referenceText(prepared);
    const found = prepared.answer.output.includes(needle);
    return passed(found, `${found ? "Contains" : "Does not contain"} ${quote(needle)}.`);
  },
  icontains(prepared) {
    const needle = referenceText(prepared);
    const found = prepared.answer.output.toLowerCase().includes(needle.toLowerCase());
    return passed(found, `${found ? "Contains" : "Does not contain"} ${quote(needle)} (any case).`);
  },
  "not-contains"(prepared) {
    const needle = referenceText(prepared);
    const found = prepared.answer.output.includes(needle);
    return passed(!found, `${found ? "Contains" : "Does not contain"} ${quote(needle)}.`);
  },
  "starts-with"(prepared) {
    const prefix = referenceText(prepared);
    const starts = prepared.answer.output.startsWith(prefix);
    return passed(starts, `${starts ? "Starts" : "Does not start"} with ${quote(prefix)}.`);
  },
  regex(prepared) {
    const pattern = referenceText(prepared);
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch (error) {
      throw new UngradableError(`The regex ${quote(pattern)} is invalid: ${(error as Error).message}`);
    }
    const matches = regex.test(prepared.answer.output);
    return passed(matches, `${matches ? "Matches" : "Does not match"} /${pattern}/.`);
  },
  "is-json"(prepared) {
    const parsed = parseWholeJson(prepared.answer.output);
    if (parsed === undefined) return passed(false, "The answer is not valid JSON.");
    return schemaVerdict(prepared.assertion.value, [parsed], "The answer is valid JSON.");
  },
  "contains-json"(prepared) {
    const values = extractJsonValues(prepared.answer.output);
    if (values.length === 0) return passed(false, "The answer contains no JSON object or array.");
    return schemaVerdict(prepared.assertion.value, values, "The answer contains JSON.");
  },
  "is-valid-json-schema"(prepared) {
    const { assertion, answer } = prepared;
    const values = jsonOfAnswer(answer.output);
    if (assertion.value === undefined) {
      // Without a schema to check against, the answer itself must be a JSON Schema.
      const candidate = values[0];
      if (candidate === undefined) return passed(false, "The answer is not JSON.");
      const valid = ajv().validateSchema(candidate as object) === true;
      return passed(
        valid,
        valid ? "The answer is a valid JSON Schema." : "The answer is not a valid JSON Schema.",
      );
    }
    if (values.length === 0) return passed(false, "The answer is not JSON.");
    return schemaVerdict(assertion.value, values.slice(0, 1), "The answer is JSON.");
  },
  "javascript-number"(prepared) {
    // The target is a number, never code: we parse the first number in the answer and compare.
    const target = Number(prepared.text ?? prepared.assertion.value);
    if (prepared.assertion.value === undefined || !Number.isFinite(target)) {
      throw new UngradableError("javascript-number needs a numeric value (the target).");
    }
    const tolerance = prepared.assertion.threshold ?? 0;
    const found = firstNumber(prepared.answer.output);
    if (found === null) return passed(false, "The answer contains no number.");
    const within = Math.abs(found - target) <= tolerance;
    return passed(within, `Found ${found}; target ${target} ± ${tolerance}.`);
  },
  levenshtein(prepared) {
    const reference = referenceText(prepared);
    const maxDistance = prepared.assertion.threshold ?? DEFAULT_MAX_EDIT_DISTANCE;
    if (prepared.answer.output.length * reference.length > MAX_EDIT_DISTANCE_WORK) {
      return unknown("The texts are too long to compare by edit distance.");
    }
    const edits = distance(prepared.answer.output, reference);
    const longest = Math.max(prepared.answer.output.length, reference.length, 1);
    return {
      pass: edits <= maxDistance,
      score: 1 - edits / longest,
      reason: `Edit distance ${edits} (at most ${maxDistance}).`,
    };
  },
  "max-length"(prepared) {
    const maxChars = limit(prepared, "the most characters");
    const length = [...prepared.answer.output].length;
    return passed(length <= maxChars, `${length} characters (at most ${maxChars}).`);
  },
  latency(prepared) {
    const maxMs = limit(prepared, "milliseconds");
    const { latencyMs } = prepared.answer;
    if (latencyMs === null) return unknown("The answer's latency is unknown.");
    return passed(latencyMs <= maxMs, `${latencyMs} ms (at most ${maxMs} ms).`);
  },
  cost(prepared) {
    // A limit finer than a pico-dollar rounds to the nearest one, as prices do.
    const maxUsd = parseUsdRounded(numberToDecimalString(limit(prepared, "USD")));
    const { costUsd } = prepared.answer;
    if (costUsd === null) return unknown("The answer's cost is unknown (no price for this model).");
    const within = compareUsd(parseUsd(costUsd), maxUsd) <= 0;
    return passed(within, `$${costUsd} (at most $${toUsdString(maxUsd)}).`);
  },
  "llm-rubric"() {
    return unknown("awaiting judge");
  },
};

/** A decimal number; thousands separators only in groups of three, so "1,2,3" reads as 1, not 123. */
const NUMBER_PATTERN = /[-+]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

function firstNumber(text: string): number | null {
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    if (!/\d/.test(match[0])) continue;
    const value = Number(match[0].replace(/,/g, ""));
    if (Number.isFinite(value)) return value;
  }
  return null;
}

/** The answer as JSON: all of it, else the JSON inside it (a fenced block, say). */
function jsonOfAnswer(output: string): unknown[] {
  const whole = parseWholeJson(output);
  return whole === undefined ? extractJsonValues(output) : [whole];
}

/** Passes when no schema is given, or when any of the values validates against it. */
function schemaVerdict(schema: unknown, values: unknown[], okReason: string): Verdict {
  if (schema === undefined) return passed(true, okReason);
  const validate = compileSchema(schema);
  if (values.some((value) => validate(value))) return passed(true, `${okReason} It matches the schema.`);
  const first = validate.errors?.[0];
  const detail = first ? ` ${first.instancePath || "(root)"} ${first.message}` : "";
  return passed(false, `The JSON does not match the schema:${detail}.`);
}

/**
 * Compiled schemas by their JSON text. Ajv keeps every schema it compiled, so the cache is bounded:
 * past the limit a fresh Ajv starts over, rather than a long-running server growing without end.
 */
const MAX_CACHED_SCHEMAS = 200;
let sharedAjv: Ajv | undefined;
let compiled = new Map<string, ValidateFunction>();

function ajv(): Ajv {
  // strict: false accepts the loose schemas people paste from promptfoo configs and OpenAI docs.
  sharedAjv ??= new Ajv({ strict: false, allErrors: false });
  return sharedAjv;
}

function compileSchema(schema: unknown): ValidateFunction {
  const parsed = typeof schema === "string" ? parseWholeJson(schema) : schema;
  if (typeof parsed !== "object" || parsed === null) {
    throw new UngradableError("The JSON Schema must be an object (or a JSON string of one).");
  }
  const key = JSON.stringify(parsed);
  const cached = compiled.get(key);
  if (cached) return cached;
  if (compiled.size >= MAX_CACHED_SCHEMAS) {
    sharedAjv = undefined;
    compiled = new Map();
  }
  try {
    const validate = ajv().compile(parsed);
    compiled.set(key, validate);
    return validate;
  } catch (error) {
    throw new UngradableError(`The JSON Schema is invalid: ${(error as Error).message}`);
  }
}
