import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnswerObservation, ASSERTION_TYPES, type Assertion } from "../schema";
import { gradeAssertions } from "./index";

const answer = (output: string, extra: Partial<AnswerObservation> = {}): AnswerObservation => ({
  output,
  latencyMs: 800,
  ttftMs: 200,
  costUsd: "0.000125",
  ...extra,
});

function grade(assertion: Assertion, output: string | AnswerObservation, ctx = {}) {
  const observed = typeof output === "string" ? answer(output) : output;
  const [result] = gradeAssertions([assertion], observed, ctx);
  if (!result) throw new Error("no result");
  return result;
}

describe("gradeAssertions: text", () => {
  it.each([
    [{ type: "equals", value: "Paris" }, "Paris", true],
    [{ type: "equals", value: "Paris" }, "Paris.", false],
    [{ type: "contains", value: "Paris" }, "It is Paris.", true],
    [{ type: "contains", value: "paris" }, "It is Paris.", false],
    [{ type: "icontains", value: "paris" }, "It is PARIS.", true],
    [{ type: "icontains", value: "lyon" }, "It is Paris.", false],
    [{ type: "not-contains", value: "sorry" }, "It is Paris.", true],
    [{ type: "not-contains", value: "sorry" }, "I'm sorry, I can't.", false],
    [{ type: "starts-with", value: "Yes" }, "Yes, it is.", true],
    [{ type: "starts-with", value: "Yes" }, "Well, yes.", false],
    [{ type: "regex", value: "^\\d{3}-\\d{4}$" }, "555-1234", true],
    [{ type: "regex", value: "^\\d{3}-\\d{4}$" }, "call 555-1234", false],
  ] as const)("%j on %j → %s", (assertion, output, pass) => {
    const result = grade(assertion as Assertion, output);
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
    expect(result.type).toBe(assertion.type);
  });

  it("compares an object value with the answer parsed as JSON (equals)", () => {
    expect(grade({ type: "equals", value: { a: [1, 2] } }, '{ "a": [1, 2] }').pass).toBe(true);
    expect(grade({ type: "equals", value: { a: [1, 2] } }, '{ "a": [2, 1] }').pass).toBe(false);
  });

  it("renders {{vars}} in values before comparing", () => {
    const vars = { city: "Paris", country: "France" };
    expect(grade({ type: "contains", value: "{{city}}" }, "It is Paris.", { vars }).pass).toBe(true);
    expect(grade({ type: "contains", value: "{{ country }}" }, "It is Paris.", { vars }).pass).toBe(false);
  });

  it("falls back to the case's expected answer when the assertion has no value", () => {
    expect(grade({ type: "equals" }, "42", { expected: "42" }).pass).toBe(true);
    expect(
      grade({ type: "icontains" }, "The answer: PARIS", { expected: "{{c}}", vars: { c: "paris" } }).pass,
    ).toBe(true);
  });

  it("cannot grade (pass null) without a value, with a missing var or with a bad regex", () => {
    expect(grade({ type: "contains" }, "x")).toMatchObject({ pass: null, score: null });
    const missing = grade({ type: "contains", value: "{{city}}" }, "Paris");
    expect(missing.pass).toBeNull();
    expect(missing.reason).toContain("{{city}}");
    const badRegex = grade({ type: "regex", value: "(" }, "x");
    expect(badRegex.pass).toBeNull();
    expect(badRegex.reason).toMatch(/invalid/);
  });

  it("grades each assertion on its own and keeps their order", () => {
    const results = gradeAssertions(
      [
        { type: "contains", value: "Paris" },
        { type: "cost", threshold: 0.01 },
        { type: "llm-rubric", value: "Is polite" },
      ],
      answer("Paris", { costUsd: null }),
      {},
    );
    expect(results.map((result) => [result.type, result.pass])).toEqual([
      ["contains", true],
      ["cost", null],
      ["llm-rubric", null],
    ]);
    expect(results[2]?.reason).toBe("awaiting judge");
  });
});

