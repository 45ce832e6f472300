import { tagBuilder } from "./fact-builders";
import { providerRef, ref } from "./models";
import type { ModelTagFact } from "./types";

// Tags let a wizard score catalog candidates. A tag on a provider (model: null) applies to every
// model of that provider; each tag carries the seed sentence that supports it.
const s000 = tagBuilder("seed-000");
const s001 = tagBuilder("seed-001");
const s002 = tagBuilder("seed-002");

const SMALLER_MODELS_000 =
  "Use smaller models (Haiku, mini, Flash, Llama 70B) for classification, extraction, simple generation, and high-volume workloads.";
const FRONTIER_000 =
  "use frontier models (Claude Sonnet, GPT-4o, Gemini 1.5 Pro) for complex reasoning, long-context tasks, and cases where errors are expensive.";

const seed000Tags: readonly ModelTagFact[] = [
  ...s000(
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    ["fast"],
    "Groq-hosted Llama 3: fastest available, routinely under 200ms TTFT",
  ),
  ...s000(
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    ["reasoning"],
    "the model is not as capable as the frontier options for complex reasoning",
    "negative",
  ),
  ...s000(
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    ["fast"],
    "Gemini 2.0 Flash: fast, often competitive with GPT-4o",
  ),
  ...s000(
    ref("gpt-4o", "GPT-4o"),
    ["multimodal-image", "multimodal-audio"],
    "GPT-4o: text, images, audio input and output.",
  ),
  ...s000(
    ref("gpt-4o", "GPT-4o"),
    ["ecosystem", "structured-output"],
    "Use GPT-4o when: you need mature ecosystem support, constrained structured outputs",
  ),
  ...s000(
    ref("gpt-4o", "GPT-4o"),
    ["tool-use"],
    "GPT-4o is close and has the advantage of a more mature ecosystem of agentic frameworks built on top of it.",
  ),
  ...s000(ref("gpt-4o", "GPT-4o"), ["frontier", "reasoning"], FRONTIER_000),
  ...s000(ref("claude-3-7-sonnet", "Claude Sonnet"), ["frontier", "reasoning"], FRONTIER_000),
  ...s000(ref("gemini-1.5-pro", "Gemini 1.5 Pro"), ["frontier", "reasoning"], FRONTIER_000),
  ...s000(ref("gpt-4o-mini", "mini"), ["small-model", "cheap"], SMALLER_MODELS_000),
  ...s000(ref("gemini-2.0-flash", "Flash"), ["small-model", "cheap"], SMALLER_MODELS_000),
  ...s000(ref("claude-3-7-haiku", "Haiku"), ["small-model", "cheap"], SMALLER_MODELS_000),
  ...s000(ref("llama-3.3-70b", "Llama 70B"), ["small-model", "cheap"], SMALLER_MODELS_000),
  ...s000(
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    ["long-context"],
    "Claude at 200K is the sweet spot for most practical long-context tasks.",
  ),
  ...s000(
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    ["multimodal-image"],
    "Claude 3.7 Sonnet: text and images. No native audio or video.",
  ),
  ...s000(
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    ["multimodal-audio", "multimodal-video"],
    "Claude 3.7 Sonnet: text and images. No native audio or video.",
    "negative",
  ),
  ...s000(
    providerRef("anthropic"),
    ["tool-use", "instruction-following"],
    "Claude leads here. It has fewer spurious tool calls, better adherence to system prompt constraints",
  ),
  ...s000(
    providerRef("anthropic"),
    ["long-context", "writing-quality"],
    "Use Claude when: long-context reasoning, agentic workflows, instruction-following precision, and writing quality matter most.",
  ),
  ...s000(
    providerRef("anthropic"),
    ["reliable-uptime"],
    "Anthropic has had fewer high-profile incidents, and latency has been consistent.",
  ),
  ...s000(providerRef("openai"), ["reliable-uptime"], "The API is genuinely battle-tested at scale."),
  ...s000(
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    ["long-context", "very-long-context"],
    "Gemini 1.5 Pro 1,000,000 tokens",
  ),
  ...s000(
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    ["multimodal-image", "multimodal-video", "multimodal-audio"],
    "Gemini 1.5 Pro: text, images, video, audio.",
  ),
  ...s000(
    providerRef("google"),
    ["gcp-integration", "enterprise-sla"],
    "Google (Gemini via Vertex AI) offers SLA-backed reliability through Vertex AI.",
  ),
  ...s000(
    providerRef("google"),
    ["tool-use"],
    "Gemini has improved significantly on tool use but still trails the top two.",
    "negative",
  ),
  ...s000(
    ref("llama-3", "Llama 3"),
    ["self-hostable", "fine-tunable", "cheap"],
    "Use Llama 3 when: data privacy is paramount (self-hosted), you need the absolute lowest per-token cost at high volume, or you want to fine-tune a model",
  ),
  ...s000(
    ref("llama-3", "Llama 3"),
    ["tool-use"],
    "For complex agentic workflows requiring many tools and multi-step planning, it trails the proprietary frontier models.",
    "negative",
  ),
  ...s000(
    ref("llama-3.2-11b-vision", "Llama 3 (11B vision variant)"),
    ["multimodal-image"],
    "Llama 3: the 11B vision variant supports text and images.",
  ),
  ...s000(
    providerRef("mistral"),
    ["eu-hosting"],
    "Use Mistral when: you want a capable European-hosted option for GDPR-sensitive workloads",
  ),
  ...s000(
    providerRef("mistral"),
    ["cheap"],
    "you want a cost-effective alternative to GPT-4o for mid-complexity tasks.",
  ),
  ...s000(
    providerRef("mistral"),
    ["tool-use"],
    "Mistral supports tool use but is not a primary choice for complex agentic applications.",
    "negative",
  ),
  ...s000(
    providerRef("mistral"),
    ["reliable-uptime"],
    "Mistral has improved reliability significantly but remains smaller infrastructure.",
    "negative",
  ),
  ...s000(
    ref("pixtral", "Pixtral"),
    ["multimodal-image"],
    "Pixtral adds vision capability but it is not the primary use case.",
  ),
];

