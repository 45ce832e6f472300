import { createAnthropic } from "@ai-sdk/anthropic";
import { createDeepSeek } from "@ai-sdk/deepseek";
import { createFireworks } from "@ai-sdk/fireworks";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createGroq } from "@ai-sdk/groq";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { createTogetherAI } from "@ai-sdk/togetherai";
import { createXai } from "@ai-sdk/xai";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { envValue, PROVIDER_ENV, type ProviderEnvId } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type CompatibleEndpoint, listCompatibleEndpoints, OLLAMA_PROVIDER, ollamaBaseUrl } from "./config";
import { createDemoModel, DEMO_PROFILES, isDemoModelId } from "./demo-models";
import { tappedFetch } from "./stream-tap";

/**
 * The one provider registry: every playground model id resolves here to an AI SDK language model.
 * Ids are catalog offering ids ("openai/gpt-4o-mini"), "demo/…" simulated models, "ollama/…" local
 * models, or "<endpoint>/…" for a configured OpenAI-compatible server. Keys are read on the server only.
 */

interface BuiltinProvider {
  envId: ProviderEnvId;
  create: (settings: {
    apiKey: string;
    baseURL: string | undefined;
    fetch: typeof fetch;
  }) => (modelId: string) => LanguageModelV3;
}

/** Catalog provider ids (genai-prices ids) that have an official AI SDK provider package. */
export const BUILTIN_PROVIDERS: Record<string, BuiltinProvider> = {
  // openai(id) would call the Responses API; chat completions is what every endpoint speaks.
  openai: {
    envId: "openai",
    create: (settings) => (id) => createOpenAI(settings).chat(id) as LanguageModelV3,
  },
  anthropic: {
    envId: "anthropic",
    create: (settings) => (id) => createAnthropic(settings)(id) as LanguageModelV3,
  },
  google: {
    envId: "google",
    create: (settings) => (id) => createGoogleGenerativeAI(settings)(id) as LanguageModelV3,
  },
  mistral: { envId: "mistral", create: (settings) => (id) => createMistral(settings)(id) as LanguageModelV3 },
  groq: { envId: "groq", create: (settings) => (id) => createGroq(settings)(id) as LanguageModelV3 },
  deepseek: {
    envId: "deepseek",
    create: (settings) => (id) => createDeepSeek(settings)(id) as LanguageModelV3,
  },
  together: {
    envId: "together",
    create: (settings) => (id) => createTogetherAI(settings)(id) as LanguageModelV3,
  },
  fireworks: {
    envId: "fireworks",
    create: (settings) => (id) => createFireworks(settings)(id) as LanguageModelV3,
  },
  "x-ai": { envId: "xai", create: (settings) => (id) => createXai(settings)(id) as LanguageModelV3 },
  openrouter: {
    envId: "openrouter",
    create: (settings) => (id) =>
      createOpenRouter({ ...settings, compatibility: "strict" }).chat(id) as LanguageModelV3,
  },
};

export type ModelKind = "catalog" | "demo" | "local" | "compatible";

export interface ResolvedModelInfo {
  id: string;
  kind: ModelKind;
  /** Provider id for usage grouping: the catalog provider, "demo", "ollama" or the endpoint name. */
  provider: string;
  providerModelId: string;
  simulated: boolean;
  /** Catalog offering whose price bills this model; null when no per-token price applies. */
  priceOfferingId: string | null;
}

export function splitModelId(id: string): { provider: string; providerModelId: string } | null {
  const slash = id.indexOf("/");
  if (slash <= 0 || slash === id.length - 1) return null;
  return { provider: id.slice(0, slash), providerModelId: id.slice(slash + 1) };
}

