import type { Provenance, SeedId, SeedSource } from "./types";

export const seedSources: readonly SeedSource[] = [
  {
    id: "seed-000",
    title: "Choosing an LLM API for a production system in 2026 (buying guide)",
    shortTitle: "2026 production buying guide",
    fileName: "2026-01-choosing-an-llm-api-for-production.txt",
    date: "2026-01",
    datePrecision: "approximate-month",
    dateNote:
      "No month or day is printed. The guide opens 'Choosing an LLM API for a production system in 2026', " +
      "says OpenAI 'improved its uptime significantly through 2025' and dates its price table " +
      "'as of early 2026'. Recorded as 2026-01, the first month of 'early 2026', so it sorts before " +
      "seed-001 (April 2026); treat the month as approximate.",
  },
  {
    id: "seed-001",
    title: "What Is an LLM API? A Complete Beginner's Guide to Large Language Model APIs (2026)",
    shortTitle: "TokenMix.ai beginner's guide",
    fileName: "2026-04-what-is-an-llm-api-beginners-guide.txt",
    date: "2026-04",
    datePrecision: "month",
    dateNote:
      "Title says (2026); the text says 'All pricing data tracked by TokenMix.ai as of April 2026' and " +
      "'Prices as of April 2026'. No day is given.",
    publisherNote:
      "Written around TokenMix.ai, an aggregator it recommends ('Start with GPT-4.1 mini through TokenMix.ai'). " +
      "Several '$1' amounts are missing from the text; see prices.ts.",
  },
  {
    id: "seed-002",
    title: "A practical comparison of production AI models at the end of 2024",
    shortTitle: "2024 production comparison",
    fileName: "2024-11-production-ai-models-comparison.txt",
    date: "2024-11",
    datePrecision: "month",
    dateNote:
      "The pricing section is headed 'Pricing (November 2024)' and the intro says 'at the end of 2024'. " +
      "No day is given.",
  },
];

const sourceById = new Map(seedSources.map((source) => [source.id, source]));

export function seedSource(id: SeedId): SeedSource {
  const source = sourceById.get(id);
  if (!source) throw new Error(`unknown seed ${id}`);
  return source;
}

/** What the product calls a guide beside its date ("2024 production comparison"); other ids as they are. */
export function guideName(id: string): string {
  return sourceById.get(id as SeedId)?.shortTitle ?? id;
}

/** Builds the provenance block every fact carries, so a seed's date is written in one place only. */
export function cite(id: SeedId, quote: string): Provenance {
  return { source: id, sourceDate: seedSource(id).date, quote };
}
