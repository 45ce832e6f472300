import { z } from "zod";
import guidesJson from "./data/guides.json";
import { parseDataFile } from "./data-schema";
import { type GuideId, type GuideSource, guideSourceSchema, type Provenance } from "./types";

// The guides' headers have a file of their own: the calculator and wizard UIs import guideName from
// this module, and must not bring the guides' facts into the browser's bundle.
export const guideSources: readonly GuideSource[] = parseDataFile(
  z.strictObject({ guides: z.array(guideSourceSchema).min(1) }),
  "guides.json",
  guidesJson,
).guides;

const sourceById = new Map(guideSources.map((source) => [source.id, source]));

export function guideSource(id: GuideId): GuideSource {
  const source = sourceById.get(id);
  if (!source) throw new Error(`unknown buying guide ${id}`);
  return source;
}

export function isGuideId(id: string): id is GuideId {
  return sourceById.has(id as GuideId);
}

/**
 * What the product calls a source beside its date: a guide's short title ("2024 production
 * comparison"); any other source (genai-prices, models.dev, a leaderboard) by its own name.
 */
export function guideName(id: string): string {
  return sourceById.get(id as GuideId)?.shortTitle ?? id;
}

/** A guide's full title and publisher, for tooltips and captions; any other source by its own name. */
export function guideTitle(id: string): string {
  const source = sourceById.get(id as GuideId);
  if (!source) return id;
  return `“${source.title}”, ${source.publisher ?? "publisher not named"}`;
}

/** Builds the provenance block every fact carries, so a guide's date is written in one place only. */
export function cite(id: GuideId, quote: string): Provenance {
  return { source: id, sourceDate: guideSource(id).date, quote };
}