/** What an id refers to, without needing keys; null for ids the registry cannot serve at all. */
export function describeModelId(
  id: string,
  compatible: readonly CompatibleEndpoint[] = listCompatibleEndpoints(),
): ResolvedModelInfo | null {
  const parts = splitModelId(id);
  if (!parts) return null;
  if (isDemoModelId(id)) {
    const profile = DEMO_PROFILES.find((candidate) => candidate.id === id);
    if (!profile) return null;
    return {
      id,
      kind: "demo",
      provider: "demo",
      providerModelId: parts.providerModelId,
      simulated: true,
      priceOfferingId: profile.mirrorsOfferingId,
    };
  }
  if (parts.provider === OLLAMA_PROVIDER) {
    return {
      id,
      kind: "local",
      provider: OLLAMA_PROVIDER,
      providerModelId: parts.providerModelId,
      simulated: false,
      priceOfferingId: null,
    };
  }
  if (compatible.some((endpoint) => endpoint.name === parts.provider)) {
    return {
      id,
      kind: "compatible",
      provider: parts.provider,
      providerModelId: parts.providerModelId,
      simulated: false,
      priceOfferingId: null,
    };
  }
  if (BUILTIN_PROVIDERS[parts.provider]) {
    return {
      id,
      kind: "catalog",
      provider: parts.provider,
      providerModelId: parts.providerModelId,
      simulated: false,
      priceOfferingId: id,
    };
  }
  return null;
}

export function isProviderConfigured(provider: string): boolean {
  const builtin = BUILTIN_PROVIDERS[provider];
  return builtin ? Boolean(envValue(PROVIDER_ENV[builtin.envId].keyVar)) : false;
}

/**
 * The language model for an id. Throws AppError: 400 for an id no provider serves, 401 when the
 * provider's key is not set (a per-pane fault, not a request fault).
 */
export function getLanguageModel(id: string): { model: LanguageModelV3; info: ResolvedModelInfo } {
  const compatible = listCompatibleEndpoints();
  const info = describeModelId(id, compatible);
  if (!info) throw new AppError("bad_request:playground", `Unknown model "${id}".`);
  if (info.kind === "demo") {
    const profile = DEMO_PROFILES.find((candidate) => candidate.id === id);
    if (!profile) throw new AppError("bad_request:playground", `Unknown model "${id}".`);
    return { model: createDemoModel(profile), info };
  }
  if (info.kind === "local") {
    const provider = createOpenAICompatible({
      name: OLLAMA_PROVIDER,
      baseURL: `${ollamaBaseUrl()}/v1`,
      includeUsage: true,
      fetch: tappedFetch,
    });
    return { model: provider(info.providerModelId) as LanguageModelV3, info };
  }
  if (info.kind === "compatible") {
    const endpoint = compatible.find((candidate) => candidate.name === info.provider);
    if (!endpoint) throw new AppError("bad_request:playground", `Unknown model "${id}".`);
    const apiKey = endpoint.keyVariable ? envValue(endpoint.keyVariable) : undefined;
    if (endpoint.keyVariable && !apiKey) {
      throw new AppError(
        "unauthorized:provider",
        `${endpoint.keyVariable} is not set on the server, so ${endpoint.name} cannot be called.`,
      );
    }
    const provider = createOpenAICompatible({
      name: endpoint.name,
      baseURL: endpoint.baseUrl,
      apiKey,
      includeUsage: true,
      fetch: tappedFetch,
    });
    return { model: provider(info.providerModelId) as LanguageModelV3, info };
  }
  const builtin = BUILTIN_PROVIDERS[info.provider];
  if (!builtin) throw new AppError("bad_request:playground", `Unknown model "${id}".`);
  const { keyVar, baseUrlVar } = PROVIDER_ENV[builtin.envId];
  const apiKey = envValue(keyVar);
  if (!apiKey) {
    throw new AppError(
      "unauthorized:provider",
      `${keyVar} is not set on the server. Add it to the environment and restart to use ${info.provider}.`,
    );
  }
  return {
    model: builtin.create({ apiKey, baseURL: envValue(baseUrlVar), fetch: tappedFetch })(
      info.providerModelId,
    ),
    info,
  };
}
