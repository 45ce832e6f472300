import { benchmarkFacts } from "@/lib/catalog/guides/load-data";
import type { QualityScore } from "../types";

/** The buying guides' benchmark figures (the 2024 comparison), carried over as scores with their citation. */
export function buyingGuideScores(): QualityScore[] {
  return benchmarkFacts.map((fact) => ({
    source: "buying-guides",
    benchmark: fact.benchmark,
    split: fact.benchmarkLabel,
    modelTested: fact.modelName ?? fact.model ?? fact.id,
    setting: null,
    value: String(fact.scorePercent),
    unit: "percent",
    ciLow: null,
    ciHigh: null,
    sampleSize: null,
    details: { citation: fact.source, quote: fact.quote },
    sourceDate: fact.sourceDate,
    // The guides are committed texts without a public address; details.citation names the guide (its id, e.g. guide-2024-11).
    url: null,
  }));
}
