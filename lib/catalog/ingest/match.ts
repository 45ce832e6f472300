import {
  expandCompactDates,
  type GenaiOffering,
  matchesGenaiLogic,
} from "@/lib/catalog/ingest/sources/genai-prices";
import type { ModelsDevOffering } from "@/lib/catalog/ingest/sources/models-dev";

/**
 * Joins genai-prices and models.dev entries, and derives canonical model ids.
 *
 * Providers: genai-prices ids are canonical; models.dev ids that name the same API are renamed
 * (PROVIDER_ALIASES). Hosts that bill differently stay apart even when they serve the same models:
 * google-vertex and google-vertex-anthropic are not folded into google, models.dev's huggingface
 * router is not folded into genai-prices' per-backend huggingface_* providers, moonshotai-cn and
 * alibaba-cn keep their own ids.
 *
 * Offerings within one provider match in this order, best rank first:
 *   0. the same id, ignoring case;
 *   1. genai-prices' own match rules (the ones calcPrice uses), tried on the id, the id with
 *      compact dates expanded, and a models.dev name that is itself an id ("@cf/meta/…");
 *   2. the same modelKey (last path segment, host prefixes dropped);
 *   3. rules 0–1 against the provider's `fallback_model_providers` (Azure → OpenAI, …), as calcPrice does.
 * Each genai-prices entry merges with its best-ranked models.dev entry of the same provider. Other
 * models.dev entries that match stay separate offerings that take their price from the match, since
 * genai-prices bills those ids at that price.
 */

export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  xai: "x-ai",
  "amazon-bedrock": "aws",
  togetherai: "together",
  "fireworks-ai": "fireworks",
  "cloudflare-workers-ai": "cloudflare",
};

export function canonicalProviderId(modelsDevProviderId: string): string {
  return PROVIDER_ALIASES[modelsDevProviderId] ?? modelsDevProviderId;
}

const HOST_PREFIXES = /^(?:@cf\/|@hf\/|hf:|accounts\/[^/]+\/models\/)/;

/** Lower-cased id without host prefixes or an org path: "@cf/meta/llama-3-8b" → "llama-3-8b". */
export function modelKey(providerModelId: string): string {
  const id = providerModelId.toLowerCase().trim().replace(HOST_PREFIXES, "");
  return id.slice(id.lastIndexOf("/") + 1);
}

export interface GenaiMatch {
  offering: GenaiOffering;
  rank: 0 | 1 | 2 | 3;
}

function findByIdOrRule(entry: ModelsDevOffering, candidates: readonly GenaiOffering[]): GenaiMatch | null {
  const id = entry.providerModelId;
  const exact = candidates.find((candidate) => candidate.providerModelId.toLowerCase() === id.toLowerCase());
  if (exact) return { offering: exact, rank: 0 };
  const tries = [id, expandCompactDates(id)];
  if (!/\s/.test(entry.name) && entry.name !== id) tries.push(entry.name);
  for (const attempt of tries) {
    const byRule = candidates.find((candidate) => matchesGenaiLogic(candidate.match, attempt));
    if (byRule) return { offering: byRule, rank: 1 };
  }
  return null;
}

/**
 * `candidates` are one provider's genai-prices offerings in package order (first match wins, as in
 * genai-prices); `fallbacks` are the offerings of its fallback providers, in fallback order.
 */
export function findGenaiMatch(
  entry: ModelsDevOffering,
  candidates: readonly GenaiOffering[],
  fallbacks: readonly (readonly GenaiOffering[])[] = [],
): GenaiMatch | null {
  const own = findByIdOrRule(entry, candidates);
  if (own) return own;
  const key = modelKey(entry.providerModelId);
  const byKey = candidates.find((candidate) => modelKey(candidate.providerModelId) === key);
  if (byKey) return { offering: byKey, rank: 2 };
  for (const fallbackCandidates of fallbacks) {
    const viaFallback = findByIdOrRule(entry, fallbackCandidates);
    if (viaFallback) return { offering: viaFallback.offering, rank: 3 };
  }
  return null;
}

