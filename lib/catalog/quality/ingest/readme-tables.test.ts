import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFirstTable, readTableAfterHeading } from "./markdown-table";
import { parseNytConnections } from "./nyt-connections";
import { parseVectara } from "./vectara";

const fixture = (name: string) =>
  readFileSync(path.join(process.cwd(), "tests", "fixtures", "quality", name), "utf8");

describe("readTableAfterHeading", () => {
  it("reads the table under the named heading, not an earlier or later one", () => {
    const markdown = "## A\n\n|x|\n|-|\n|1|\n\n## B\n\nText.\n\n|x|\n|-|\n|2|\n";
    expect(readTableAfterHeading(markdown, "B")).toEqual([{ x: "2" }]);
    expect(readFirstTable(markdown)).toEqual([{ x: "1" }]);
  });

  it("throws when the heading or its table is missing", () => {
    expect(() => readTableAfterHeading("## A\n\ntext\n", "B")).toThrow('no "B" heading');
    expect(() => readTableAfterHeading("## A\n\ntext\n", "A")).toThrow('no table after the "A" heading');
  });
});

describe("parseNytConnections", () => {
  const scores = parseNytConnections(fixture("nyt-connections-readme.md"), "2026-07-17");

  it("reads only the all-puzzles table, keeping each score as printed with its puzzle count", () => {
    expect(scores).toHaveLength(5);
    expect(scores.find((score) => score.modelTested === "GPT-5.2 Pro")).toMatchObject({
      source: "nyt-connections",
      benchmark: "nyt-connections",
      split: "extended",
      value: "85.7",
      unit: "percent",
      sampleSize: 940,
      sourceDate: "2026-07-17",
      url: "https://github.com/lechmazur/nyt-connections",
    });
  });

  it("rejects a row whose score is not a number rather than storing it", () => {
    const broken = fixture("nyt-connections-readme.md").replace("|85.7|", "|n/a|");
    expect(() => parseNytConnections(broken, "2026-07-17")).toThrow(/GPT-5.2 Pro/);
  });
});

describe("parseVectara", () => {
  const scores = parseVectara(fixture("vectara-readme.md"), "2026-03-10");

  it("stores the factual consistency rate (higher is better) and keeps the other rates in details", () => {
    expect(scores.map((score) => score.modelTested)).toEqual([
      "openai/gpt-5.4-pro-2026-03-05",
      "qwen/qwen3.5-plus-2026-02-15",
      "openai/gpt-5.2-high-2025-12-11",
      "qwen/qwen3-4b",
    ]);
    expect(scores[0]).toMatchObject({
      benchmark: "vectara-hallucination",
      split: "hhem-2.3-factual-consistency",
      value: "91.7",
      unit: "percent",
      details: { hallucinationRatePercent: "8.3", answerRatePercent: "100.0", averageSummaryWords: "148.5" },
    });
  });

  it("reads a rate printed without its percent sign and rejects one that is not a number", () => {
    const bare = fixture("vectara-readme.md").replace("|91.7 %|", "|91.7|");
    expect(parseVectara(bare, "2026-03-10")[0]?.value).toBe("91.7");
    const broken = fixture("vectara-readme.md").replace("|91.7 %|", "|n/a|");
    expect(() => parseVectara(broken, "2026-03-10")).toThrow(
      /Factual Consistency Rate for openai\/gpt-5.4-pro/,
    );
  });
});
