import { ref } from "./models";
import { cite } from "./sources";
import type { MonthlyCostEstimate, UseCaseBudget } from "./types";

type Range = readonly [number, number];

// Seed 001, "Practical token budgeting"; the table is one cell per line, so each quote is a row.
const budgetRows: readonly [string, string, Range, Range, Range, string][] = [
  ["simple-qa", "Simple Q&A", [50, 200], [100, 300], [150, 500], "Simple Q&A\n50-200\n100-300\n150-500"],
  [
    "document-summary",
    "Document summary",
    [2000, 8000],
    [200, 500],
    [2200, 8500],
    "Document summary\n2,000-8,000\n200-500\n2,200-8,500",
  ],
  [
    "code-generation",
    "Code generation",
    [200, 1000],
    [500, 2000],
    [700, 3000],
    "Code generation\n200-1,000\n500-2,000\n700-3,000",
  ],
  [
    "translation",
    "Translation",
    [500, 2000],
    [500, 2000],
    [1000, 4000],
    "Translation\n500-2,000\n500-2,000\n1,000-4,000",
  ],
  [
    "customer-support-bot",
    "Customer support bot",
    [500, 1500],
    [100, 400],
    [600, 1900],
    "Customer support bot\n500-1,500\n100-400\n600-1,900",
  ],
];

export const useCaseBudgetFacts: readonly UseCaseBudget[] = budgetRows.map(
  ([useCase, useCaseName, input, output, total, quote]) => ({
    id: `s001-budget-${useCase}`,
    kind: "use-case-budget",
    useCase,
    useCaseName,
    inputTokensMin: input[0],
    inputTokensMax: input[1],
    outputTokensMin: output[0],
    outputTokensMax: output[1],
    totalTokensMin: total[0],
    totalTokensMax: total[1],
    ...cite("seed-001", quote),
  }),
);

const LOST_DOLLAR_ONE =
  'Printed without its leading "$1" (the seed drops every literal "$1"); reconstructed.';

// Seed 001, "Common LLM API use cases" at 10K requests a month.
export const monthlyCostEstimates: readonly MonthlyCostEstimate[] = [
  {
    id: "s001-monthly-customer-support",
    kind: "monthly-cost-estimate",
    useCase: "Customer support chatbot",
    tier: "budget",
    model: ref("gpt-4.1-mini", "GPT-4.1 mini"),
    requestsPerMonth: 10_000,
    monthlyCostUsdMin: "30",
    monthlyCostUsdMax: "80",
    basis: "stated",
    ...cite("seed-001", "Customer support chatbot\nBudget (GPT-4.1 mini)\n$30-$80"),
  },
  {
    id: "s001-monthly-content-generation",
    kind: "monthly-cost-estimate",
    useCase: "Content generation",
    tier: "flagship",
    model: ref("gpt-5.4", "GPT-5.4"),
    requestsPerMonth: 10_000,
    monthlyCostUsdMin: "200",
    monthlyCostUsdMax: "500",
    basis: "stated",
    ...cite("seed-001", "Content generation\nFlagship (GPT-5.4)\n$200-$500"),
  },
  {
    id: "s001-monthly-data-extraction",
    kind: "monthly-cost-estimate",
    useCase: "Data extraction/classification",
    tier: "budget",
    model: ref("gpt-4.1-nano", "GPT-4.1 nano"),
    requestsPerMonth: 10_000,
    monthlyCostUsdMin: "5",
    monthlyCostUsdMax: "20",
    basis: "stated",
    ...cite("seed-001", "Data extraction/classification\nBudget (GPT-4.1 nano)\n$5-$20"),
  },
  {
    id: "s001-monthly-code-review",
    kind: "monthly-cost-estimate",
    useCase: "Code review/generation",
    tier: "flagship",
    model: ref("claude-sonnet", "Claude Sonnet"),
    requestsPerMonth: 10_000,
    monthlyCostUsdMin: "100",
    monthlyCostUsdMax: "300",
    basis: "reconstructed",
    note: `Printed as "00-$300". ${LOST_DOLLAR_ONE}`,
    ...cite("seed-001", "Code review/generation\nFlagship (Claude Sonnet)\n00-$300"),
  },
  {
    id: "s001-monthly-document-summarization",
    kind: "monthly-cost-estimate",
    useCase: "Document summarization",
    tier: "mid-tier",
    model: ref("gemini-flash", "Gemini Flash"),
    requestsPerMonth: 10_000,
    monthlyCostUsdMin: "10",
    monthlyCostUsdMax: "40",
    basis: "reconstructed",
    note: `Printed as "0-$40". ${LOST_DOLLAR_ONE}`,
    ...cite("seed-001", "Document summarization\nMid-tier (Gemini Flash)\n0-$40"),
  },
];
