import { guidanceBuilder, noteBuilder } from "./fact-builders";
import { providerRef, ref } from "./models";
import type { GuidanceFact, NoteFact } from "./types";

const note = noteBuilder("seed-000");
const guidance = guidanceBuilder("seed-000");

const openai = providerRef("openai");
const anthropic = providerRef("anthropic");
const google = providerRef("google");
const mistral = providerRef("mistral");
const gpt4o = ref("gpt-4o", "GPT-4o");
const gemini15Pro = ref("gemini-1.5-pro", "Gemini 1.5 Pro");
const claude37Sonnet = ref("claude-3-7-sonnet", "Claude 3.7 Sonnet");
const llama3 = ref("llama-3", "Llama 3");

export const seed000Notes: readonly NoteFact[] = [
  // Reliability and uptime
  note(
    "openai-uptime",
    openai,
    "reliability",
    "Longest public track record; uptime improved significantly through 2025.",
    "OpenAI has the most public track record and has improved its uptime significantly through 2025.",
  ),
  note(
    "openai-status-page",
    openai,
    "reliability",
    "Transparent status page; incidents communicated quickly; battle-tested at scale.",
    "The status page is transparent and incidents are communicated quickly. The API is genuinely battle-tested at scale.",
  ),
  note(
    "anthropic-incidents",
    anthropic,
    "reliability",
    "Fewer high-profile incidents; consistent latency; reasonably transparent status page.",
    "Anthropic has had fewer high-profile incidents, and latency has been consistent. Their status page is reasonably transparent.",
  ),
  note(
    "anthropic-tooling",
    anthropic,
    "weakness",
    "Production-ready, but the monitoring-tooling ecosystem is smaller than OpenAI's.",
    "The API is mature enough for production workloads, though the ecosystem of monitoring tooling is smaller than OpenAI’s.",
  ),
  note(
    "google-vertex-sla",
    google,
    "reliability",
    "Gemini via Vertex AI is SLA-backed and runs on Google Cloud's reliability infrastructure.",
    "Google (Gemini via Vertex AI) offers SLA-backed reliability through Vertex AI.",
  ),
  note(
    "google-cloud-fit",
    google,
    "when-to-use",
    "Compelling if you are already on Google Cloud with an enterprise agreement.",
    "If you are already on Google Cloud and have an enterprise agreement, this is a compelling option.",
  ),
  note(
    "google-vertex-infra",
    google,
    "hosting",
    "Vertex AI gives the full Google Cloud reliability infrastructure, not just a startup API.",
    "The Vertex AI integration means you get the full Google Cloud reliability infrastructure, not just a startup API.",
  ),
  note(
    "llama-self-hosted-reliability",
    llama3,
    "hosting",
    "Self-hosted reliability is entirely your problem: a feature or a bug depending on ops maturity.",
    "Llama 3 (self-hosted) reliability is entirely your problem. If you run inference on your own infrastructure, you control uptime. This is a feature or a bug depending on your team’s ops maturity.",
  ),
  ...(["together", "fireworks", "groq"] as const).map((host) =>
    note(
      `${host}-hosted-llama-sla`,
      ref("llama-3", "Llama 3 (hosted)", host),
      "hosting",
      "Hosts Llama with its own SLA, substantially reducing the operational burden of self-hosting.",
      "Providers like Together AI, Fireworks AI, and Groq offer hosted Llama with their own SLAs, which substantially reduces the operational burden.",
    ),
  ),
  note(
    "mistral-infra",
    mistral,
    "reliability",
    "Reliability improved, but smaller infrastructure: build in a fallback for high-traffic production.",
    "Mistral has improved reliability significantly but remains smaller infrastructure. For high-traffic production workloads, build in a fallback.",
  ),

  // Latency
  note(
    "groq-speed",
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    "strength",
    "If latency is the primary constraint, Groq-hosted Llama is in a category of its own for speed.",
    "If latency is your primary constraint, Groq’s hosted inference on Llama is in a category of its own for speed.",
  ),
  note(
    "groq-tradeoff",
    ref("llama-3", "Groq-hosted Llama 3", "groq"),
    "weakness",
    "You depend on Groq's infrastructure, and the model is less capable than frontier options for complex reasoning.",
    "The trade-off is that you are dependent on Groq’s infrastructure and the model is not as capable as the frontier options for complex reasoning.",
  ),

  // Cost
  ...[ref("gpt-4o-mini", "GPT-4o mini"), ref("gemini-2.0-flash", "Gemini 2.0 Flash")].map((model) =>
    note(
      `${model.model}-small-but-capable`,
      model,
      "strength",
      "Good enough for a huge category of tasks that used to require frontier models.",
      "GPT-4o mini and Gemini 2.0 Flash have gotten good enough for a huge category of tasks that used to require frontier models.",
    ),
  ),

  // Context windows
  note(
    "gemini-1m-window",
    gemini15Pro,
    "strength",
    "The 1M window suits entire codebases, book-length documents and long conversation histories.",
    "Gemini’s 1M token window is genuinely in a different category for use cases that need it: entire codebases, book-length documents, long conversation histories.",
  ),
  note(
    "gemini-long-context-degrades",
    gemini15Pro,
    "weakness",
    "Degrades meaningfully when information is scattered across very long contexts.",
    "The catch is that Gemini degrades meaningfully on tasks that require attending to information scattered across very long contexts. Having a million tokens available does not mean the model uses them all equally well.",
  ),
  note(
    "claude-200k-sweet-spot",
    claude37Sonnet,
    "context",
    "200K is the sweet spot for practical long-context work; good at retrieving and reasoning over long documents.",
    "Claude at 200K is the sweet spot for most practical long-context tasks. It performs well on retrieving and reasoning about information in long documents",
  ),
  note(
    "claude-200k-limit",
    claude37Sonnet,
    "when-not-to-use",
    "200K falls short of an entire codebase of a large application.",
    "200K is enough for most real-world use cases short of “entire codebase of a large application.”",
  ),

  // Multimodal (structured modalities live in modalities.ts)
  note(
    "gpt-4o-multimodal",
    gpt4o,
    "multimodal",
    "Text, images, audio in and out: the most complete multimodal offering.",
    "GPT-4o: text, images, audio input and output. The most complete multimodal offering.",
  ),
  note(
    "gemini-video",
    gemini15Pro,
    "multimodal",
    "The only API with solid native video understanding; best current option for video analysis.",
    "The only API with solid native video understanding. If you are building video analysis applications, this is your current best option.",
  ),
  note(
    "claude-visual-docs",
    claude37Sonnet,
    "multimodal",
    "No native audio or video; strong on visual document analysis (charts, diagrams, UI screenshots).",
    "Claude 3.7 Sonnet: text and images. No native audio or video. Strong on visual document analysis (charts, diagrams, screenshots of UIs).",
  ),
  note(
    "llama-multimodal",
    ref("llama-3.2-11b-vision", "Llama 3 (11B vision variant)"),
    "multimodal",
    "Only the 11B vision variant takes images; limited compared to frontier models.",
    "Llama 3: the 11B vision variant supports text and images. Limited multimodal capability compared to frontier models.",
  ),
  note(
    "mistral-text-only",
    mistral,
    "multimodal",
    "Text only for most models.",
    "Mistral: text only for most models.",
  ),
  note(
    "pixtral-vision",
    ref("pixtral", "Pixtral"),
    "multimodal",
    "Pixtral adds vision, but vision is not Mistral's primary use case.",
    "Pixtral adds vision capability but it is not the primary use case.",
  ),

  // Tool use and agents
  note(
    "claude-tool-use",
    anthropic,
    "tool-use",
    "Leads on tool use: fewer spurious tool calls, better system-prompt adherence, fewer off-rails failures in multi-step tasks.",
    "Claude leads here. It has fewer spurious tool calls, better adherence to system prompt constraints, and handles multi-step agentic tasks with fewer off-rails failures.",
  ),
  note(
    "claude-agentic",
    anthropic,
    "when-to-use",
    "For anything more complex than a simple chatbot, Claude's agentic reliability is a real advantage.",
    "If you are building anything more complex than a simple chatbot, Claude’s reliability in agentic workflows is a real advantage.",
  ),
  note(
    "gpt-4o-tool-use",
    gpt4o,
    "tool-use",
    "Close to Claude, with the more mature ecosystem of agent frameworks (LangChain, AutoGPT) because OpenAI was first.",
    "GPT-4o is close and has the advantage of a more mature ecosystem of agentic frameworks built on top of it. LangChain, AutoGPT, and most major agent frameworks have better GPT-4o coverage simply because OpenAI was first.",
  ),
  note(
    "gemini-tool-use",
    google,
    "tool-use",
    "Improved, but trails the top two; complex multi-turn agentic tasks are less reliable.",
    "Gemini has improved significantly on tool use but still trails the top two. The function calling API works, but complex multi-turn agentic tasks are less reliable.",
  ),
  note(
    "llama-tool-use",
    llama3,
    "tool-use",
    "Function calling viable for simpler cases; trails frontier models on many-tool, multi-step planning.",
    "Llama 3 with function calling is viable for simpler use cases. For complex agentic workflows requiring many tools and multi-step planning, it trails the proprietary frontier models.",
  ),
  note(
    "mistral-tool-use",
    mistral,
    "tool-use",
    "Supports tool use, but not a primary choice for complex agents.",
    "Mistral supports tool use but is not a primary choice for complex agentic applications.",
  ),

  // When to use each API
  note(
    "use-claude",
    anthropic,
    "when-to-use",
    "Long-context reasoning, agentic workflows, instruction-following precision and writing quality; strongest for complex applications.",
    "Use Claude when: long-context reasoning, agentic workflows, instruction-following precision, and writing quality matter most. The 200K context and superior tool use reliability make it the strongest choice for complex applications.",
  ),
  note(
    "use-gpt-4o",
    gpt4o,
    "when-to-use",
    "Mature ecosystem, constrained structured outputs, multimodal (especially audio).",
    "Use GPT-4o when: you need mature ecosystem support, constrained structured outputs, multimodal (especially audio)",
  ),
  note(
    "use-gpt-4o-mini",
    ref("gpt-4o-mini", "GPT-4o mini"),
    "when-to-use",
    "Cost-optimising high-volume short-prompt workloads.",
    "you are optimizing for cost on high-volume short-prompt workloads using GPT-4o mini",
  ),
  note(
    "use-gemini",
    google,
    "when-to-use",
    "1M+ context, video understanding, or tight Google Cloud integration.",
    "Use Gemini when: you need a 1M+ context window, video understanding, or you are already on Google Cloud and want tight infrastructure integration.",
  ),
  note(
    "use-llama",
    llama3,
    "when-to-use",
    "Data privacy (self-hosted), lowest per-token cost at high volume, or domain fine-tuning.",
    "Use Llama 3 when: data privacy is paramount (self-hosted), you need the absolute lowest per-token cost at high volume, or you want to fine-tune a model for your specific domain without paying per-token inference costs at scale.",
  ),
  note(
    "use-mistral",
    mistral,
    "when-to-use",
    "European-hosted option for GDPR-sensitive workloads, or a cost-effective GPT-4o alternative for mid-complexity tasks.",
    "Use Mistral when: you want a capable European-hosted option for GDPR-sensitive workloads, or you want a cost-effective alternative to GPT-4o for mid-complexity tasks.",
  ),

  // Rate limits
  note(
    "openai-rate-tiers",
    openai,
    "rate-limits",
    "Most transparent tiering: limits rise automatically with spending history.",
    "OpenAI’s tiering system is the most transparent: your limits increase automatically as your spending history builds.",
  ),
  note(
    "anthropic-rate-tiers",
    anthropic,
    "rate-limits",
    "Similar spend-based tiering to OpenAI.",
    "Anthropic has a similar system.",
  ),
  note(
    "google-quota",
    google,
    "rate-limits",
    "Vertex AI offers dedicated quota through enterprise agreements.",
    "Google’s Vertex AI offers dedicated quota through enterprise agreements.",
  ),
];

