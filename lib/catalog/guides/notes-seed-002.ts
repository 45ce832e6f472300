import { guidanceBuilder, noteBuilder } from "./fact-builders";
import { ref } from "./models";
import type { GuidanceFact, NoteFact } from "./types";

const note = noteBuilder("seed-002");
const guidance = guidanceBuilder("seed-002");

const claude35Sonnet = ref("claude-3-5-sonnet", "Claude 3.5 Sonnet");
const gpt4o = ref("gpt-4o", "GPT-4o");
const gemini15Pro = ref("gemini-1.5-pro", "Gemini 1.5 Pro");
const llama31 = ref("llama-3.1", "Llama 3.1");
const llama405b = ref("llama-3.1-405b", "Llama 3.1 405B");
const mistralOpen = ref("mixtral-8x7b", "8x7B MoE");
const mistral7b = ref("mistral-7b", "7B");

export const seed002Notes: readonly NoteFact[] = [
  // "model_landscape_2024" strengths
  note(
    "claude-strengths",
    claude35Sonnet,
    "strength",
    "Coding, analysis, safety, long context.",
    'strengths: ["Coding", "Analysis", "Safety", "Long context"]',
  ),
  note(
    "gpt-4o-strengths",
    gpt4o,
    "strength",
    "Multimodal, speed, ecosystem.",
    'strengths: ["Multimodal", "Speed", "Ecosystem"]',
  ),
  note(
    "gemini-strengths",
    gemini15Pro,
    "strength",
    "Long context, multimodal, search integration.",
    'strengths: ["Long context", "Multimodal", "Search integration"]',
  ),
  note(
    "llama-405b-strengths",
    llama405b,
    "strength",
    "Open weights, self-hosting, customization.",
    'strengths: ["Open weights", "Self-hosting", "Customization"]',
  ),

  // "task_performance" notes
  note(
    "claude-coding",
    claude35Sonnet,
    "strength",
    "Excels at complex refactoring and debugging.",
    "Claude excels at complex refactoring and debugging",
  ),
  note(
    "creative-tie-claude",
    ref("claude-3-5-sonnet", "Claude 3.5"),
    "when-to-use",
    "Ties with GPT-4o for creative writing; style differs, so test for your use case.",
    'best: "GPT-4o / Claude 3.5 (tie)"\nnotes: "Style differences—test for your use case"',
  ),
  note(
    "creative-tie-gpt-4o",
    gpt4o,
    "when-to-use",
    "Ties with Claude 3.5 for creative writing; style differs, so test for your use case.",
    'best: "GPT-4o / Claude 3.5 (tie)"\nnotes: "Style differences—test for your use case"',
  ),
  note(
    "claude-analysis",
    claude35Sonnet,
    "strength",
    "Better on nuanced analysis.",
    "Claude better on nuanced analysis",
  ),
  note(
    "gpt-4o-multimodal",
    gpt4o,
    "multimodal",
    "Native audio and the best image understanding.",
    "GPT-4o has native audio, best image understanding",
  ),
  note(
    "gemini-long-context",
    gemini15Pro,
    "context",
    "Handles 1M tokens, but quality varies.",
    "Gemini handles 1M tokens, but quality varies",
  ),
  note(
    "gpt-4o-speed",
    gpt4o,
    "latency",
    "Optimised for low latency (ties with Gemini Flash).",
    'best: "GPT-4o / Gemini Flash"\nnotes: "Both optimized for low latency"',
  ),
  note(
    "gemini-flash-speed",
    ref("gemini-flash", "Gemini Flash"),
    "latency",
    "Optimised for low latency (ties with GPT-4o).",
    'best: "GPT-4o / Gemini Flash"\nnotes: "Both optimized for low latency"',
  ),

  // "cost_efficiency" and use-case reasoning
  note(
    "claude-best-value-premium",
    claude35Sonnet,
    "pricing",
    "Best value among premium models.",
    'best_value_premium: "Claude 3.5 Sonnet"',
  ),
  note(
    "gpt-4o-mini-best-value-budget",
    ref("gpt-4o-mini", "GPT-4o mini"),
    "pricing",
    "Best value among budget models.",
    'best_value_budget: "GPT-4o mini"',
  ),
  note(
    "gpt-4o-mini-json",
    ref("gpt-4o-mini", "GPT-4o mini"),
    "strength",
    "Structured output and a good JSON mode make it the data-extraction pick.",
    'reasoning: "Structured output, good JSON mode"',
  ),
  note(
    "gpt-4o-voice",
    gpt4o,
    "when-to-use",
    "Real-time voice, because of native audio.",
    'real_time_voice:\nprimary: "GPT-4o"\nreasoning: "Native audio capabilities"',
  ),
  note(
    "gemini-very-long-docs",
    gemini15Pro,
    "when-to-use",
    "Alternative for very long documents.",
    'alternative: "Gemini 1.5 Pro (for very long docs)"',
  ),

  // "open_models"
  note(
    "llama-sizes",
    llama31,
    "hosting",
    "Open weights in 8B, 70B and 405B sizes.",
    "sizes: [8B, 70B, 405B]",
  ),
  note(
    "llama-use-when",
    llama31,
    "when-to-use",
    "Data privacy, high-volume cost optimisation, fine-tuning, offline/edge deployment.",
    "- Data privacy requirements\n- High volume cost optimization\n- Need to fine-tune\n- Offline/edge deployment",
  ),
  ...[mistral7b, mistralOpen].map((model) =>
    note(
      `${model.model}-use-when`,
      model,
      "when-to-use",
      "European data residency, efficient inference, good quality/size ratio.",
      "- European data residency\n- Efficient inference\n- Good quality/size ratio",
    ),
  ),

  // "Key Takeaways"
  note(
    "claude-leads",
    claude35Sonnet,
    "strength",
    "Leads for coding and analysis.",
    "Claude 3.5 Sonnet leads for coding and analysis",
  ),
  note(
    "gpt-4o-audio",
    gpt4o,
    "multimodal",
    "Excels at multimodal, especially audio.",
    "GPT-4o excels at multimodal, especially audio",
  ),
  ...[ref("gpt-4o-mini", "4o mini"), ref("claude-3-haiku", "Haiku")].map((model) =>
    note(
      `${model.model}-handles-most`,
      model,
      "strength",
      "Small models handle most tasks well.",
      "Small models (4o mini, Haiku) handle most tasks well",
    ),
  ),
];

