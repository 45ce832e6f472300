import { ref } from "./models";
import { cite } from "./sources";
import type { BenchmarkFact, ModelRef } from "./types";

// Only seed 002 states benchmark scores; it also warns they "don't always reflect production
// performance" (kept as a caveat note in model-notes.ts).
const benchmarkModels = {
  claude_35_sonnet: ref("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
  gpt4o: ref("gpt-4o", "GPT-4o"),
  gemini_15_pro: ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
} satisfies Record<string, ModelRef>;

type SeedModelKey = keyof typeof benchmarkModels;

const table: readonly [BenchmarkFact["benchmark"], string, SeedModelKey, string][] = [
  ["humaneval", "humaneval_coding", "claude_35_sonnet", "92%"],
  ["humaneval", "humaneval_coding", "gpt4o", "91%"],
  ["humaneval", "humaneval_coding", "gemini_15_pro", "84%"],
  ["mmlu", "mmlu_knowledge", "claude_35_sonnet", "88.7%"],
  ["mmlu", "mmlu_knowledge", "gpt4o", "88.7%"],
  ["mmlu", "mmlu_knowledge", "gemini_15_pro", "85.9%"],
  ["graduate-reasoning", "graduate_reasoning", "claude_35_sonnet", "65%"],
  ["graduate-reasoning", "graduate_reasoning", "gpt4o", "53%"],
  ["graduate-reasoning", "graduate_reasoning", "gemini_15_pro", "59%"],
];

export const benchmarkFacts: readonly BenchmarkFact[] = table.map(([benchmark, label, key, score]) => ({
  id: `s002-benchmark-${benchmark}-${benchmarkModels[key].model}`,
  kind: "benchmark",
  ...benchmarkModels[key],
  ...cite("seed-002", `${key}: "${score}"`),
  benchmark,
  benchmarkLabel: label,
  scorePercent: Number(score.replace("%", "")),
}));
