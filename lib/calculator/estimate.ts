import type { ModelQuality } from "@/lib/catalog/quality/read";
import type { CatalogEntry, OfferingPrice } from "@/lib/catalog/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import {
  addUsd,
  compareUsd,
  divideUsd,
  type Money,
  multiplyUsd,
  parseUsdRounded,
  toUsdString,
} from "@/lib/money";
import { unmetNeed } from "./needs";
import { applyQualityBar } from "./quality-select";
import { estimateRouting } from "./routing";
import type { EstimateRequest, EstimateResponse, ModelEstimate, WorkloadEstimate } from "./schema";
import { type ResolvedVolume, resolveVolume } from "./volume";
import { priceWorkload, tokensForModel, unpricedReason } from "./workload-cost";

/** The part of the catalog the calculator reads; CatalogData from getCatalog() satisfies it. */
export interface PricedCatalog {
  asOf: string;
  entries: readonly CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  prices: ReadonlyMap<string, OfferingPrice | null>;
}

type Workloads = EstimateRequest["workloads"];

/** Every model id the request names must be in the catalog; a typo must not silently drop a model. */
function assertKnownModels(catalog: PricedCatalog, request: EstimateRequest): void {
  const fieldErrors: FieldErrors = {};
  const unknownIds = new Set<string>();
  const check = (id: string, field: string) => {
    if (catalog.byId.has(id)) return;
    unknownIds.add(id);
    fieldErrors[field] = [`Unknown model "${id}"`];
  };
  for (const [index, id] of (request.models ?? []).entries()) check(id, `models.${index}`);
  for (const [workloadIndex, workload] of request.workloads.entries()) {
    for (const [splitIndex, split] of (workload.routing ?? []).entries()) {
      check(split.model, `workloads.${workloadIndex}.routing.${splitIndex}.model`);
    }
  }
  if (unknownIds.size === 0) return;
  throw new AppError(
    "bad_request:calculator",
    `Unknown model ids: ${[...unknownIds].join(", ")}. Use catalog ids such as "openai/gpt-4o" (see /api/models).`,
    { details: { fieldErrors, unknownModels: [...unknownIds] } },
  );
}

function candidatesOf(catalog: PricedCatalog, models: string[] | undefined): readonly CatalogEntry[] {
  if (!models) return catalog.entries;
  return [...new Set(models)].flatMap((id) => catalog.byId.get(id) ?? []);
}

function membersOf(request: EstimateRequest, volumes: ResolvedVolume[]): number | null {
  if (request.teamMembers) return request.teamMembers;
  const teamSizes = volumes.flatMap((volume) => (volume.teamSize === null ? [] : [volume.teamSize]));
  return teamSizes.length > 0 ? Math.max(...teamSizes) : null;
}

// Embedding, image, speech and moderation models have per-token prices too, but cannot answer a
// chat workload; without this they crowd the top of every "cheapest" list.
const NON_CHAT_ID =
  /(embed|rerank|whisper|transcri|tts|speech|moderation|flux|stable-diffusion|dall-e|imagen|image-gen)/i;

export function notATextModel(entry: Pick<CatalogEntry, "id" | "name" | "modalities">): string | null {
  const output = entry.modalities.output;
  if (output !== null && !output.includes("text"))
    return `does not write text (outputs ${output.join(", ") || "nothing"})`;
  if (NON_CHAT_ID.test(entry.id) || NON_CHAT_ID.test(entry.name))
    return "not a chat model (embedding, image, speech or moderation)";
  return null;
}

type Outcome =
  | { kind: "result"; workloads: WorkloadEstimate[]; monthlyUsd: Money }
  | { kind: "excluded"; reason: string }
  | { kind: "unpriced"; reason: string };

function estimateModel(
  entry: CatalogEntry,
  price: OfferingPrice | null,
  workloads: Workloads,
  volumes: ResolvedVolume[],
  request: EstimateRequest,
): Outcome {
  if (entry.deprecated === true && !request.includeDeprecated) {
    return { kind: "excluded", reason: "deprecated (set includeDeprecated to compare it)" };
  }
  const notText = notATextModel(entry);
  if (notText) return { kind: "excluded", reason: notText };
  const perWorkload = workloads.map((workload, index) => ({
    workload,
    tokens: tokensForModel(workload, entry.id),
    requestsPerMonth: volumes[index]?.requestsPerMonth ?? 0,
  }));
  // Needs come first: a model that cannot serve a workload is out whatever it costs, and skipping
  // its pricing keeps the full-catalog estimate fast (a third of the catalog has no known context).
  for (const { workload, tokens } of perWorkload) {
    const reason = unmetNeed(entry, workload.needs, tokens);
    if (reason) {
      return { kind: "excluded", reason: workloads.length > 1 ? `${reason} for "${workload.name}"` : reason };
    }
  }
  const estimates: WorkloadEstimate[] = [];
  const monthly: Money[] = [];
  const unknownRates: string[] = [];
  for (const { workload, tokens, requestsPerMonth } of perWorkload) {
    const cost = priceWorkload({
      name: workload.name,
      price,
      tokens,
      requestsPerMonth,
      batch: request.batch,
    });
    if (cost.priced) {
      estimates.push(cost.estimate);
      monthly.push(cost.monthlyUsd);
    } else unknownRates.push(...cost.unknown);
  }
  if (unknownRates.length > 0) return { kind: "unpriced", reason: unpricedReason(unknownRates) };
  return { kind: "result", workloads: estimates, monthlyUsd: addUsd(...monthly) };
}

