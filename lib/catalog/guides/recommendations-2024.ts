import { recommendationBuilder } from "./fact-builders";
import { ref } from "./models";
import type { RecommendationFact } from "./types";

// Topics are shared across seeds on purpose, so findSeedConflicts can line up, say, seed 001's
// "Lowest cost possible" with seed 000's "absolute lowest per-token cost".
const s002 = recommendationBuilder("seed-002");

const gpt4o = ref("gpt-4o", "GPT-4o");
const gpt4oMini = ref("gpt-4o-mini", "GPT-4o mini");
const claude35Sonnet = ref("claude-3-5-sonnet", "Claude 3.5 Sonnet");
const gemini15Pro = ref("gemini-1.5-pro", "Gemini 1.5 Pro");
const llama31 = ref("llama-3.1", "Llama 3.1");

export const recommendations2024: readonly RecommendationFact[] = [
  // Seed 002, "task_performance", "cost_efficiency", "model_recommendations", "open_models"
  s002(
    "coding",
    "primary",
    claude35Sonnet,
    "Excels at complex refactoring and debugging.",
    'coding:\nbest: "Claude 3.5 Sonnet"\nrunner_up: "GPT-4o"',
  ),
  s002(
    "coding",
    "runner-up",
    gpt4o,
    "Runner-up for coding.",
    'coding:\nbest: "Claude 3.5 Sonnet"\nrunner_up: "GPT-4o"',
  ),
  s002(
    "creative-writing",
    "primary",
    gpt4o,
    "Tie; style differs, test for your use case.",
    'best: "GPT-4o / Claude 3.5 (tie)"',
  ),
  s002(
    "creative-writing",
    "primary",
    ref("claude-3-5-sonnet", "Claude 3.5"),
    "Tie; style differs, test for your use case.",
    'best: "GPT-4o / Claude 3.5 (tie)"',
  ),
  s002(
    "analysis-reasoning",
    "primary",
    claude35Sonnet,
    "Better on nuanced analysis.",
    'analysis_reasoning:\nbest: "Claude 3.5 Sonnet"\nrunner_up: "GPT-4o"',
  ),
  s002(
    "analysis-reasoning",
    "runner-up",
    gpt4o,
    "Runner-up for analysis and reasoning.",
    'analysis_reasoning:\nbest: "Claude 3.5 Sonnet"\nrunner_up: "GPT-4o"',
  ),
  s002(
    "multimodal",
    "primary",
    gpt4o,
    "Native audio, best image understanding.",
    'multimodal:\nbest: "GPT-4o"\nrunner_up: "Gemini 1.5 Pro"',
  ),
  s002(
    "multimodal",
    "runner-up",
    gemini15Pro,
    "Runner-up for multimodal.",
    'multimodal:\nbest: "GPT-4o"\nrunner_up: "Gemini 1.5 Pro"',
  ),
  s002(
    "long-documents",
    "primary",
    gemini15Pro,
    "Handles 1M tokens, but quality varies.",
    'long_context:\nbest: "Gemini 1.5 Pro"\nrunner_up: "Claude 3.5 Sonnet"',
  ),
  s002(
    "long-documents",
    "runner-up",
    claude35Sonnet,
    "Runner-up for long context.",
    'long_context:\nbest: "Gemini 1.5 Pro"\nrunner_up: "Claude 3.5 Sonnet"',
  ),
  s002(
    "lowest-latency",
    "primary",
    gpt4o,
    "Optimised for low latency.",
    'speed:\nbest: "GPT-4o / Gemini Flash"',
  ),
  s002(
    "lowest-latency",
    "primary",
    ref("gemini-flash", "Gemini Flash"),
    "Optimised for low latency.",
    'speed:\nbest: "GPT-4o / Gemini Flash"',
  ),
  s002(
    "best-value-premium",
    "primary",
    claude35Sonnet,
    "Best value among premium models.",
    'best_value_premium: "Claude 3.5 Sonnet"',
  ),
  s002(
    "best-value-budget",
    "primary",
    gpt4oMini,
    "Best value among budget models.",
    'best_value_budget: "GPT-4o mini"',
  ),
  s002(
    "chatbot-general",
    "primary",
    gpt4oMini,
    "Cost-effective, good enough quality.",
    'chatbot_general:\nprimary: "GPT-4o mini"',
  ),
  s002(
    "chatbot-general",
    "fallback",
    ref("claude-3-haiku", "Claude 3 Haiku"),
    "Cost-effective, good enough quality.",
    'fallback: "Claude 3 Haiku"',
  ),
  s002(
    "coding-assistant",
    "primary",
    claude35Sonnet,
    "Best code understanding and generation.",
    'coding_assistant:\nprimary: "Claude 3.5 Sonnet"\nfallback: "GPT-4o"',
  ),
  s002(
    "coding-assistant",
    "fallback",
    gpt4o,
    "Fallback coding assistant.",
    'coding_assistant:\nprimary: "Claude 3.5 Sonnet"\nfallback: "GPT-4o"',
  ),
  s002(
    "document-analysis",
    "primary",
    claude35Sonnet,
    "Strong analysis, good context handling.",
    'document_analysis:\nprimary: "Claude 3.5 Sonnet"',
  ),
  s002(
    "document-analysis",
    "alternative",
    gemini15Pro,
    "For very long docs.",
    'alternative: "Gemini 1.5 Pro (for very long docs)"',
  ),
  s002(
    "customer-support",
    "primary",
    gpt4oMini,
    "Fast, cheap; route complex cases to a better model.",
    'primary: "GPT-4o mini or Claude Haiku"',
  ),
  s002(
    "customer-support",
    "primary",
    ref("claude-3-haiku", "Claude Haiku"),
    "Fast, cheap; route complex cases to a better model.",
    'primary: "GPT-4o mini or Claude Haiku"',
  ),
  s002(
    "customer-support",
    "escalation",
    claude35Sonnet,
    "Escalate complex support cases.",
    'escalation: "Claude 3.5 Sonnet"',
  ),
  s002(
    "content-generation",
    "primary",
    claude35Sonnet,
    "Both excellent, test for your style.",
    'primary: "Claude 3.5 Sonnet or GPT-4o"',
  ),
  s002(
    "content-generation",
    "primary",
    gpt4o,
    "Both excellent, test for your style.",
    'primary: "Claude 3.5 Sonnet or GPT-4o"',
  ),
  s002(
    "data-extraction",
    "primary",
    gpt4oMini,
    "Structured output, good JSON mode.",
    'data_extraction:\nprimary: "GPT-4o mini"',
  ),
  s002(
    "audio",
    "primary",
    gpt4o,
    "Real-time voice needs native audio.",
    'real_time_voice:\nprimary: "GPT-4o"',
  ),
  s002(
    "best-quality",
    "primary",
    claude35Sonnet,
    "select_model returns it for quality_threshold == 'best'.",
    'if requirements.quality_threshold == "best":\nreturn "claude-3-5-sonnet"',
  ),
  s002(
    "default-choice",
    "primary",
    gpt4o,
    "select_model's default balanced choice.",
    '# Default balanced choice\nreturn "gpt-4o"',
  ),
  s002(
    "data-privacy",
    "primary",
    llama31,
    "Open weights for data privacy requirements.",
    "- Data privacy requirements",
  ),
  s002(
    "high-volume-cost",
    "primary",
    llama31,
    "High volume cost optimization with open weights.",
    "- High volume cost optimization",
  ),
  s002("fine-tuning", "primary", llama31, "Need to fine-tune.", "- Need to fine-tune"),
  s002("offline-edge", "primary", llama31, "Offline/edge deployment.", "- Offline/edge deployment"),
  s002(
    "eu-data-residency",
    "primary",
    ref("mistral-7b", "7B"),
    "European data residency.",
    "- European data residency",
  ),
  s002(
    "eu-data-residency",
    "primary",
    ref("mixtral-8x7b", "8x7B MoE"),
    "European data residency.",
    "- European data residency",
  ),
];
