import type {
  BenchmarkFact,
  ContextWindowFact,
  GuideDate,
  GuideId,
  LineupFact,
  ModalityFact,
  PriceFact,
  RecommendationFact,
} from "./types";

export interface GuideObservation {
  source: GuideId;
  sourceDate: GuideDate;
  /** Normalised value used for comparison, e.g. "in 5 / out 15". */
  value: string;
  factIds: string[];
  modelNames: string[];
}

export interface GuideConflict {
  attribute: string;
  provider: string;
  model: string | null;
  /** Oldest first, so the UI can read it as a timeline. */
  observations: GuideObservation[];
}

interface Observation {
  attribute: string;
  provider: string;
  model: string | null;
  source: GuideId;
  sourceDate: GuideDate;
  value: string;
  factId: string;
  modelName: string | null;
}

export interface ConflictInputs {
  prices: readonly PriceFact[];
  contextWindows: readonly ContextWindowFact[];
  benchmarks: readonly BenchmarkFact[];
  lineups: readonly LineupFact[];
  modalities: readonly ModalityFact[];
  recommendations: readonly RecommendationFact[];
}

// "2.50", "2.5" and "2.500" are the same price; only a different number is a conflict.
const normaliseDecimal = (value: string) => value.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

function priceValue(price: PriceFact["price"]): string {
  switch (price.shape) {
    case "input-output":
      return `in ${normaliseDecimal(price.inputPerMTok)} / out ${normaliseDecimal(price.outputPerMTok)}`;
    case "input-only":
      return `in ${normaliseDecimal(price.inputPerMTok)}`;
    case "input-range":
      return `in ${normaliseDecimal(price.inputPerMTokMin)}-${normaliseDecimal(price.inputPerMTokMax)}`;
  }
}

function observationsOf(inputs: ConflictInputs): Observation[] {
  const base = (fact: PriceFact | ContextWindowFact | BenchmarkFact | LineupFact | ModalityFact) => ({
    provider: fact.provider,
    source: fact.source,
    sourceDate: fact.sourceDate,
    factId: fact.id,
    modelName: fact.modelName,
  });
  const observations: Observation[] = [
    ...inputs.prices.map((fact) => ({
      ...base(fact),
      attribute: "price-per-mtok",
      model: fact.model,
      value: priceValue(fact.price),
    })),
    ...inputs.contextWindows.map((fact) => ({
      ...base(fact),
      attribute: "context-window-tokens",
      model: fact.model,
      value: String(fact.contextTokens),
    })),
    ...inputs.benchmarks.map((fact) => ({
      ...base(fact),
      attribute: `benchmark-${fact.benchmark}`,
      model: fact.model,
      value: `${fact.scorePercent}%`,
    })),
    ...inputs.modalities.map((fact) => ({
      ...base(fact),
      attribute: "input-modalities",
      model: fact.model,
      value: [...fact.inputModalities].sort().join(","),
    })),
    // A lineup conflict is about the provider: which model each guide calls its flagship.
    ...inputs.lineups.map((fact) => ({
      ...base(fact),
      attribute: `${fact.role}-model`,
      model: null,
      value: fact.model ?? "",
    })),
  ];
  return [...observations, ...recommendationObservations(inputs.recommendations)];
}

// Recommendations are compared as the set of models a guide names for a topic and rank.
function recommendationObservations(facts: readonly RecommendationFact[]): Observation[] {
  const grouped = new Map<string, RecommendationFact[]>();
  for (const fact of facts) {
    const key = `${fact.topic}|${fact.rank}|${fact.source}`;
    grouped.set(key, [...(grouped.get(key) ?? []), fact]);
  }
  return [...grouped.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const names = group.map((fact) => (fact.model ? `${fact.provider}/${fact.model}` : fact.provider));
    return group.map((fact) => ({
      attribute: `recommendation-${first.topic}-${first.rank}`,
      provider: "any",
      model: null,
      source: fact.source,
      sourceDate: fact.sourceDate,
      value: [...new Set(names)].sort().join(" + "),
      factId: fact.id,
      modelName: fact.modelName ?? fact.provider,
    }));
  });
}

/** Attributes where at least two guides give different values; every guide's value is kept. */
export function detectGuideConflicts(inputs: ConflictInputs): GuideConflict[] {
  const byKey = new Map<string, Observation[]>();
  for (const observation of observationsOf(inputs)) {
    const key = `${observation.attribute}|${observation.provider}|${observation.model ?? ""}`;
    byKey.set(key, [...(byKey.get(key) ?? []), observation]);
  }
  const conflicts: GuideConflict[] = [];
  for (const group of byKey.values()) {
    const first = group[0];
    const guides = new Set(group.map((observation) => observation.source));
    const values = new Set(group.map((observation) => observation.value));
    if (!first || guides.size < 2 || values.size < 2) continue;
    conflicts.push({
      attribute: first.attribute,
      provider: first.provider,
      model: first.model,
      observations: mergeByGuideAndValue(group),
    });
  }
  return conflicts.sort(
    (a, b) =>
      a.attribute.localeCompare(b.attribute) || (a.model ?? a.provider).localeCompare(b.model ?? b.provider),
  );
}

function mergeByGuideAndValue(group: readonly Observation[]): GuideObservation[] {
  const merged = new Map<string, GuideObservation>();
  for (const observation of group) {
    const key = `${observation.source}|${observation.value}`;
    const existing = merged.get(key) ?? {
      source: observation.source,
      sourceDate: observation.sourceDate,
      value: observation.value,
      factIds: [],
      modelNames: [],
    };
    existing.factIds.push(observation.factId);
    if (observation.modelName && !existing.modelNames.includes(observation.modelName)) {
      existing.modelNames.push(observation.modelName);
    }
    merged.set(key, existing);
  }
  return [...merged.values()].sort(
    (a, b) => a.sourceDate.localeCompare(b.sourceDate) || a.source.localeCompare(b.source),
  );
}
