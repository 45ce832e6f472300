import { ref } from "./models";
import { cite } from "./sources";
import type { CostExample, CostFormula, RuleOfThumb } from "./types";

export const costFormula: CostFormula = {
  id: "s001-cost-formula",
  text: "Cost = (Input Tokens x Input Price) + (Output Tokens x Output Price)",
  terms: [
    { tokens: "inputTokens", pricePerMTok: "inputPerMTok" },
    { tokens: "outputTokens", pricePerMTok: "outputPerMTok" },
  ],
  tokensPerPriceUnit: 1_000_000,
  note:
    "Prices are quoted per 1M tokens, so each product is divided by 1,000,000 (the seed's code does " +
    "`* 0.4 / 1_000_000`). Worked example from the seed: 100,000 support interactions at $0.00072 = $72/month.",
  ...cite("seed-001", "Cost = (Input Tokens x Input Price) + (Output Tokens x Output Price)"),
};

const gpt41Mini = ref("gpt-4.1-mini", "GPT-4.1 mini");

// Seed 001, "Real cost examples using GPT-4.1 mini"; rows are one cell per line.
const exampleRows: readonly [string, string, number, number, string, string][] = [
  [
    "single-chat-message",
    "Single chat message",
    150,
    200,
    "0.00038",
    "Single chat message\n150\n200\n$0.00038",
  ],
  [
    "document-summary",
    "Document summary (2 pages)",
    1500,
    300,
    "0.00108",
    "Document summary (2 pages)\n1,500\n300\n$0.00108",
  ],
  [
    "code-review",
    "Code review (100 lines)",
    2000,
    1000,
    "0.0024",
    "Code review (100 lines)\n2,000\n1,000\n$0.0024",
  ],
  ["translate", "Translate 1,000 words", 1500, 1500, "0.003", "Translate 1,000 words\n1,500\n1,500\n$0.003"],
  [
    "customer-support",
    "Customer support interaction",
    800,
    250,
    "0.00072",
    "Customer support interaction\n800\n250\n$0.00072",
  ],
];

export const costExamples: readonly CostExample[] = exampleRows.map(
  ([slug, task, inputTokens, outputTokens, costUsd, quote]) => ({
    id: `s001-cost-example-${slug}`,
    kind: "cost-example",
    task,
    inputTokens,
    outputTokens,
    costUsd,
    pricedAs: gpt41Mini,
    ...cite("seed-001", quote),
  }),
);

function rule(
  subject: string,
  valueMin: number | null,
  valueMax: number | null,
  unit: string,
  text: string,
  quote: string,
  basis: RuleOfThumb["basis"] = "stated",
): RuleOfThumb {
  return {
    id: `s001-rule-${subject}`,
    kind: "rule-of-thumb",
    subject,
    valueMin,
    valueMax,
    unit,
    basis,
    text,
    ...cite("seed-001", quote),
  };
}

