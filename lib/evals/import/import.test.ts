import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { renderTemplate } from "../grade";
import {
  casesFromSessions,
  MAX_IMPORT_CASES,
  parseCsv,
  parseJsonl,
  parsePromptfooYaml,
  toJsonl,
} from "./index";

const fixture = (name: string) => readFileSync(path.join("tests/fixtures/evals", name), "utf8");

/** The AppError a call throws, so tests can check its status and message. */
function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parsePromptfooYaml", () => {
  const cases = parsePromptfooYaml(fixture("promptfooconfig.yaml"));

  it("crosses every prompt with every test, expanding list vars", () => {
    // 2 prompts × (refund + JSON + greeting in French + greeting in German) = 8 cases.
    expect(cases).toHaveLength(8);
    expect(cases.filter((each) => each.vars?.language === "German")).toHaveLength(2);
  });

  it("keeps prompts as templates with the test's vars over defaultTest's", () => {
    const [first] = cases;
    expect(first?.prompt).toBe(
      "You are the support bot for Acme. Answer the customer in {{language}}: {{question}}",
    );
    expect(first?.vars).toEqual({
      language: "English",
      question: "How many days do I have to return an order?",
    });
    expect(renderTemplate(first?.prompt ?? "", first?.vars)).toContain("in English: How many days");
  });

  it("reads a chat-format prompt into its system and user messages", () => {
    const chat = cases[4];
    expect(chat?.system).toBe("You are the support bot for Acme. Reply in {{language}}.");
    expect(chat?.prompt).toBe("{{question}}");
  });

  it("puts defaultTest's assertions before each test's own", () => {
    expect(cases[0]?.assert).toEqual([
      { type: "max-length", threshold: 600 },
      { type: "cost", threshold: 0.002 },
      { type: "icontains", value: "30 days" },
      { type: "llm-rubric", value: "Mentions that the item must be unused" },
    ]);
    expect(cases[1]?.assert?.[2]).toEqual({
      type: "contains-json",
      value: { type: "object", required: ["order", "status"] },
    });
  });

  it("names the YAML line of an unsupported assertion", () => {
    const yaml = [
      "prompts: ['Hi {{name}}']",
      "tests:",
      "  - vars: {name: Ada}",
      "  - vars: {name: Bob}",
      "    assert:",
      "      - type: javascript",
      "        value: output.length < 10",
    ].join("\n");
    const error = thrown(() => parsePromptfooYaml(yaml));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^YAML line 4, assertion 1: the "javascript" assertion runs code/);
  });

  it("names the line of a YAML syntax error and of a prompt missing a var", () => {
    expect(thrown(() => parsePromptfooYaml("prompts:\n  - 'a\ntests: [")).message).toMatch(/^YAML line \d+/);
    const missing = thrown(() =>
      parsePromptfooYaml("prompts: ['Hi {{name}}']\ntests:\n  - vars: {other: x}\n"),
    );
    expect(missing.message).toBe("YAML line 3: the prompt uses {{name}} but the case gives no value for it");
  });

  it("answers an unresolved alias and an alias bomb with a 400", () => {
    expect(thrown(() => parsePromptfooYaml("prompts: *nowhere\n")).status).toBe(400);
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "prompts: [*d]",
    ].join("\n");
    expect(thrown(() => parsePromptfooYaml(bomb)).status).toBe(400);
  });

  it("refuses file:// prompts and tests", () => {
    expect(thrown(() => parsePromptfooYaml("prompts: [file://prompt.txt]\n")).message).toMatch(/file:\/\//);
    expect(thrown(() => parsePromptfooYaml("prompts: [hi]\ntests: file://tests.csv\n")).message).toMatch(
      /file:\/\//,
    );
  });
});

