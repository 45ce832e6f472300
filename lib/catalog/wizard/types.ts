import type { DecisionRule, ModelTagFact } from "../guides";
import type { CatalogEntry } from "../schema";

export interface WizardReason {
  text: string;
  kind: "fit" | "caution";
  /** "guide-2024-11" for the guides, "genai-prices" / "models.dev" for catalog facts. */
  source?: string;
  sourceDate?: string;
  quote?: string;
}

export interface WizardCandidate {
  entry: CatalogEntry;
  score: number;
  blendedPerMTok: string | null;
  reasons: WizardReason[];
  alsoOn: { id: string; providerName: string }[];
}

export type HardFilter = "not-chat" | "deprecated" | "context" | "modality" | "open-weights" | "eu-hosting";

export interface WizardResult {
  candidates: WizardCandidate[];
  fallback: { candidate: WizardCandidate; reasons: WizardReason[] } | null;
  /** Offerings left out, under the first hard filter each failed; unknown = the catalog does not say. */
  excludedCounts: Record<HardFilter, { failed: number; unknown: number }>;
  matchingModels: number;
  matchingOfferings: number;
  /** The guide's router pattern applied to the ranked models: a cheap model first, a strong one for the rest. */
  router: WizardRouterSuggestion | null;
}

export interface WizardRouterSuggestion {
  name: string;
  benefit: string | null;
  simple: WizardCandidate | null;
  complex: WizardCandidate | null;
  taskShare: WizardReason;
  citation: WizardReason;
}

export interface WizardEditorial {
  rules: readonly DecisionRule[];
  tagFacts: readonly ModelTagFact[];
}
