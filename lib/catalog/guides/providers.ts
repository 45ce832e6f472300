import { providerRef, ref } from "./models";
import { cite } from "./sources";
import type { FreeTierFact, LineupFact, ModelRef, Provenance, SdkFact } from "./types";

function lineup(id: string, role: LineupFact["role"], model: ModelRef, provenance: Provenance): LineupFact {
  return { id, kind: "lineup", role, ...model, ...provenance };
}

// Seed 001's comparison table is one cell per line; each quote is a whole row.
const rows = {
  openai: "OpenAI\nGPT-5.4\nGPT-4.1 mini\n$2.50/M tokens\n$5 credit\nPython, Node.js",
  anthropic: "Anthropic\nClaude Opus 4.6\nClaude Haiku 3.5\n5.00/M tokens\n$5 credit\nPython, TypeScript",
  google: "Google\nGemini 3.1 Pro\nGemini 2.0 Flash\n.25/M tokens\nFree tier (generous)\nPython, Node.js",
  deepseek: "DeepSeek\nDeepSeek V4\nDeepSeek V3\n$0.50/M tokens\n$2 credit\nOpenAI-compatible",
  meta: "Meta (via providers)\nLlama 4 Maverick\nLlama 4 Scout\n$0.10-$0.50/M\nVaries by host\nOpenAI-compatible",
} as const;

const s001 = (provider: keyof typeof rows) => cite("seed-001", rows[provider]);

export const lineupFacts: readonly LineupFact[] = [
  lineup("s001-flagship-openai", "flagship", ref("gpt-5.4", "GPT-5.4"), s001("openai")),
  lineup("s001-budget-openai", "budget", ref("gpt-4.1-mini", "GPT-4.1 mini"), s001("openai")),
  lineup("s001-flagship-anthropic", "flagship", ref("claude-opus-4-6", "Claude Opus 4.6"), s001("anthropic")),
  lineup("s001-budget-anthropic", "budget", ref("claude-3-5-haiku", "Claude Haiku 3.5"), s001("anthropic")),
  lineup("s001-flagship-google", "flagship", ref("gemini-3.1-pro", "Gemini 3.1 Pro"), s001("google")),
  lineup("s001-budget-google", "budget", ref("gemini-2.0-flash", "Gemini 2.0 Flash"), s001("google")),
  lineup("s001-flagship-deepseek", "flagship", ref("deepseek-v4", "DeepSeek V4"), s001("deepseek")),
  lineup("s001-budget-deepseek", "budget", ref("deepseek-v3", "DeepSeek V3"), s001("deepseek")),
  lineup("s001-flagship-meta", "flagship", ref("llama-4-maverick", "Llama 4 Maverick"), s001("meta")),
  lineup("s001-budget-meta", "budget", ref("llama-4-scout", "Llama 4 Scout"), s001("meta")),

  // Seed 002, "model_landscape_2024".
  lineup(
    "s002-flagship-anthropic",
    "flagship",
    ref("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
    cite("seed-002", 'anthropic:\nflagship: "Claude 3.5 Sonnet"'),
  ),
  lineup(
    "s002-flagship-openai",
    "flagship",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-002", 'openai:\nflagship: "GPT-4o"'),
  ),
  lineup(
    "s002-flagship-google",
    "flagship",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-002", 'google:\nflagship: "Gemini 1.5 Pro"'),
  ),
  lineup(
    "s002-flagship-meta",
    "flagship",
    ref("llama-3.1-405b", "Llama 3.1 405B"),
    cite("seed-002", 'meta:\nflagship: "Llama 3.1 405B"'),
  ),
];

export const freeTierFacts: readonly FreeTierFact[] = [
  {
    id: "s001-free-tier-openai",
    kind: "free-tier",
    ...providerRef("openai"),
    ...s001("openai"),
    creditUsd: "5",
    summary: "$5 credit",
  },
  {
    id: "s001-free-tier-anthropic",
    kind: "free-tier",
    ...providerRef("anthropic"),
    ...s001("anthropic"),
    creditUsd: "5",
    summary: "$5 credit",
  },
  {
    id: "s001-free-tier-google",
    kind: "free-tier",
    ...providerRef("google"),
    ...s001("google"),
    creditUsd: null,
    summary: "Free tier (generous)",
  },
  {
    id: "s001-free-tier-gemini-2.0-flash",
    kind: "free-tier",
    ...ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    ...cite(
      "seed-001",
      "Best free tier\nGoogle\nGemini 2.0 Flash\nGenerous free tier, no credit card needed",
    ),
    creditUsd: null,
    summary: "Best free tier: generous, no credit card needed.",
  },
  {
    id: "s001-free-tier-deepseek",
    kind: "free-tier",
    ...providerRef("deepseek"),
    ...s001("deepseek"),
    creditUsd: "2",
    summary: "$2 credit",
  },
  {
    id: "s001-free-tier-meta",
    kind: "free-tier",
    ...providerRef("meta"),
    ...s001("meta"),
    creditUsd: null,
    summary: "Varies by host",
  },
];

export const sdkFacts: readonly SdkFact[] = [
  {
    id: "s001-sdk-openai",
    kind: "sdk",
    ...providerRef("openai"),
    ...s001("openai"),
    sdks: ["Python", "Node.js"],
  },
  {
    id: "s001-sdk-anthropic",
    kind: "sdk",
    ...providerRef("anthropic"),
    ...s001("anthropic"),
    sdks: ["Python", "TypeScript"],
  },
  {
    id: "s001-sdk-google",
    kind: "sdk",
    ...providerRef("google"),
    ...s001("google"),
    sdks: ["Python", "Node.js"],
  },
  {
    id: "s001-sdk-deepseek",
    kind: "sdk",
    ...providerRef("deepseek"),
    ...s001("deepseek"),
    sdks: ["OpenAI-compatible"],
  },
  { id: "s001-sdk-meta", kind: "sdk", ...providerRef("meta"), ...s001("meta"), sdks: ["OpenAI-compatible"] },
];
