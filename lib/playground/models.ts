import { getCatalog } from "@/lib/catalog/read/served";
import type { CatalogEntry } from "@/lib/catalog/schema";
import { envValue } from "@/lib/env";
import {
  type CompatibleEndpoint,
  listCompatibleEndpoints,
  OLLAMA_PROVIDER,
  ollamaBaseUrl,
} from "@/lib/providers/config";
import { DEMO_PROFILES } from "@/lib/providers/demo-models";
import { BUILTIN_PROVIDERS, isProviderConfigured } from "@/lib/providers/registry";

/** What the playground's model picker offers: configured catalog models, local models and demos. */
/**
 * A model the playground can run: a catalog row's provider, prices and context window (unknown for
 * local and simulated models), with how the playground reaches it.
 */
export type PlaygroundModel = Pick<
  CatalogEntry,
  "provider" | "providerName" | "inputPerMTok" | "outputPerMTok" | "contextWindow"
> & {
  id: string;
  label: string;
  kind: "catalog" | "local" | "compatible" | "demo";
  simulated: boolean;
  note: string | null;
};

const DISCOVERY_TIMEOUT_MS = 800;
const DISCOVERY_CACHE_MS = 30_000;
const discoveryCache = new Map<string, { at: number; ids: string[]; error: string | null }>();

async function discover(key: string, url: string, pick: (body: unknown) => string[], apiKey?: string) {
  const cached = discoveryCache.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached;
  let result: { at: number; ids: string[]; error: string | null };
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    });
    result = response.ok
      ? { at: Date.now(), ids: pick(await response.json()), error: null }
      : { at: Date.now(), ids: [], error: `answered ${response.status}` };
  } catch (error) {
    result = {
      at: Date.now(),
      ids: [],
      error: (error as Error).name === "TimeoutError" ? "not answering" : "not reachable",
    };
  }
  discoveryCache.set(key, result);
  return result;
}

/** Ollama answers on its default port when it runs; its installed models are listed from /api/tags. */
export function discoverOllama() {
  return discover(OLLAMA_PROVIDER, `${ollamaBaseUrl()}/api/tags`, (body) =>
    ((body as { models?: { name?: string; model?: string }[] }).models ?? [])
      .map((model) => model.name ?? model.model ?? "")
      .filter(Boolean),
  );
}

function discoverEndpoint(endpoint: CompatibleEndpoint) {
  return discover(
    `compat:${endpoint.name}`,
    `${endpoint.baseUrl.replace(/\/+$/, "")}/models`,
    (body) =>
      ((body as { data?: { id?: string }[] }).data ?? []).map((model) => model.id ?? "").filter(Boolean),
    endpoint.keyVariable ? envValue(endpoint.keyVariable) : undefined,
  );
}

export interface PlaygroundModelList {
  models: PlaygroundModel[];
  configuredProviders: string[];
  local: {
    ollama: { reachable: boolean; error: string | null };
    endpoints: { name: string; models: number; error: string | null }[];
  };
}

export async function listPlaygroundModels(): Promise<PlaygroundModelList> {
  const catalog = await getCatalog();
  const configuredProviders = Object.keys(BUILTIN_PROVIDERS).filter(isProviderConfigured);
  const configured = new Set(configuredProviders);
  const fromCatalog: PlaygroundModel[] = catalog.entries
    .filter((entry) => configured.has(entry.provider) && entry.deprecated !== true)
    .filter((entry) => entry.modalities.output === null || entry.modalities.output.includes("text"))
    .map((entry) => ({
      id: entry.id,
      label: entry.name,
      provider: entry.provider,
      providerName: entry.providerName,
      kind: "catalog",
      simulated: false,
      inputPerMTok: entry.inputPerMTok,
      outputPerMTok: entry.outputPerMTok,
      contextWindow: entry.contextWindow,
      note: null,
    }));

  const [ollama, ...endpointResults] = await Promise.all([
    discoverOllama(),
    ...listCompatibleEndpoints().map(discoverEndpoint),
  ]);
  const local: PlaygroundModel[] = ollama.ids.map((name) => ({
    id: `${OLLAMA_PROVIDER}/${name}`,
    label: name,
    provider: OLLAMA_PROVIDER,
    providerName: "Ollama (local)",
    kind: "local",
    simulated: false,
    inputPerMTok: null,
    outputPerMTok: null,
    contextWindow: null,
    note: "Runs on your machine; no per-token price.",
  }));
  const endpoints = listCompatibleEndpoints();
  const compatible: PlaygroundModel[] = endpoints.flatMap((endpoint, index) =>
    (endpointResults[index]?.ids ?? []).map((modelId) => ({
      id: `${endpoint.name}/${modelId}`,
      label: modelId,
      provider: endpoint.name,
      providerName: endpoint.name,
      kind: "compatible" as const,
      simulated: false,
      inputPerMTok: null,
      outputPerMTok: null,
      contextWindow: null,
      note: "Your own endpoint; no per-token price in the catalog.",
    })),
  );
  const demos: PlaygroundModel[] = DEMO_PROFILES.map((profile) => {
    const mirror = catalog.byId.get(profile.mirrorsOfferingId);
    return {
      id: profile.id,
      label: profile.label,
      provider: "demo",
      providerName: "Simulated",
      kind: "demo",
      simulated: true,
      inputPerMTok: mirror?.inputPerMTok ?? null,
      outputPerMTok: mirror?.outputPerMTok ?? null,
      contextWindow: mirror?.contextWindow ?? null,
      note: profile.description,
    };
  });

  return {
    models: [...demos, ...local, ...compatible, ...fromCatalog],
    configuredProviders,
    local: {
      ollama: { reachable: ollama.error === null, error: ollama.error },
      endpoints: endpoints.map((endpoint, index) => ({
        name: endpoint.name,
        models: endpointResults[index]?.ids.length ?? 0,
        error: endpointResults[index]?.error ?? null,
      })),
    },
  };
}
