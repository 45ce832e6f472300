import { type CompatibleEndpoint, env, envValue, PROVIDER_ENV, type ProviderEnvId } from "@/lib/env";

export type { CompatibleEndpoint } from "@/lib/env";

export const PROVIDER_LABELS: Record<ProviderEnvId, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google Gemini",
  mistral: "Mistral",
  groq: "Groq",
  deepseek: "DeepSeek",
  together: "Together AI",
  fireworks: "Fireworks AI",
  xai: "xAI",
  openrouter: "OpenRouter",
};

/** What the browser may learn about a provider: never the key, only whether one is set. */
export interface ProviderStatus {
  id: string;
  label: string;
  keyVariable: string;
  baseUrlVariable: string | null;
  configured: boolean;
  customBaseUrl: boolean;
  kind: "builtin" | "openai-compatible";
}

export const OLLAMA_PROVIDER = "ollama";
const OLLAMA_DEFAULT_URL = "http://127.0.0.1:11434";

export function ollamaBaseUrl(): string {
  return (env().OLLAMA_BASE_URL ?? OLLAMA_DEFAULT_URL).replace(/\/+$/, "").replace(/\/v1$/, "");
}

/** Parsed and checked once, with the rest of the environment, at start. */
export function listCompatibleEndpoints(): CompatibleEndpoint[] {
  return env().OPENAI_COMPATIBLE_ENDPOINTS;
}

export function listProviderStatus(): ProviderStatus[] {
  const config = env();
  const builtin = (Object.keys(PROVIDER_ENV) as ProviderEnvId[]).map((id) => {
    const { keyVar, baseUrlVar } = PROVIDER_ENV[id];
    return {
      id,
      label: PROVIDER_LABELS[id],
      keyVariable: keyVar,
      baseUrlVariable: baseUrlVar,
      configured: Boolean(envValue(keyVar)),
      customBaseUrl: Boolean(envValue(baseUrlVar)),
      kind: "builtin" as const,
    };
  });
  const compatible = config.OPENAI_COMPATIBLE_ENDPOINTS.map((endpoint) => ({
    id: endpoint.name,
    label: endpoint.name,
    keyVariable: endpoint.keyVariable ?? "(none)",
    baseUrlVariable: null,
    // Local servers often need no key; such an endpoint counts as configured.
    configured: endpoint.keyVariable ? Boolean(envValue(endpoint.keyVariable)) : true,
    customBaseUrl: true,
    kind: "openai-compatible" as const,
  }));
  return [...builtin, ...compatible];
}
