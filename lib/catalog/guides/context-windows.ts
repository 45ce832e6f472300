import { providerRef, ref } from "./models";
import { cite } from "./sources";
import type { ContextWindowFact, ModelRef, Provenance } from "./types";

function contextWindow(
  id: string,
  model: ModelRef,
  provenance: Provenance,
  contextTokens: number,
  qualifier: ContextWindowFact["qualifier"] = "exact",
  note?: string,
): ContextWindowFact {
  return { id, kind: "context-window", ...model, ...provenance, contextTokens, qualifier, note };
}

export const contextWindowFacts: readonly ContextWindowFact[] = [
  // Seed 000, "Context Windows" table.
  contextWindow(
    "s000-context-gemini-1.5-pro",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-000", "Gemini 1.5 Pro 1,000,000 tokens"),
    1_000_000,
  ),
  contextWindow(
    "s000-context-claude-3-7-sonnet",
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    cite("seed-000", "Claude 3.7 Sonnet 200,000 tokens"),
    200_000,
  ),
  contextWindow(
    "s000-context-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-000", "GPT-4o 128,000 tokens"),
    128_000,
  ),
  contextWindow(
    "s000-context-llama-3.1-405b",
    ref("llama-3.1-405b", "Llama 3.1 405B"),
    cite("seed-000", "Llama 3.1 405B 128,000 tokens"),
    128_000,
  ),
  contextWindow(
    "s000-context-mistral-large-2",
    ref("mistral-large-2", "Mistral Large 2"),
    cite("seed-000", "Mistral Large 2 128,000 tokens"),
    128_000,
  ),

  // Seed 001: provider paragraphs and the "How to Choose" table.
  contextWindow(
    "s001-context-anthropic",
    providerRef("anthropic"),
    cite("seed-001", "long-context processing (up to 200K tokens)"),
    200_000,
    "up-to",
    "Stated for Anthropic's Claude models in general, next to Claude Opus 4.6.",
  ),
  contextWindow(
    "s001-context-gemini-3.1-pro",
    ref("gemini-3.1-pro", "Gemini 3.1 Pro"),
    cite("seed-001", "massive context windows (up to 1M tokens on Gemini 3.1 Pro)"),
    1_000_000,
    "up-to",
    "Repeated in the 'Long documents (100K+ tokens)' row: '1M token context window'.",
  ),

  // Seed 002, "model_landscape_2024".
  contextWindow(
    "s002-context-claude-3-5-sonnet",
    ref("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
    cite("seed-002", "context: 200K tokens"),
    200_000,
  ),
  contextWindow(
    "s002-context-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite(
      "seed-002",
      'flagship: "GPT-4o"\nstrengths: ["Multimodal", "Speed", "Ecosystem"]\ncontext: 128K tokens',
    ),
    128_000,
  ),
  contextWindow(
    "s002-context-gemini-1.5-pro",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-002", "context: 1M tokens (preview)"),
    1_000_000,
    "preview",
    "The 1M window is marked as a preview in November 2024.",
  ),
  contextWindow(
    "s002-context-llama-3.1-405b",
    ref("llama-3.1-405b", "Llama 3.1 405B"),
    cite(
      "seed-002",
      'flagship: "Llama 3.1 405B"\nstrengths: ["Open weights", "Self-hosting", "Customization"]\ncontext: 128K tokens',
    ),
    128_000,
  ),
];
