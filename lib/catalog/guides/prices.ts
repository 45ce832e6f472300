import { ref } from "./models";
import { cite } from "./sources";
import type { ModelRef, PriceFact, Provenance } from "./types";

type PriceFields = Pick<PriceFact, "price" | "basis" | "note">;

function price(id: string, model: ModelRef, provenance: Provenance, fields: PriceFields): PriceFact {
  return { id, kind: "price", ...model, ...provenance, ...fields };
}

const io = (inputPerMTok: string, outputPerMTok: string) =>
  ({ shape: "input-output", inputPerMTok, outputPerMTok }) as const;
const inputOnly = (inputPerMTok: string) => ({ shape: "input-only", inputPerMTok }) as const;
const stated = { basis: "stated" } as const;

// Seed 001 lost every literal "$1" (".60/M output", "00-$300", "0-$40"), as if a regex
// replacement ate "$1". Its own cost table confirms "$1.60", so the same repair is applied elsewhere
// but flagged as reconstructed.
const LOST_DOLLAR_ONE =
  'Seed-001 text drops every literal "$1" (compare ".60/M output", which its cost table confirms is $1.60).';

export const priceFacts: readonly PriceFact[] = [
  // Seed 000, "Cost per Million Tokens", "as of early 2026".
  price("s000-price-gpt-4o", ref("gpt-4o", "GPT-4o"), cite("seed-000", "GPT-4o $2.50 $10.00"), {
    price: io("2.50", "10.00"),
    ...stated,
  }),
  price(
    "s000-price-gpt-4o-mini",
    ref("gpt-4o-mini", "GPT-4o mini"),
    cite("seed-000", "GPT-4o mini $0.15 $0.60"),
    {
      price: io("0.15", "0.60"),
      ...stated,
    },
  ),
  price(
    "s000-price-claude-3-7-sonnet",
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    cite("seed-000", "Claude 3.7 Sonnet $3.00 $15.00"),
    { price: io("3.00", "15.00"), ...stated },
  ),
  price(
    "s000-price-claude-3-7-haiku",
    ref("claude-3-7-haiku", "Claude 3.7 Haiku"),
    cite("seed-000", "Claude 3.7 Haiku $0.80 $4.00"),
    { price: io("0.80", "4.00"), ...stated },
  ),
  price(
    "s000-price-gemini-1.5-pro",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-000", "Gemini 1.5 Pro $1.25 $5.00"),
    { price: io("1.25", "5.00"), ...stated },
  ),
  price(
    "s000-price-gemini-2.0-flash",
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    cite("seed-000", "Gemini 2.0 Flash $0.10 $0.40"),
    { price: io("0.10", "0.40"), ...stated },
  ),
  price(
    "s000-price-llama-3.3-70b-together",
    ref("llama-3.3-70b", "Llama 3.3 70B (Together AI)", "together"),
    cite("seed-000", "Llama 3.3 70B (Together AI) $0.18 $0.18"),
    { price: io("0.18", "0.18"), ...stated, note: "Price on Together AI, not a Meta price." },
  ),
  price(
    "s000-price-mistral-large-2",
    ref("mistral-large-2", "Mistral Large 2"),
    cite("seed-000", "Mistral Large 2 $2.00 $6.00"),
    { price: io("2.00", "6.00"), ...stated },
  ),

  // Seed 001, "Quick Comparison" (flagship input price only) and provider notes, April 2026.
  price("s001-price-gpt-5.4", ref("gpt-5.4", "GPT-5.4"), cite("seed-001", "$2.50/M tokens"), {
    price: inputOnly("2.50"),
    ...stated,
    note: "Flagship input price from the comparison table; no output price is given.",
  }),
  price(
    "s001-price-claude-opus-4-6",
    ref("claude-opus-4-6", "Claude Opus 4.6"),
    cite("seed-001", "5.00/M tokens"),
    {
      price: inputOnly("15.00"),
      basis: "reconstructed",
      note: `Printed as "5.00/M tokens" with no dollar sign. ${LOST_DOLLAR_ONE} Read as $15.00; a plain "$5.00" would have survived like "$5 credit" in the same table.`,
    },
  ),
  price(
    "s001-price-gemini-3.1-pro",
    ref("gemini-3.1-pro", "Gemini 3.1 Pro"),
    cite("seed-001", ".25/M tokens"),
    {
      price: inputOnly("1.25"),
      basis: "reconstructed",
      note: `Printed as ".25/M tokens". ${LOST_DOLLAR_ONE} Read as $1.25.`,
    },
  ),
  price("s001-price-deepseek-v4", ref("deepseek-v4", "DeepSeek V4"), cite("seed-001", "$0.50/M tokens"), {
    price: inputOnly("0.50"),
    ...stated,
    note: "Flagship input price from the comparison table; no output price is given.",
  }),
  price(
    "s001-price-llama-4-maverick",
    ref("llama-4-maverick", "Llama 4 Maverick"),
    cite("seed-001", "$0.10-$0.50/M"),
    {
      price: { shape: "input-range", inputPerMTokMin: "0.10", inputPerMTokMax: "0.50" },
      ...stated,
      note: "A range across hosts ('Meta (via providers)', free tier 'Varies by host'); not one provider's price.",
    },
  ),
  price(
    "s001-price-deepseek-v3",
    ref("deepseek-v3", "DeepSeek V3"),
    cite("seed-001", "DeepSeek V3 at $0.14/M input is hard to beat on cost."),
    {
      price: inputOnly("0.14"),
      ...stated,
      note: "Repeated in the 'Lowest cost possible' row: '$0.14/M input'.",
    },
  ),
  price(
    "s001-price-gpt-4.1-mini",
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    cite("seed-001", "GPT-4.1 mini ($0.40/M input,\n.60/M output)"),
    {
      price: io("0.40", "1.60"),
      basis: "derived",
      note:
        'Output printed as ".60/M". The seed\'s own cost table fixes it at $1.60: 150 input + 200 output ' +
        "tokens = $0.00038 and 1,500 + 300 = $0.00108 only hold at $0.40 in / $1.60 out.",
    },
  ),

  // Seed 002, "Pricing (November 2024)".
  price(
    "s002-price-claude-3-5-sonnet",
    ref("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
    cite("seed-002", 'claude_35_sonnet:\ninput: "$3"\noutput: "$15"'),
    { price: io("3", "15"), ...stated },
  ),
  price(
    "s002-price-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-002", 'gpt4o:\ninput: "$5"\noutput: "$15"'),
    {
      price: io("5", "15"),
      ...stated,
    },
  ),
  price(
    "s002-price-gemini-1.5-pro",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-002", 'gemini_15_pro:\ninput: "$3.50"\noutput: "$10.50"'),
    { price: io("3.50", "10.50"), ...stated },
  ),
  price(
    "s002-price-gpt-4o-mini",
    ref("gpt-4o-mini", "GPT-4o mini"),
    cite("seed-002", 'gpt4o_mini:\ninput: "$0.15"\noutput: "$0.60"'),
    { price: io("0.15", "0.60"), ...stated },
  ),
  price(
    "s002-price-claude-3-haiku",
    ref("claude-3-haiku", "Claude 3 Haiku"),
    cite("seed-002", 'claude_3_haiku:\ninput: "$0.25"\noutput: "$1.25"'),
    { price: io("0.25", "1.25"), ...stated },
  ),
];