export interface JoinedOffering {
  providerId: string;
  genai: GenaiOffering | null;
  modelsDev: ModelsDevOffering | null;
  /** The genai-prices entry that prices a models.dev-only offering, when one matches. */
  priceFrom: GenaiOffering | null;
}

export function joinOfferings(
  genaiOfferings: readonly GenaiOffering[],
  modelsDevOfferings: readonly ModelsDevOffering[],
  fallbackProviders: Readonly<Record<string, readonly string[]>> = {},
): JoinedOffering[] {
  const genaiByProvider = new Map<string, GenaiOffering[]>();
  for (const offering of genaiOfferings) {
    const list = genaiByProvider.get(offering.providerId) ?? [];
    list.push(offering);
    genaiByProvider.set(offering.providerId, list);
  }

  const matches = new Map<ModelsDevOffering, GenaiMatch>();
  const claimant = new Map<GenaiOffering, ModelsDevOffering>();
  const sortedModelsDev = [...modelsDevOfferings].sort((a, b) =>
    `${a.providerId}/${a.providerModelId}`.localeCompare(`${b.providerId}/${b.providerModelId}`),
  );
  for (const entry of sortedModelsDev) {
    const providerId = canonicalProviderId(entry.providerId);
    const fallbacks = (fallbackProviders[providerId] ?? []).map((id) => genaiByProvider.get(id) ?? []);
    const match = findGenaiMatch(entry, genaiByProvider.get(providerId) ?? [], fallbacks);
    if (!match) continue;
    matches.set(entry, match);
    if (match.rank === 3) continue;
    const current = claimant.get(match.offering);
    if (!current || match.rank < (matches.get(current)?.rank ?? 3)) claimant.set(match.offering, entry);
  }

  const joined: JoinedOffering[] = genaiOfferings.map((genai) => ({
    providerId: genai.providerId,
    genai,
    modelsDev: claimant.get(genai) ?? null,
    priceFrom: null,
  }));
  for (const entry of sortedModelsDev) {
    const match = matches.get(entry);
    if (match && claimant.get(match.offering) === entry) continue;
    joined.push({
      providerId: canonicalProviderId(entry.providerId),
      genai: null,
      modelsDev: entry,
      priceFrom: match?.offering ?? null,
    });
  }
  return joined;
}

// Applied repeatedly until none matches; order matters only for readability.
const STRIPPED_SUFFIXES: readonly RegExp[] = [
  /:[a-z][\w-]*$/, // OpenRouter variants ":free", ":thinking"
  /@[\w.-]+$/, // Vertex versions "@20241022", "@001"
  /(?:-v\d+)?(?:-\d+)?:\d+$/, // Bedrock "-v2:0", "-1:0"
  /-\d{4}-\d{2}-\d{2}$/,
  /-20\d{6}$/,
  /-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/, // MMDD
  /-(?:2[2-9]|3\d)(?:0[1-9]|1[0-2])$/, // YYMM
  /-latest$/,
  /(?<=\d+b)-(?:\d{4,6}|chat)$/, // Groq context sizes "llama3-70b-8192", Together "llama-3-70b-chat"
  /-(?:instruct|versatile|specdec|it|hf|maas)$/,
  /-(?:fp8|fp16|bf16|int8|awq|nvfp4)$/,
];
const SERVING_SUFFIX = /-(?:instruct|fp8|fp16|bf16|int8|awq)$/;
// Product words on their own ("gpt-4-turbo", "grok-3-fast", "nova-lite"), serving variants after SERVING_SUFFIX.
const SERVING_VARIANT = /-(?:fast|turbo|lite)$/;

/**
 * A provider-independent model id, so one model served by many hosts groups together:
 * "meta-llama/Llama-3.3-70B-Instruct-Turbo", "meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b-versatile"
 * and "@cf/meta/llama-3.3-70b-instruct-fp8-fast" all become "llama-3.3-70b". Dates, "-latest",
 * serving suffixes and vendor prefixes go; product words such as "-mini", "-lite" and "-preview" stay.
 */