describe("gradeAssertions: JSON", () => {
  const schema = {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
    required: ["name", "age"],
  };

  it("is-json passes only when the whole answer is JSON", () => {
    expect(grade({ type: "is-json" }, ' {"a": 1} ').pass).toBe(true);
    expect(grade({ type: "is-json" }, 'Here you go: {"a": 1}').pass).toBe(false);
  });

  it("is-json with a schema value validates the answer against it", () => {
    expect(grade({ type: "is-json", value: schema }, '{"name":"Ada","age":36}').pass).toBe(true);
    const wrong = grade({ type: "is-json", value: schema }, '{"name":"Ada","age":-1}');
    expect(wrong.pass).toBe(false);
    expect(wrong.reason).toContain("/age");
    // A schema given as JSON text works the same.
    expect(grade({ type: "is-json", value: JSON.stringify(schema) }, '{"name":"Ada"}').pass).toBe(false);
  });

  it("contains-json finds JSON inside prose and code fences", () => {
    const fenced = 'Sure!\n```json\n{"name": "Ada", "age": 36, "note": "a } brace"}\n```\nAnything else?';
    expect(grade({ type: "contains-json" }, fenced).pass).toBe(true);
    expect(grade({ type: "contains-json", value: schema }, fenced).pass).toBe(true);
    expect(grade({ type: "contains-json" }, "No JSON {here at all").pass).toBe(false);
    expect(grade({ type: "contains-json", value: schema }, 'Got {"name": 3}').pass).toBe(false);
  });

  it("is-valid-json-schema validates the answer's JSON against the schema value", () => {
    expect(
      grade({ type: "is-valid-json-schema", value: schema }, '```json\n{"name":"Ada","age":3}\n```').pass,
    ).toBe(true);
    expect(grade({ type: "is-valid-json-schema", value: schema }, '{"name":"Ada"}').pass).toBe(false);
    expect(grade({ type: "is-valid-json-schema", value: schema }, "not json").pass).toBe(false);
  });

  it("is-valid-json-schema without a value checks the answer is itself a JSON Schema", () => {
    expect(grade({ type: "is-valid-json-schema" }, JSON.stringify(schema)).pass).toBe(true);
    expect(grade({ type: "is-valid-json-schema" }, '{"type": 12}').pass).toBe(false);
  });

  it("an invalid schema value cannot grade", () => {
    const result = grade({ type: "is-json", value: { type: "no-such-type" } }, "{}");
    expect(result.pass).toBeNull();
    expect(result.reason).toMatch(/schema is invalid/i);
  });
});