describe("parseCsv", () => {
  it("reads promptfoo's CSV: vars, __expected prefixes and multi-line quoted cells", () => {
    const cases = parseCsv(fixture("cases.csv"), { prompt: "Reply in {{language}}. {{question}}" });
    expect(cases).toHaveLength(6);
    expect(cases[0]).toEqual({
      prompt: "Reply in {{language}}. {{question}}",
      vars: { question: "What is the capital of France?", language: "English" },
      assert: [
        { type: "icontains", value: "paris" },
        { type: "max-length", value: "200" },
      ],
    });
    expect(cases[1]?.vars?.question).toBe('Translate "good morning"');
    expect(cases[2]?.vars?.question).toBe("List three colours,\none per line");
    expect(cases[3]?.assert).toEqual([{ type: "javascript-number", value: "42", threshold: 0.5 }]);
    expect(cases[4]?.assert).toEqual([
      { type: "llm-rubric", value: "Mentions the 30-day window" },
      { type: "not-contains", value: "sorry" },
    ]);
    expect(cases[5]?.assert).toEqual([{ type: "equals", value: "Answer: yes" }]);
  });

  it("reads a prefix after leading spaces, and unknown prefixes as equals", () => {
    const cases = parseCsv('prompt,__expected\nHi,"  icontains:hello"\nCount,"note: 3"\n');
    expect(cases.map((each) => each.assert?.[0])).toEqual([
      { type: "icontains", value: "hello" },
      { type: "equals", value: "note: 3" },
    ]);
  });

  it("reads the plain prompt,expected form", () => {
    expect(parseCsv(fixture("plain.csv"))).toEqual([
      { prompt: "What is 2 + 2?", expected: "4" },
      { prompt: "Name a prime number above 10", expected: "11" },
    ]);
  });

  it("asks for a prompt when there is no prompt column and no template", () => {
    const error = thrown(() => parseCsv(fixture("cases.csv")));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^CSV line 1: there is no "prompt" column/);
  });

  it("names the line a bad row starts on, counting multi-line cells", () => {
    // Header on line 1, a row on line 2, a two-line row on lines 3–4, the bad row on line 5.
    const error = thrown(() => parseCsv(fixture("bad-row.csv"), { prompt: "{{question}}" }));
    expect(error.message).toBe("CSV line 5: the row has 3 cells but the header has 2");
  });

  it("names the line and column of an __expected that runs code", () => {
    const error = thrown(() => parseCsv(fixture("bad-expected.csv")));
    expect(error.message).toMatch(/^CSV line 3, column __expected: the "javascript" assertion runs code/);
  });

  it("names the line of an unterminated quote", () => {
    expect(thrown(() => parseCsv('prompt\nok\n"never closed\n')).message).toMatch(/^CSV line 3:/);
  });
});