export function canonicalModelId(providerModelId: string): string {
  let id = modelKey(providerModelId).replace(/^~/, "");
  // Bedrock ids carry a region scope and a vendor: "global.anthropic.claude-opus-4-5-v1:0".
  id = id
    .replace(/^(?:[a-z]+\.)?deepseek\.(?=r\d|v\d)/, "deepseek-")
    .replace(/^(?:(?:us|eu|apac|global|regional|jp|au)\.)?[a-z0-9-]+\.(?=[a-z])/, "");
  let previous = "";
  while (previous !== id) {
    previous = id;
    for (const suffix of STRIPPED_SUFFIXES) id = id.replace(suffix, "");
    id = id.replace(/-preview-\d{2}-\d{2}$/, "-preview"); // keep "-preview", drop its date
    const variant = SERVING_VARIANT.exec(id);
    if (variant && SERVING_SUFFIX.test(id.slice(0, variant.index))) id = id.slice(0, variant.index);
  }
  id = id
    .replace(/(\d)[p_](\d)/g, "$1.$2") // Fireworks "v3p1", "llama-3_3" → "3.1", "3.3"
    .replace(/^meta-(?=llama)/, "")
    .replace(/^(llama|gemma|phi)-?v?(?=\d)/, "$1-") // "llama3-3", "llama-v3" → "llama-3…"
    .replace(/(^|[a-z-])(\d+)-(\d)(?=-|$)/g, "$1$2.$3"); // "claude-3-5-sonnet" → "claude-3.5-sonnet"
  return id || modelKey(providerModelId);
}

const CREATORS: readonly [RegExp, string, string][] = [
  [/nemotron/, "nvidia", "nemotron"],
  [/^(?:code)?llama/, "meta", "llama"],
  [/^claude/, "anthropic", "claude"],
  [/^gpt-oss/, "openai", "gpt-oss"],
  [/^(?:gpt|chatgpt)/, "openai", "gpt"],
  [/^o\d/, "openai", "o-series"],
  [
    /^(?:text-embedding|davinci|babbage|curie|ada$|whisper|dall-e|tts-|codex|sora|computer-use)/,
    "openai",
    "openai",
  ],
  [/^gemini/, "google", "gemini"],
  [/^gemma/, "google", "gemma"],
  [
    /^(?:open-)?(?:mistral|mixtral|codestral|ministral|magistral|pixtral|devstral|voxtral)/,
    "mistral",
    "mistral",
  ],
  [/^(?:qwen|qwq|qvq)/, "alibaba", "qwen"],
  [/^deepseek/, "deepseek", "deepseek"],
  [/^grok/, "x-ai", "grok"],
  [/^(?:glm|chatglm|cogview)/, "zhipuai", "glm"],
  [/^(?:kimi|moonshot)/, "moonshotai", "kimi"],
  [/^(?:command|c4ai|aya|embed-|rerank)/, "cohere", "command"],
  [/^(?:nova|titan)/, "amazon", "nova"],
  [/^phi-/, "microsoft", "phi"],
  [/^(?:minimax|abab)/, "minimax", "minimax"],
  [/^(?:sonar|r1-1776)/, "perplexity", "sonar"],
  [/^voyage/, "voyageai", "voyage"],
  [/^jamba/, "ai21", "jamba"],
  [/^granite/, "ibm", "granite"],
  [/^(?:olmo|molmo|tulu)/, "allenai", "olmo"],
  [/^(?:doubao|seed-)/, "bytedance", "seed"],
  [/^ernie/, "baidu", "ernie"],
  [/^hunyuan/, "tencent", "hunyuan"],
  [/^mercury/, "inception", "mercury"],
  [/^composer-/, "cursor", "composer"],
];

/** Creator and family from a canonical id, or nulls when the id names no family we know. */
export function creatorOf(canonicalId: string): { creator: string | null; family: string | null } {
  for (const [pattern, creator, family] of CREATORS) {
    if (pattern.test(canonicalId)) return { creator, family };
  }
  return { creator: null, family: null };
}
