import { guidanceBuilder, noteBuilder } from "./fact-builders";
import { providerRef, ref } from "./models";
import type { GuidanceFact, NoteFact } from "./types";

const note = noteBuilder("seed-001");
const guidance = guidanceBuilder("seed-001");

const openai = providerRef("openai");
const anthropic = providerRef("anthropic");
const google = providerRef("google");
const deepseek = providerRef("deepseek");
const meta = providerRef("meta");

export const seed001Notes: readonly NoteFact[] = [
  // "The Major LLM API Providers in 2026"
  note(
    "openai-ecosystem",
    openai,
    "ecosystem",
    "Market leader with the broadest ecosystem and largest third-party tooling; best for community support and integrations.",
    "OpenAI -- The market leader with the broadest ecosystem.",
  ),
  note(
    "openai-integrations",
    openai,
    "when-to-use",
    "Best choice for maximum community support and integrations.",
    "Largest third-party tooling ecosystem. Best choice if you want maximum community support and integrations.",
  ),
  note(
    "gpt-4.1-mini-value",
    ref("gpt-4.1-mini", "GPT-4.1 mini"),
    "strength",
    "Best value for most tasks.",
    "GPT-4.1 mini is the best value for most tasks.",
  ),
  note(
    "opus-reasoning",
    ref("claude-opus-4-6", "Claude Opus 4.6"),
    "strength",
    "Leads on complex reasoning and safety.",
    "Claude Opus 4.6 leads on complex reasoning and safety.",
  ),
  note(
    "anthropic-premium",
    anthropic,
    "pricing",
    "Premium pricing but strong quality.",
    "Premium pricing but strong quality.",
  ),
  note(
    "anthropic-enterprise",
    anthropic,
    "when-to-use",
    "Enterprise applications needing careful, nuanced responses and long-context processing (up to 200K).",
    "Best for enterprise applications requiring careful, nuanced responses and long-context processing (up to 200K tokens).",
  ),
  note(
    "google-pricing",
    google,
    "pricing",
    "Aggressive pricing and massive context windows.",
    "Gemini models offer aggressive pricing and massive context windows",
  ),
  note(
    "gemini-flash-cheap",
    ref("gemini-2.0-flash", "Gemini 2.0 Flash"),
    "strength",
    "One of the cheapest capable models available.",
    "Gemini 2.0 Flash is one of the cheapest capable models available.",
  ),
  note(
    "google-use",
    google,
    "when-to-use",
    "Budget-conscious projects and long-document processing.",
    "Best for budget-conscious projects and long-document processing.",
  ),
  note(
    "deepseek-open-cheap",
    deepseek,
    "strength",
    "Chinese lab offering open-weight models at the lowest prices.",
    "DeepSeek -- Chinese AI lab offering open-weight models at the lowest prices.",
  ),
  note(
    "deepseek-v3-cost",
    ref("deepseek-v3", "DeepSeek V3"),
    "pricing",
    "$0.14/M input is hard to beat on cost.",
    "DeepSeek V3 at $0.14/M input is hard to beat on cost.",
  ),
  note(
    "deepseek-capabilities",
    deepseek,
    "strength",
    "Strong coding and reasoning capabilities.",
    "Strong coding and reasoning capabilities.",
  ),
  note(
    "deepseek-use",
    deepseek,
    "when-to-use",
    "Cost-sensitive applications where lowest price matters most.",
    "Best for cost-sensitive applications where lowest price matters most.",
  ),
  note(
    "meta-hosting",
    meta,
    "hosting",
    "Open-source models via hosts (Groq, Together AI, Fireworks); no direct API from Meta.",
    "Open-source models available through various hosting providers (Groq, Together AI, Fireworks). No direct API from Meta.",
  ),
  note(
    "meta-use",
    meta,
    "when-to-use",
    "Self-hosting or full model control.",
    "Best for self-hosting or when you need full model control.",
  ),
  ...(["groq", "together", "fireworks"] as const).map((host) =>
    note(
      `${host}-hosts-llama`,
      ref("llama-3", "Llama", host),
      "hosting",
      "Hosts Meta's open Llama models (Meta has no direct API).",
      "Open-source models available through various hosting providers (Groq, Together AI, Fireworks).",
    ),
  ),
  note(
    "deepseek-openai-sdk",
    deepseek,
    "ecosystem",
    "The OpenAI SDK pattern works for DeepSeek and any OpenAI-compatible provider.",
    "This pattern works for OpenAI, DeepSeek, and any OpenAI-compatible provider.",
  ),

  // FAQ: data handling and multi-provider use
  ...[openai, anthropic, google].map((provider) =>
    note(
      `${provider.provider}-no-training`,
      provider,
      "data-privacy",
      "States it does not use API data to train models.",
      "Major providers (OpenAI, Anthropic, Google) state they do not use API data to train models.",
    ),
  ),
  ...[anthropic, openai].map((provider) =>
    note(
      `${provider.provider}-enterprise-tier`,
      provider,
      "data-privacy",
      "Offers enterprise tiers with additional data guarantees for regulated industries.",
      "For regulated industries, Anthropic and OpenAI offer enterprise tiers with additional data guarantees.",
    ),
  ),
  note(
    "openai-general-tasks",
    openai,
    "when-to-use",
    "Example multi-provider split: OpenAI for general tasks.",
    "for example, OpenAI for general tasks and Anthropic for safety-critical applications.",
  ),
  note(
    "anthropic-safety-critical",
    anthropic,
    "when-to-use",
    "Example multi-provider split: Anthropic for safety-critical applications.",
    "for example, OpenAI for general tasks and Anthropic for safety-critical applications.",
  ),
];

