import { recommendations2024 } from "./recommendations-2024";
import { recommendations2026 } from "./recommendations-2026";
import type { RecommendationFact } from "./types";

// Split by era only to keep files short; topics are shared across both halves.
export const recommendationFacts: readonly RecommendationFact[] = [
  ...recommendations2026,
  ...recommendations2024,
];