export const seed000Guidance: readonly GuidanceFact[] = [
  guidance(
    "buying-criteria",
    "evaluation",
    "The best API matches your workload, your tolerance for operational complexity and your budget.",
    "The best API is the one that matches your workload, your team’s tolerance for operational complexity, and your budget.",
  ),
  guidance(
    "availability-beats-quality",
    "reliability",
    "A slightly worse model that stays up beats a slightly better one that fails at peak.",
    "a model that is slightly worse but reliably available beats a slightly better model that goes down during your peak traffic window.",
  ),
  guidance(
    "check-prices",
    "pricing",
    "Prices change; always check provider pages.",
    "Prices change, but here is the current landscape as of early 2026. Always check provider pages for current pricing.",
  ),
  guidance(
    "vision-everywhere",
    "api-basics",
    "All major APIs now take image input; they differ on other modalities.",
    "All major APIs now support vision (image input), but they differ on what else they support.",
  ),
  guidance(
    "tools-over-benchmarks",
    "evaluation",
    "For agents, reliable tool calling and multi-step instruction following matter more than benchmark scores.",
    "For building agents, the ability to reliably invoke tools and follow complex multi-step instructions matters more than raw benchmark scores.",
  ),
  guidance(
    "tpm-rpm",
    "rate-limits",
    "Both tokens per minute and requests per minute limits matter; new accounts start conservative.",
    "Rate limits bite you in two ways: tokens per minute (TPM) and requests per minute (RPM). Both matter.",
  ),
  guidance(
    "new-account-limits",
    "rate-limits",
    "All APIs start new accounts on conservative limits.",
    "For new accounts, all APIs start with conservative limits.",
  ),
  guidance(
    "rate-limit-architecture",
    "rate-limits",
    "Plan for spikes from day one: exponential backoff, batch endpoints for non-latency-sensitive work, multi-provider redundancy.",
    "build rate limit handling into your architecture from day one. Implement exponential backoff, use batch endpoints for non-latency-sensitive workloads, and consider a multi-provider setup for redundancy.",
  ),
  guidance(
    "routing-tools",
    "rate-limits",
    "LiteLLM and PortKey make multi-provider routing significantly easier.",
    "Tools like LiteLLM and PortKey make multi-provider routing significantly easier.",
  ),
  guidance(
    "no-single-best",
    "evaluation",
    "No single best API; the best teams use 2-3 APIs with routing logic.",
    "There is no single best API in 2026. There is a best API for your specific workload.",
  ),
  guidance(
    "evaluate-own-data",
    "evaluation",
    "Evaluate on your own data; domain matters more than aggregate benchmark scores.",
    "Evaluate on your actual data. Benchmark suites are useful signal but your domain matters more than aggregate scores.",
  ),
];