const seed001Tags: readonly ModelTagFact[] = [
  ...s001(ref("gpt-5.4", "GPT-5.4"), ["frontier"], "GPT-5.4 is their flagship"),
  ...s001(
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    ["cheap", "small-model"],
    "GPT-4.1 mini is the best value for most tasks.",
  ),
  ...s001(
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    ["ecosystem"],
    "Largest ecosystem\nOpenAI\nGPT-4.1 mini\nMost tutorials, tools, and community support",
  ),
  ...s001(
    ref("gpt-4.1-nano", "GPT-4.1 nano"),
    ["cheap", "small-model"],
    "Data extraction/classification\nBudget (GPT-4.1 nano)",
  ),
  ...s001(providerRef("openai"), ["ecosystem"], "Largest third-party tooling ecosystem."),
  ...s001(
    ref("claude-opus-4-6", "Claude Opus 4.6"),
    ["frontier", "reasoning", "safety"],
    "Claude Opus 4.6 leads on complex reasoning and safety.",
  ),
  ...s001(providerRef("anthropic"), ["long-context"], "long-context processing (up to 200K tokens)"),
  ...s001(providerRef("anthropic"), ["safety"], "Anthropic for safety-critical applications."),
  ...s001(
    ref("gemini-3.1-pro", "Gemini 3.1 Pro"),
    ["frontier", "long-context", "very-long-context"],
    "Long documents (100K+ tokens)\nGoogle\nGemini 3.1 Pro\n1M token context window",
  ),
  ...s001(
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    ["cheap", "small-model"],
    "Gemini 2.0 Flash is one of the cheapest capable models available.",
  ),
  ...s001(
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    ["free-tier"],
    "Generous free tier, no credit card needed",
  ),
  ...s001(
    providerRef("google"),
    ["cheap", "long-context"],
    "Best for budget-conscious projects and long-document processing.",
  ),
  ...s001(ref("deepseek-v3", "DeepSeek V3"), ["cheap"], "$0.14/M input -- cheapest capable model"),
  ...s001(
    providerRef("deepseek"),
    ["open-weights", "cheap"],
    "Chinese AI lab offering open-weight models at the lowest prices.",
  ),
  ...s001(providerRef("deepseek"), ["coding", "reasoning"], "Strong coding and reasoning capabilities."),
  ...s001(
    providerRef("deepseek"),
    ["openai-compatible"],
    "This pattern works for OpenAI, DeepSeek, and any OpenAI-compatible provider.",
  ),
  ...s001(
    providerRef("meta"),
    ["open-weights", "self-hostable"],
    "Best for self-hosting or when you need full model control.",
  ),
  ...s001(
    providerRef("meta"),
    ["openai-compatible"],
    "Llama 4 Scout\n$0.10-$0.50/M\nVaries by host\nOpenAI-compatible",
  ),
  ...s001(
    ref("claude-sonnet", "Claude Sonnet"),
    ["coding", "frontier"],
    "Code review/generation\nFlagship (Claude Sonnet)",
  ),
  ...s001(ref("gemini-flash", "Gemini Flash"), ["cheap"], "Document summarization\nMid-tier (Gemini Flash)"),
];

