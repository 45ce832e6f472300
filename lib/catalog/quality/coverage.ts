import type { CatalogSnapshot } from "@/lib/catalog/types";
import { planQualityRows } from "./store";
import type { QualityScore } from "./types";

/**
 * The two coverage figures the catalog is held to. Scores: of the text models that the named labs
 * released in the last 18 months and that the catalog prices, how many have at least one score.
 * Capabilities: of the current first-party offerings, how many state a release date, a context
 * window and modalities.
 */
export const COVERED_CREATORS = [
  "openai",
  "anthropic",
  "google",
  "meta",
  "mistral",
  "deepseek",
  "x-ai",
  "alibaba",
];
const WINDOW_MONTHS = 18;

/** First-party API providers and the model ids counted as current on each. */
export const CURRENT_FIRST_PARTY: Record<string, RegExp> = {
  openai: /^(gpt-5|o3|o4)/,
  anthropic: /^claude-(opus|sonnet|haiku)-(4|5)/,
  google: /^gemini-(2\.5|3)/,
  deepseek: /^deepseek-/,
  mistral: /^(mistral|magistral|codestral|devstral|ministral)/,
  alibaba: /^qwen3/,
};

export interface CoverageFigure {
  covered: number;
  total: number;
  missing: string[];
}

const percent = (figure: CoverageFigure) =>
  figure.total === 0 ? "n/a" : `${((100 * figure.covered) / figure.total).toFixed(1)}%`;

export function describeCoverage(label: string, figure: CoverageFigure): string {
  return `${label}: ${figure.covered} of ${figure.total} (${percent(figure)})`;
}

function monthsBefore(today: string, months: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

export function scoreCoverage(
  snapshot: CatalogSnapshot,
  scores: readonly QualityScore[],
  today: string,
): CoverageFigure {
  const since = monthsBefore(today, WINDOW_MONTHS);
  const textModels = new Set<string>();
  const priced = new Set<string>();
  for (const offering of snapshot.offerings) {
    if (offering.price) priced.add(offering.modelId);
    const output = offering.modalities.output;
    if (!output || output.includes("text")) textModels.add(offering.modelId);
  }
  const inScope = snapshot.models.filter(
    (model) =>
      model.creator !== null &&
      COVERED_CREATORS.includes(model.creator) &&
      model.releaseDate !== null &&
      model.releaseDate >= since &&
      priced.has(model.id) &&
      textModels.has(model.id) &&
      !/embed|tts|transcribe|whisper|image|audio|realtime|ocr|moderation|guard/.test(model.id),
  );
  const scored = new Set(
    planQualityRows(scores, new Set(inScope.map((model) => model.id))).rows.map((row) => row.modelId),
  );
  const missing = inScope.filter((model) => !scored.has(model.id)).map((model) => model.id);
  return { covered: inScope.length - missing.length, total: inScope.length, missing: missing.sort() };
}

export function capabilityCoverage(snapshot: CatalogSnapshot): CoverageFigure {
  const current = snapshot.offerings.filter((offering) =>
    CURRENT_FIRST_PARTY[offering.providerId]?.test(offering.modelId),
  );
  const missing = current
    .filter(
      (offering) =>
        offering.releaseDate === null ||
        offering.contextWindow === null ||
        offering.modalities.input === null,
    )
    .map((offering) => offering.id);
  return { covered: current.length - missing.length, total: current.length, missing: missing.sort() };
}