describe("gradeAssertions: numbers, distance and limits", () => {
  it("javascript-number reads the first number and compares within the tolerance, without running code", () => {
    expect(grade({ type: "javascript-number", value: 42 }, "The answer is 42.").pass).toBe(true);
    expect(grade({ type: "javascript-number", value: "3.14", threshold: 0.01 }, "π ≈ 3.1416").pass).toBe(
      true,
    );
    expect(grade({ type: "javascript-number", value: 1000, threshold: 1 }, "About 1,002 people").pass).toBe(
      false,
    );
    expect(grade({ type: "javascript-number", value: -2 }, "It is -2 degrees").pass).toBe(true);
    expect(grade({ type: "javascript-number", value: 5 }, "five").pass).toBe(false);
    expect(grade({ type: "javascript-number", value: 1 }, "Items 1,2,3 are ready").pass).toBe(true);
    expect(grade({ type: "javascript-number", value: 0.5 }, "Probability: .5").pass).toBe(true);
    expect(grade({ type: "javascript-number", value: 1500 }, "About 1.5e3 tokens").pass).toBe(true);
    expect(grade({ type: "javascript-number", value: "process.exit()" }, "5").pass).toBeNull();
  });

  it("levenshtein passes within the threshold and scores by similarity", () => {
    const close = grade({ type: "levenshtein", value: "kitten", threshold: 3 }, "sitting");
    expect(close).toMatchObject({ pass: true, reason: "Edit distance 3 (at most 3)." });
    expect(close.score).toBeCloseTo(1 - 3 / 7);
    expect(grade({ type: "levenshtein", value: "kitten", threshold: 2 }, "sitting").pass).toBe(false);
    // promptfoo's default threshold is 5.
    expect(grade({ type: "levenshtein", value: "abcdefgh" }, "abc").pass).toBe(true);
    expect(grade({ type: "levenshtein", value: "abcdefghi" }, "abc").pass).toBe(false);
    // Texts too long to compare in reasonable time are not graded rather than stalling.
    expect(grade({ type: "levenshtein", value: "a".repeat(40_000) }, "b".repeat(40_000)).pass).toBeNull();
  });

  it("max-length counts characters, not bytes or UTF-16 units", () => {
    expect(grade({ type: "max-length", threshold: 3 }, "héé").pass).toBe(true);
    expect(grade({ type: "max-length", threshold: 2 }, "😀😀").pass).toBe(true);
    expect(grade({ type: "max-length", value: 4 }, "hello").pass).toBe(false);
    expect(grade({ type: "max-length" }, "hello").pass).toBeNull();
  });

  it("latency compares milliseconds and is unknown without a measurement", () => {
    expect(grade({ type: "latency", threshold: 800 }, answer("x", { latencyMs: 800 })).pass).toBe(true);
    expect(grade({ type: "latency", threshold: 799 }, answer("x", { latencyMs: 800 })).pass).toBe(false);
    expect(grade({ type: "latency", threshold: 799 }, answer("x", { latencyMs: null })).pass).toBeNull();
  });

  it("cost compares exact decimals, and an unknown price stays unknown", () => {
    // 0.1 + 0.2 !== 0.3 in floats; the exact comparison must still pass at the boundary.
    expect(grade({ type: "cost", threshold: 0.3 }, answer("x", { costUsd: "0.300000000000" })).pass).toBe(
      true,
    );
    expect(grade({ type: "cost", threshold: 0.3 }, answer("x", { costUsd: "0.300000000001" })).pass).toBe(
      false,
    );
    expect(grade({ type: "cost", threshold: 0.000125 }, answer("x")).pass).toBe(true);
    expect(grade({ type: "cost", threshold: 1e-15 }, answer("x", { costUsd: "0" })).pass).toBe(true);
    expect(grade({ type: "cost", threshold: 1 }, answer("x", { costUsd: "about a cent" })).pass).toBeNull();
    const unknownCost = grade({ type: "cost", threshold: 1 }, answer("x", { costUsd: null }));
    expect(unknownCost).toMatchObject({ pass: null, score: null });
    expect(unknownCost.reason).toMatch(/unknown/);
  });
});

it("never throws, whatever the assertion's value and the answer", () => {
  const value = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(undefined),
    fc.jsonValue(),
    fc.constantFrom("{{missing}}", "(", "[", '{"type": 3}'),
  );
  const assertion = fc.record({
    type: fc.constantFrom(...ASSERTION_TYPES),
    value,
    threshold: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
  });
  const observation = fc.record({
    output: fc.string({ maxLength: 200 }),
    latencyMs: fc.option(fc.nat(), { nil: null }),
    ttftMs: fc.constant(null),
    costUsd: fc.option(fc.oneof(fc.string(), fc.constant("0.001")), { nil: null }),
  });
  fc.assert(
    fc.property(fc.array(assertion, { maxLength: 4 }), observation, (assertions, observed) => {
      const results = gradeAssertions(assertions as Assertion[], observed, { vars: { name: "x" } });
      expect(results).toHaveLength(assertions.length);
      for (const result of results) expect([true, false, null]).toContain(result.pass);
    }),
    { numRuns: 300 },
  );
});
