import { z } from "zod";
import guidesJson from "./data/guides.json";
import { parseDataFile } from "./data-schema";
import { type Provenance, type SeedId, type SeedSource, seedSourceSchema } from "./types";

// The guides' headers have a file of their own: the calculator and wizard UIs import guideName from
// this module, and must not bring the guides' facts into the browser's bundle.
export const seedSources: readonly SeedSource[] = parseDataFile(
  z.strictObject({ guides: z.array(seedSourceSchema).min(1) }),
  "guides.json",
  guidesJson,
).guides;

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