describe("parseJsonl and toJsonl", () => {
  it("reads one case per line, skipping blank lines", () => {
    const cases = parseJsonl(fixture("cases.jsonl"));
    expect(cases).toHaveLength(3);
    expect(cases[0]).toMatchObject({ vars: { country: "Italy" }, expected: "Rome" });
    expect(cases[1]?.system).toBe("Reply with JSON only.");
  });

  it("names the line of an invalid case", () => {
    const error = thrown(() => parseJsonl(fixture("bad.jsonl")));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^JSONL line 4: prompt: /);
  });

  it("names the line of broken JSON and of a non-object", () => {
    expect(thrown(() => parseJsonl('{"prompt": "a"}\n{"prompt": ')).message).toMatch(
      /^JSONL line 2: not valid JSON/,
    );
    expect(thrown(() => parseJsonl('["prompt"]')).message).toMatch(
      /^JSONL line 1: each line must be one JSON object/,
    );
  });

  it("round-trips any cases through JSONL, newlines and odd characters included", () => {
    const text = fc
      .string({ unit: "binary", minLength: 1, maxLength: 40 })
      .filter((each) => !each.includes("{{"));
    const evalCase = fc.record(
      {
        prompt: text,
        system: text,
        vars: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
        expected: fc.string(),
        assert: fc.array(fc.record({ type: fc.constant("contains" as const), value: fc.string() }), {
          maxLength: 3,
        }),
      },
      { requiredKeys: ["prompt"] },
    );
    fc.assert(
      fc.property(fc.array(evalCase, { minLength: 1, maxLength: 5 }), (cases) => {
        expect(parseJsonl(toJsonl(cases))).toEqual(cases);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips every importer's cases through JSONL unchanged", () => {
    const sources = [
      parseJsonl(fixture("cases.jsonl")),
      parsePromptfooYaml(fixture("promptfooconfig.yaml")),
      parseCsv(fixture("cases.csv"), { prompt: "{{question}}" }),
    ];
    for (const cases of sources) expect(parseJsonl(toJsonl(cases))).toEqual(cases);
  });
});

describe("import limits", () => {
  it("refuses more than 2,000 cases with a 413", () => {
    const lines = Array.from({ length: MAX_IMPORT_CASES + 1 }, (_, index) =>
      JSON.stringify({ prompt: `q${index}` }),
    );
    const error = thrown(() => parseJsonl(lines.join("\n")));
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large:evals");
    expect(parseJsonl(lines.slice(1).join("\n"))).toHaveLength(MAX_IMPORT_CASES);
  });

  it("refuses a file over 5 MB with a 413 before parsing", () => {
    const big = `prompt\n${"x".repeat(5 * 1024 * 1024)}\n`;
    expect(thrown(() => parseCsv(big)).status).toBe(413);
    expect(thrown(() => parsePromptfooYaml(big)).status).toBe(413);
  });

  it("counts the expanded promptfoo cases against the limit", () => {
    const values = Array.from({ length: 1001 }, (_, index) => `v${index}`);
    const yaml = `prompts: ['a {{x}}', 'b {{x}}']\ntests:\n  - vars:\n      x: ${JSON.stringify(values)}\n`;
    expect(thrown(() => parsePromptfooYaml(yaml)).status).toBe(413);
  });
});

describe("casesFromSessions", () => {
  const session = (title: string, runs: { prompt: string; system: string | null }[]) => ({
    id: title,
    title,
    runs,
  });

  it("makes one case per prompt with its system prompt, once per distinct prompt", () => {
    const cases = casesFromSessions([
      session("Pricing", [
        { prompt: "Compare GPT-4o and Claude prices", system: "Be brief" },
        { prompt: "And for 1M tokens?", system: "Be brief" },
      ]),
      session("Again", [
        { prompt: "Compare GPT-4o and Claude prices", system: "Be brief" },
        { prompt: "Compare GPT-4o and Claude prices", system: null },
      ]),
    ]);
    expect(cases).toEqual([
      { prompt: "Compare GPT-4o and Claude prices", system: "Be brief" },
      { prompt: "And for 1M tokens?", system: "Be brief" },
      { prompt: "Compare GPT-4o and Claude prices" },
    ]);
  });

  it("keeps {{braces}} typed in the playground as text when rendered", () => {
    const [only] = casesFromSessions([
      session("Mustache", [{ prompt: "Explain {{ name }} in Handlebars", system: null }]),
    ]);
    expect(renderTemplate(only?.prompt ?? "", only?.vars)).toBe("Explain {{name}} in Handlebars");
  });
});

it("any text gives cases or a 400/413, never another error", () => {
  const text = fc.oneof(
    fc.string(),
    fc
      .array(
        fc.constantFrom(
          "prompt",
          ",",
          "\n",
          '"',
          "__expected",
          "contains:",
          "{{a}}",
          "a",
          ":",
          "- ",
          "[",
          "{",
        ),
        {
          maxLength: 30,
        },
      )
      .map((parts) => parts.join("")),
  );
  const parsers = [parseCsv, parseJsonl, parsePromptfooYaml];
  fc.assert(
    fc.property(text, fc.constantFrom(0, 1, 2), (input, which) => {
      try {
        const cases = parsers[which]?.(input) ?? [];
        expect(Array.isArray(cases)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect([400, 413]).toContain((error as AppError).status);
      }
    }),
    { numRuns: 500 },
  );
});