const seed002Tags: readonly ModelTagFact[] = [
  ...s002(
    ref("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
    ["coding", "reasoning", "safety", "long-context", "frontier"],
    'flagship: "Claude 3.5 Sonnet"\nstrengths: ["Coding", "Analysis", "Safety", "Long context"]',
  ),
  ...s002(
    ref("gpt-4o", "GPT-4o"),
    ["multimodal-image", "fast", "ecosystem", "frontier"],
    'flagship: "GPT-4o"\nstrengths: ["Multimodal", "Speed", "Ecosystem"]',
  ),
  ...s002(ref("gpt-4o", "GPT-4o"), ["multimodal-audio"], "GPT-4o has native audio, best image understanding"),
  ...s002(
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    ["long-context", "very-long-context", "multimodal-image", "frontier"],
    'flagship: "Gemini 1.5 Pro"\nstrengths: ["Long context", "Multimodal", "Search integration"]',
  ),
  ...s002(
    ref("gemini-flash", "Gemini Flash"),
    ["fast"],
    'best: "GPT-4o / Gemini Flash"\nnotes: "Both optimized for low latency"',
  ),
  ...s002(
    ref("llama-3.1-405b", "Llama 3.1 405B"),
    ["open-weights", "self-hostable", "fine-tunable"],
    'strengths: ["Open weights", "Self-hosting", "Customization"]',
  ),
  ...s002(
    ref("llama-3.1", "Llama 3.1"),
    ["self-hostable", "fine-tunable", "cheap"],
    "- Data privacy requirements\n- High volume cost optimization\n- Need to fine-tune\n- Offline/edge deployment",
  ),
  ...s002(
    ref("mistral-7b", "7B"),
    ["eu-hosting", "open-weights"],
    "- European data residency\n- Efficient inference\n- Good quality/size ratio",
  ),
  ...s002(
    ref("mixtral-8x7b", "8x7B MoE"),
    ["eu-hosting", "open-weights"],
    "- European data residency\n- Efficient inference\n- Good quality/size ratio",
  ),
  ...s002(ref("gpt-4o-mini", "GPT-4o mini"), ["cheap", "small-model"], 'best_value_budget: "GPT-4o mini"'),
  ...s002(
    ref("gpt-4o-mini", "GPT-4o mini"),
    ["structured-output"],
    'reasoning: "Structured output, good JSON mode"',
  ),
  ...s002(
    ref("claude-3-haiku", "Claude 3 Haiku"),
    ["cheap", "small-model"],
    'fallback: "Claude 3 Haiku"\nreasoning: "Cost-effective, good enough quality"',
  ),
];

export const modelTagFacts: readonly ModelTagFact[] = [...seed000Tags, ...seed001Tags, ...seed002Tags];
