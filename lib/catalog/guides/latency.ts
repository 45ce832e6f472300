import { providerRef, ref } from "./models";
import { cite } from "./sources";
import type { LatencyFact, ModelRef, Provenance } from "./types";

function latency(
  id: string,
  model: ModelRef,
  provenance: Provenance,
  metric: LatencyFact["metric"],
  minMs: number | null,
  maxMs: number | null,
  summary: string,
): LatencyFact {
  return { id, kind: "latency", ...model, ...provenance, metric, minMs, maxMs, summary };
}

export const latencyFacts: readonly LatencyFact[] = [
  // Seed 000, "Latency Comparison" (time to first token). Null bounds mean the seed gave none.
  latency(
    "s000-ttft-llama-3-groq",
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    cite("seed-000", "Groq-hosted Llama 3: fastest available, routinely under 200ms TTFT"),
    "ttft",
    null,
    200,
    "Fastest available; routinely under 200 ms.",
  ),
  latency(
    "s000-ttft-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-000", "GPT-4o: competitive, usually 400-800ms for typical prompts"),
    "ttft",
    400,
    800,
    "Competitive; usually 400-800 ms for typical prompts.",
  ),
  latency(
    "s000-ttft-claude-3-7-sonnet",
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    cite("seed-000", "Claude 3.7 Sonnet: 500-1000ms range, consistent"),
    "ttft",
    500,
    1000,
    "500-1000 ms, consistent.",
  ),
  latency(
    "s000-ttft-gemini-2.0-flash",
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    cite("seed-000", "Gemini 2.0 Flash: fast, often competitive with GPT-4o"),
    "ttft",
    null,
    null,
    "Fast, often competitive with GPT-4o (no figure given).",
  ),
  latency(
    "s000-ttft-mistral",
    providerRef("mistral"),
    cite("seed-000", "Mistral: variable depending on provider"),
    "ttft",
    null,
    null,
    "Variable depending on provider (no figure given).",
  ),
];