function routingEstimates(
  catalog: PricedCatalog,
  workloads: Workloads,
  volumes: ResolvedVolume[],
  batch: boolean,
) {
  return workloads.flatMap((workload, index) => {
    if (!workload.routing || workload.routing.length === 0) return [];
    const monthlyAtFullTraffic = new Map<string, Money | null>();
    for (const { model } of workload.routing) {
      const cost = priceWorkload({
        name: workload.name,
        price: catalog.prices.get(model) ?? null,
        tokens: tokensForModel(workload, model),
        requestsPerMonth: volumes[index]?.requestsPerMonth ?? 0,
        batch,
      });
      monthlyAtFullTraffic.set(model, cost.priced ? cost.monthlyUsd : null);
    }
    return [estimateRouting({ workload: workload.name, splits: workload.routing, monthlyAtFullTraffic })];
  });
}

/**
 * The team cost estimate: every candidate model priced for every workload, ranked by monthly cost.
 * Models with an unknown price go to `unpriced` and models lacking a need to `excluded`; neither is
 * ever shown as $0. Routing mixes are priced on their own models, whatever the `models` filter says.
 */
export function buildEstimate(
  catalog: PricedCatalog,
  request: EstimateRequest,
  qualityOfModel: (modelId: string) => ModelQuality | null = () => null,
): EstimateResponse {
  assertKnownModels(catalog, request);
  const volumes = request.workloads.map((workload) => resolveVolume(workload));
  const members = membersOf(request, volumes);
  const budget =
    request.budgetUsdPerMonth === null || request.budgetUsdPerMonth === undefined
      ? null
      : parseUsdRounded(request.budgetUsdPerMonth);

  const ranked: { estimate: ModelEstimate; monthlyUsd: Money }[] = [];
  const unpriced: EstimateResponse["unpriced"] = [];
  const excluded: EstimateResponse["excluded"] = [];
  for (const entry of candidatesOf(catalog, request.models)) {
    const price = catalog.prices.get(entry.id) ?? null;
    const outcome = estimateModel(entry, price, request.workloads, volumes, request);
    if (outcome.kind === "unpriced") unpriced.push({ model: entry.id, reason: outcome.reason });
    else if (outcome.kind === "excluded") excluded.push({ model: entry.id, reason: outcome.reason });
    else {
      const { monthlyUsd } = outcome;
      ranked.push({
        monthlyUsd,
        estimate: {
          model: entry.id,
          name: entry.name,
          provider: entry.provider,
          monthlyUsd: toUsdString(monthlyUsd),
          yearlyUsd: toUsdString(multiplyUsd(monthlyUsd, 12)),
          perMemberUsd: members === null ? null : toUsdString(divideUsd(monthlyUsd, members)),
          fitsBudget: budget === null ? null : compareUsd(monthlyUsd, budget) <= 0,
          workloads: outcome.workloads,
        },
      });
    }
  }
  ranked.sort(
    (left, right) =>
      compareUsd(left.monthlyUsd, right.monthlyUsd) ||
      left.estimate.model.localeCompare(right.estimate.model),
  );
  const qualityOf = (model: string) => qualityOfModel(catalog.byId.get(model)?.modelId ?? model);
  const barred = request.qualityBar
    ? applyQualityBar(ranked, request.qualityBar, qualityOf, request.evalRun)
    : null;

  return {
    asOf: catalog.asOf,
    requestsPerMonth: request.workloads.map((workload, index) => ({
      workload: workload.name,
      requests: volumes[index]?.requestsPerMonth ?? 0,
      explanation: volumes[index]?.explanation ?? "",
    })),
    results: (barred?.results ?? ranked).map((row) => row.estimate),
    unpriced,
    excluded,
    routing: routingEstimates(catalog, request.workloads, volumes, request.batch),
    qualityBar: barred?.summary ?? null,
  };
}