export const rulesOfThumb: readonly RuleOfThumb[] = [
  rule(
    "words-per-token",
    0.75,
    0.75,
    "words per token",
    "A token is roughly 3/4 of an English word.",
    "roughly 3/4 of a word in English",
  ),
  rule("tokens-hello", 1, 1, "tokens", '"Hello" is 1 token.', '"Hello"\n1 token'),
  rule("tokens-hello-world", 3, 3, "tokens", '"Hello, world!" is 3 tokens.', '"Hello, world!"\n3 tokens'),
  rule(
    "tokens-quick-brown-fox",
    9,
    9,
    "tokens",
    '"The quick brown fox jumps over the lazy dog" is 9 tokens.',
    '"The quick brown fox jumps over the lazy dog"\n9 tokens',
  ),
  // The next three contradict "3/4 of a word per token" (100 words would be ~133 tokens); kept as printed.
  rule(
    "tokens-paragraph",
    75,
    75,
    "tokens",
    "1 paragraph (~100 words) is ~75 tokens, as printed.",
    "1 paragraph (~100 words)\n~75 tokens",
  ),
  rule(
    "tokens-page",
    375,
    375,
    "tokens",
    "1 page (~500 words) is ~375 tokens, as printed.",
    "1 page (~500 words)\n~375 tokens",
  ),
  rule(
    "tokens-email",
    150,
    150,
    "tokens",
    "1 average email (~200 words) is ~150 tokens, as printed.",
    "1 average email (~200 words)\n~150 tokens",
  ),
  rule(
    "tokenizer-gap",
    100,
    108,
    "tokens (GPT vs Claude)",
    "The same text might be 100 tokens on GPT and 108 on Claude.",
    "The same text might be 100 tokens on GPT and 108 tokens on Claude.",
  ),
  rule(
    "output-price-multiple",
    2,
    5,
    "x input price",
    "Output tokens cost 2-5x more than input tokens.",
    "Output tokens (the model's response) cost 2-5x more.",
  ),
  rule(
    "non-english-token-multiple",
    1.5,
    3,
    "x tokens per character vs English",
    "Chinese, Japanese, Korean and other non-Latin scripts use 1.5-3x more tokens per character.",
    "typically use 1.5-3x more tokens per character than English",
  ),
  rule(
    "response-time-simple",
    500,
    2000,
    "ms",
    "Simple responses take 0.5-2 s end to end.",
    "Simple responses: 0.5-2 seconds",
  ),
  rule(
    "response-time-complex-reasoning",
    3000,
    15000,
    "ms",
    "Complex reasoning takes 3-15 s end to end.",
    "Complex reasoning: 3-15 seconds",
  ),
  rule(
    "response-time-long-outputs",
    10000,
    60000,
    "ms",
    "Long outputs take 10-60 s end to end.",
    "Long outputs: 10-60 seconds",
  ),
  rule(
    "temperature-factual",
    0,
    0.3,
    "temperature",
    "Use temperature 0-0.3 for factual tasks.",
    "For factual tasks, use 0-0.3.",
  ),
  rule(
    "temperature-creative",
    0.7,
    1,
    "temperature",
    "Use temperature 0.7-1.0 for creative tasks.",
    "For creative tasks, use 0.7-1.0.",
  ),
  rule(
    "context-window-range",
    8000,
    1_000_000,
    "tokens",
    "Context windows range from 8K to 1M+ depending on the model.",
    "Ranges from 8K to 1M+ depending on the model.",
  ),
  rule(
    "cost-per-call",
    0.0001,
    0.05,
    "USD per call",
    "A single API call typically costs $0.0001 to $0.05.",
    "A single API call typically costs $0.0001 to $0.05 depending on the model and input/output length.",
  ),
  rule(
    "budget-cost-per-simple-request",
    null,
    0.001,
    "USD per request",
    "Budget models (GPT-4.1 mini, DeepSeek V3) cost under $0.001 per simple request.",
    "Budget models like GPT-4.1 mini or DeepSeek V3 cost under $0.001 per simple request.",
  ),
  rule(
    "monthly-cost-typical-app",
    10,
    500,
    "USD per month",
    'A typical application costs $10 to $500 a month; printed as "0 to $500" with the leading "$1" lost.',
    "0 to $500 depending on volume and model choice.",
    "reconstructed",
  ),
  rule(
    "support-volume-example",
    72,
    72,
    "USD per month",
    "100,000 support interactions at $0.00072 each cost $72/month.",
    "100,000 customer support interactions per month at $0.00072 each = $72/month.",
  ),
  rule(
    "chatbot-threshold",
    null,
    50,
    "interactions per day",
    "Under 50 interactions a day, a chatbot interface beats the API.",
    "Your volume is under 50 interactions per day",
  ),
  rule(
    "budget-model-task-share",
    60,
    70,
    "% of tasks",
    "Budget models handle 60-70% of tasks at a fraction of the flagship price.",
    "budget models handle 60-70% of tasks at a fraction of the flagship price",
  ),
  rule(
    "sdk-example-cost",
    0.00012,
    0.00012,
    "USD per call",
    "The SDK example prints ~$0.000120 by pricing all tokens at the $0.40 input rate, which understates output cost.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a verbatim Python f-string from the seed.
    'print(f"Cost: ~${response.usage.total_tokens * 0.4 / 1_000_000:.6f}")\n# Output: "Cost: ~$0.000120"',
  ),
];