export const seed001Guidance: readonly GuidanceFact[] = [
  guidance(
    "what-it-is",
    "api-basics",
    "An LLM API takes text over HTTP, runs the model on the provider's servers and returns JSON, billed in tokens.",
    "Instead of typing into a chatbot, your software makes HTTP requests and receives structured responses.",
  ),
  guidance(
    "stateless",
    "api-basics",
    "APIs are stateless: resend prior messages to keep a conversation; nothing is stored by default.",
    "Statelessness -- Each API call is independent. The model does not remember previous calls. To maintain conversation history, you must include prior messages in each request.",
  ),
  guidance(
    "no-local-hardware",
    "api-basics",
    "No local model files or GPUs are needed; the model runs on the provider's servers.",
    "Need specialized hardware like GPUs on your end",
  ),
  guidance(
    "request-parts",
    "api-basics",
    "A request carries the API key, model name, messages (system + user) and parameters.",
    "Parameters (temperature, max_tokens, etc. -- controls for the output)",
  ),
  guidance(
    "tokenizers-differ",
    "pricing",
    "Tokenizers differ: the same text might be 100 tokens on GPT and 108 on Claude, which skews cost comparisons.",
    "The same text might be 100 tokens on GPT and 108 tokens on Claude. This affects true cost comparisons",
  ),
  guidance(
    "both-directions",
    "pricing",
    "You pay for input and output tokens, priced separately; output costs more because generation needs more compute.",
    "Input and output tokens are priced separately. Input tokens (your prompt) are typically cheaper.",
  ),
  guidance(
    "pay-per-use",
    "pricing",
    "Pay per use with no subscription for the API itself.",
    "No monthly subscriptions for the API itself -- you pay for exactly what you consume, measured in tokens.",
  ),
  guidance(
    "system-messages",
    "api-basics",
    "System messages set behaviour for the whole conversation.",
    "System messages -- Instructions that set the model's behavior for the entire conversation.",
  ),
  guidance(
    "max-tokens",
    "api-basics",
    "Set max tokens to avoid unexpectedly long and expensive outputs.",
    "Set this to avoid unexpectedly long (and expensive) outputs.",
  ),
  guidance(
    "streaming",
    "api-basics",
    "Streaming returns tokens as generated, a better experience for chat interfaces.",
    "Streaming -- Instead of waiting for the entire response, receive tokens as they are generated. Provides a better user experience for chat interfaces.",
  ),
  guidance(
    "context-errors",
    "api-basics",
    "Exceeding the context window (input + output) causes errors.",
    "The maximum number of tokens (input + output) a model can handle in one request.",
  ),
  guidance(
    "rate-limit-429",
    "rate-limits",
    "Exceeding rate limits returns 429; retry with exponential backoff.",
    "Exceeding limits returns a 429 error. Implement retry logic with exponential backoff.",
  ),
  guidance(
    "use-api-when",
    "api-basics",
    "Use an API for programmatic scale, in-app features, reliable structured output, prompt control, automated workflows and model comparison.",
    "You need to process text programmatically at scale (hundreds or thousands of requests)",
  ),
  guidance(
    "use-chatbot-when",
    "api-basics",
    "Use a chatbot instead for one-off tasks, conversational back-and-forth, no coding, or under 50 interactions a day.",
    "Your volume is under 50 interactions per day",
  ),
  guidance(
    "coding-required",
    "api-basics",
    "Basic programming is required; Python is most common; SDKs cut calls to 5-10 lines.",
    "Most providers offer SDKs that simplify the code to 5-10 lines.",
  ),
  guidance(
    "data-policies",
    "data-privacy",
    "API data policies are separate from chatbot policies; review each provider's.",
    "API data policies are separate from chatbot data policies. Review each provider's data usage policy.",
  ),
  guidance(
    "multi-provider",
    "evaluation",
    "Many production systems use several providers at once.",
    "Many production systems use multiple providers",
  ),
];