export const seed002Guidance: readonly GuidanceFact[] = [
  guidance(
    "benchmarks-caveat",
    "evaluation",
    "Benchmarks don't always reflect production performance.",
    "Benchmarks don't always reflect production performance",
  ),
  guidance(
    "open-pros",
    "open-models",
    "Open models: no API costs at scale, full control, can fine-tune, data stays local.",
    "pros:\n- No API costs at scale\n- Full control\n- Can fine-tune\n- Data stays local",
  ),
  guidance(
    "open-cons",
    "open-models",
    "Open models: infrastructure overhead, lower quality than top APIs, ML ops expertise needed, slower iteration.",
    "cons:\n- Infrastructure overhead\n- Lower quality than top APIs\n- ML ops expertise needed\n- Slower iteration",
  ),
  guidance(
    "multi-model-saves",
    "evaluation",
    "Multi-model strategies reduce costs significantly.",
    "Multi-model strategies reduce costs significantly",
  ),
  guidance(
    "open-viable",
    "open-models",
    "Open models are viable for privacy and scale requirements.",
    "Open models viable for privacy/scale requirements",
  ),
  guidance(
    "benchmarks-lie",
    "evaluation",
    "Test on your specific use cases; benchmarks lie.",
    "Test on your specific use cases—benchmarks lie",
  ),
  guidance(
    "prompting-matters",
    "evaluation",
    "Model choice matters less than good prompting.",
    "Model choice matters less than good prompting",
  ),
  guidance(
    "gap-narrowing",
    "evaluation",
    "The gap between models is narrowing.",
    "The gap between models is narrowing",
  ),
  guidance(
    "reevaluate-quarterly",
    "pricing",
    "Prices are dropping: re-evaluate quarterly.",
    "Prices dropping—reevaluate quarterly",
  ),
  guidance("model-flexibility", "evaluation", "Build for model flexibility.", "Build for model flexibility"),
  guidance(
    "depends-on-context",
    "evaluation",
    "The best model depends on context; choose based on your needs.",
    "Choose based on your needs. The “best” model depends on context.",
  ),
];
