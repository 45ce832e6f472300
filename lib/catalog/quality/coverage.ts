import type { CatalogSnapshot } from "@/lib/catalog/schema";
import { utcDay } from "@/lib/dates";
import { canonicalId, loadIdentities, type ModelIdentities } from "./identities";
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
  return utcDay(date.getTime());
}

/** Ids the score figure leaves out: no text answers (speech, images, embeddings, moderation). */
const NOT_A_TEXT_MODEL = /embed|tts|transcribe|whisper|asr|image|audio|realtime|ocr|moderation|guard/;

/**
 * Counts models, not ids: a resold copy is folded into its model (released when the earliest of
 * them was), and moving API names ("-latest", DeepSeek's deepseek-chat) are left out, since they
 * name whatever model the lab serves today. Both lists live in model-identities.json.
 */
export function scoreCoverage(
  snapshot: CatalogSnapshot,
  scores: readonly QualityScore[],
  today: string,
  identities: ModelIdentities = loadIdentities(),
): CoverageFigure {
  const since = monthsBefore(today, WINDOW_MONTHS);
  const textModels = new Set<string>();
  const priced = new Set<string>();
  for (const offering of snapshot.offerings) {
    if (offering.price) priced.add(offering.modelId);
    const output = offering.modalities.output;
    if (!output || output.includes("text")) textModels.add(offering.modelId);
  }
  const releasedOn = new Map<string, string>();
  for (const model of snapshot.models) {
    const id = canonicalId(model.id, identities);
    const known = releasedOn.get(id);
    if (model.releaseDate && (!known || model.releaseDate < known)) releasedOn.set(id, model.releaseDate);
  }
  const candidates = snapshot.models.filter(
    (model) =>
      model.creator !== null &&
      COVERED_CREATORS.includes(model.creator) &&
      !(model.id in identities.pointers) &&
      priced.has(model.id) &&
      textModels.has(model.id) &&
      !NOT_A_TEXT_MODEL.test(model.id),
  );
  const inScope = [...new Set(candidates.map((model) => canonicalId(model.id, identities)))].filter(
    (id) => (releasedOn.get(id) ?? "") >= since,
  );
  const scored = new Set(
    planQualityRows(
      scores,
      new Set(snapshot.models.map((model) => model.id)),
      undefined,
      identities,
    ).rows.map((row) => canonicalId(row.modelId, identities)),
  );
  const missing = inScope.filter((id) => !scored.has(id));
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
