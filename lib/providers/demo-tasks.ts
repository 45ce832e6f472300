import { z } from "zod";
import facts from "./demo-tasks.json";

/**
 * What the simulated models know, so an eval set gives them a spread of right and wrong answers
 * that stays the same from run to run: arithmetic, capitals and small JSON objects. Each profile
 * gets a task wrong when the hash of its id and the prompt falls past its accuracy.
 */
const factsSchema = z.object({
  capitals: z.record(z.string(), z.string()),
  wrongCapitals: z.array(z.string()),
});
const { capitals, wrongCapitals } = factsSchema.parse(facts);

export interface DemoSolution {
  /** The answer itself, e.g. "42" or a JSON object. */
  answer: string;
  /** How the thorough style explains it before the answer. */
  steps: string[];
}

function solveArithmetic(prompt: string, wrong: boolean): DemoSolution | null {
  const match = /(-?\d+)\s*([+\-*×x])\s*(-?\d+)/.exec(prompt);
  if (!match || !/\bwhat is\b|\bcompute\b|\bcalculate\b/i.test(prompt)) return null;
  const left = Number(match[1]);
  const right = Number(match[3]);
  const operator = match[2] ?? "+";
  const exact = operator === "+" ? left + right : operator === "-" ? left - right : left * right;
  return {
    answer: String(wrong ? exact + 1 : exact),
    steps: [`Take ${left} and ${right}.`, `Apply ${operator === "x" ? "×" : operator} to them.`],
  };
}

function solveCapital(prompt: string, wrong: boolean): DemoSolution | null {
  const match = /capital of ([A-Za-z ]+?)[?.!]?$/im.exec(prompt.trim());
  const country = match?.[1]?.trim().toLowerCase();
  const keys = Object.keys(capitals);
  const index = country ? keys.indexOf(country) : -1;
  if (index < 0 || !country) return null;
  return {
    answer: wrong ? (wrongCapitals[index] ?? "Unknown") : (capitals[country] ?? "Unknown"),
    steps: [`Recall the seat of government of ${match?.[1]?.trim()}.`],
  };
}

function solveJson(prompt: string, wrong: boolean): DemoSolution | null {
  if (!/\bjson\b/i.test(prompt)) return null;
  const keys = [...prompt.matchAll(/"([a-z_]+)"/gi)].map((found) => found[1] ?? "").filter(Boolean);
  const object = Object.fromEntries(
    (keys.length > 0 ? keys : ["answer"]).map((key) => [key, `${key} value`]),
  );
  const text = JSON.stringify(object);
  // A wrong answer is the classic one: the object with a trailing comma, which no JSON parser reads.
  return {
    answer: wrong ? `${text.slice(0, -1)},}` : text,
    steps: ["Build the object with the keys asked for."],
  };
}

export function solveDemoTask(prompt: string, wrong: boolean): DemoSolution | null {
  return solveArithmetic(prompt, wrong) ?? solveCapital(prompt, wrong) ?? solveJson(prompt, wrong);
}

/** A simulated judge: prompts that carry a rubric get a verdict as JSON, the same one every time. */
export function demoVerdict(text: string, seed: number): string | null {
  if (!/rubric/i.test(text)) return null;
  const score = (seed % 11) / 10;
  return JSON.stringify({
    pass: score >= 0.5,
    score,
    reasoning: `Simulated judge: the answer ${score >= 0.5 ? "meets" : "misses"} the rubric (score ${score}).`,
  });
}
