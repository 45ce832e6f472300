import { recommendationBuilder } from "./fact-builders";
import { providerRef, ref } from "./models";
import type { RecommendationFact } from "./types";

// Topics are shared across seeds, so findSeedConflicts can line up, say, seed 001's
// "Lowest cost possible" with seed 000's "absolute lowest per-token cost".
const s000 = recommendationBuilder("seed-000");
const s001 = recommendationBuilder("seed-001");

const gpt4o = ref("gpt-4o", "GPT-4o");
const gpt4oMini = ref("gpt-4o-mini", "GPT-4o mini");
const gemini15Pro = ref("gemini-1.5-pro", "Gemini 1.5 Pro");
const llama3 = ref("llama-3", "Llama 3");

export const recommendations2026: readonly RecommendationFact[] = [
  // Seed 000
  s000(
    "default-choice",
    "primary",
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    "Default for complex tasks when starting with one API.",
    "If you are just starting out and want one API to default to, Claude 3.7 Sonnet for complex tasks and Claude 3.7 Haiku for high-volume work is a strong, coherent choice.",
  ),
  s000(
    "default-choice",
    "primary",
    ref("claude-3-7-haiku", "Claude 3.7 Haiku"),
    "Default for high-volume work when starting with one API.",
    "Claude 3.7 Sonnet for complex tasks and Claude 3.7 Haiku for high-volume work is a strong, coherent choice.",
  ),
  s000(
    "cost-optimization",
    "primary",
    gpt4oMini,
    "Add to the routing layer to cut costs without visible quality loss for the right task classes.",
    "adding GPT-4o mini or Gemini 2.0 Flash to your routing layer will cut your costs substantially without visible quality degradation for the right task classes.",
  ),
  s000(
    "cost-optimization",
    "primary",
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    "Add to the routing layer to cut costs without visible quality loss for the right task classes.",
    "adding GPT-4o mini or Gemini 2.0 Flash to your routing layer will cut your costs substantially without visible quality degradation for the right task classes.",
  ),
  s000(
    "lowest-latency",
    "primary",
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    "Fastest available TTFT, routinely under 200ms.",
    "If latency is your primary constraint, Groq’s hosted inference on Llama is in a category of its own for speed.",
  ),
  s000(
    "agentic-tool-use",
    "primary",
    providerRef("anthropic"),
    "Fewest spurious tool calls and off-rails failures.",
    "Claude leads here.",
  ),
  s000(
    "agentic-tool-use",
    "runner-up",
    gpt4o,
    "Close, with the more mature agent-framework ecosystem.",
    "GPT-4o is close and has the advantage of a more mature ecosystem of agentic frameworks built on top of it.",
  ),
  s000(
    "long-documents",
    "primary",
    ref("claude-3-7-sonnet", "Claude"),
    "200K is the sweet spot for most practical long-context tasks.",
    "Claude at 200K is the sweet spot for most practical long-context tasks.",
  ),
  s000(
    "long-documents",
    "alternative",
    providerRef("google"),
    "When a 1M+ window is needed (codebases, books), accepting degradation on scattered information.",
    "Use Gemini when: you need a 1M+ context window",
  ),
  s000(
    "video",
    "primary",
    gemini15Pro,
    "The only API with solid native video understanding.",
    "If you are building video analysis applications, this is your current best option.",
  ),
  s000(
    "multimodal",
    "primary",
    gpt4o,
    "The most complete multimodal offering.",
    "GPT-4o: text, images, audio input and output. The most complete multimodal offering.",
  ),
  s000("audio", "primary", gpt4o, "Multimodal, especially audio.", "multimodal (especially audio)"),
  s000(
    "structured-output",
    "primary",
    gpt4o,
    "Constrained structured outputs.",
    "Use GPT-4o when: you need mature ecosystem support, constrained structured outputs",
  ),
  s000(
    "largest-ecosystem",
    "primary",
    gpt4o,
    "Mature ecosystem support.",
    "Use GPT-4o when: you need mature ecosystem support",
  ),
  s000(
    "data-privacy",
    "primary",
    llama3,
    "Self-hosted when data privacy is paramount.",
    "Use Llama 3 when: data privacy is paramount (self-hosted)",
  ),
  s000(
    "lowest-cost",
    "primary",
    llama3,
    "Absolute lowest per-token cost at high volume.",
    "you need the absolute lowest per-token cost at high volume",
  ),
  s000(
    "high-volume-cost",
    "primary",
    llama3,
    "Lowest per-token cost at high volume.",
    "you need the absolute lowest per-token cost at high volume",
  ),
  s000(
    "fine-tuning",
    "primary",
    llama3,
    "Fine-tune for your domain without per-token inference costs at scale.",
    "you want to fine-tune a model for your specific domain without paying per-token inference costs at scale.",
  ),
  s000(
    "eu-data-residency",
    "primary",
    providerRef("mistral"),
    "Capable European-hosted option for GDPR-sensitive workloads.",
    "you want a capable European-hosted option for GDPR-sensitive workloads",
  ),
  s000(
    "gcp-integration",
    "primary",
    providerRef("google"),
    "Already on Google Cloud and want tight infrastructure integration.",
    "you are already on Google Cloud and want tight infrastructure integration.",
  ),

  // Seed 001, "How to Choose Your First LLM API Provider" and "Common LLM API use cases"
  s001(
    "lowest-cost",
    "primary",
    ref("deepseek-v3", "DeepSeek V3"),
    "$0.14/M input, cheapest capable model.",
    "Lowest cost possible\nDeepSeek\nDeepSeek V3\n$0.14/M input -- cheapest capable model",
  ),
  s001(
    "best-free-tier",
    "primary",
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    "Generous free tier, no credit card needed.",
    "Best free tier\nGoogle\nGemini 2.0 Flash\nGenerous free tier, no credit card needed",
  ),
  s001(
    "largest-ecosystem",
    "primary",
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    "Most tutorials, tools and community support.",
    "Largest ecosystem\nOpenAI\nGPT-4.1 mini\nMost tutorials, tools, and community support",
  ),
  s001(
    "best-quality",
    "primary",
    ref("claude-opus-4-6", "Claude Opus 4.6"),
    "Top reasoning and safety, no budget limit.",
    "Best quality (no budget limit)\nAnthropic\nClaude Opus 4.6\nTop reasoning and safety",
  ),
  s001(
    "long-documents",
    "primary",
    ref("gemini-3.1-pro", "Gemini 3.1 Pro"),
    "1M token context window for 100K+ token documents.",
    "Long documents (100K+ tokens)\nGoogle\nGemini 3.1 Pro\n1M token context window",
  ),
  s001(
    "one-api-for-all",
    "primary",
    providerRef("tokenmix"),
    "300+ models, one API key, one bill (the guide's publisher).",
    "Want everything in one place\nTokenMix.ai\nAny model\n300+ models, one API key, one bill",
  ),
  s001(
    "default-choice",
    "primary",
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    "Beginner start, through TokenMix.ai (the guide's publisher).",
    "Start with GPT-4.1 mini through TokenMix.ai.",
  ),
  s001(
    "customer-support",
    "primary",
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    "Budget tier, $30-$80 per 10K requests a month.",
    "Customer support chatbot\nBudget (GPT-4.1 mini)",
  ),
  s001(
    "content-generation",
    "primary",
    ref("gpt-5.4", "GPT-5.4"),
    "Flagship tier, $200-$500 per 10K requests a month.",
    "Content generation\nFlagship (GPT-5.4)",
  ),
  s001(
    "data-extraction",
    "primary",
    ref("gpt-4.1-nano", "GPT-4.1 nano"),
    "Budget tier, $5-$20 per 10K requests a month.",
    "Data extraction/classification\nBudget (GPT-4.1 nano)",
  ),
  s001(
    "coding",
    "primary",
    ref("claude-sonnet", "Claude Sonnet"),
    "Flagship tier for code review/generation.",
    "Code review/generation\nFlagship (Claude Sonnet)",
  ),
  s001(
    "document-summarization",
    "primary",
    ref("gemini-flash", "Gemini Flash"),
    "Mid-tier for document summarization.",
    "Document summarization\nMid-tier (Gemini Flash)",
  ),
  s001(
    "safety-critical",
    "primary",
    providerRef("anthropic"),
    "Example multi-provider split: Anthropic for safety-critical work.",
    "Anthropic for safety-critical applications.",
  ),
];
