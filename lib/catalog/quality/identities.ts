import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Catalog ids that are not models of their own: the same weights resold under another id
 * (sameModel), and moving API names such as "-latest" that follow whatever model a lab
 * currently serves (pointers). Each entry states its evidence; an id not listed is its own model.
 */
export const IDENTITIES_PATH = path.join(process.cwd(), "lib", "catalog", "data", "model-identities.json");

const modelId = z.string().regex(/^[a-z0-9.:-]+$/);
export const identitiesSchema = z.object({
  sameModel: z.record(modelId, z.object({ as: modelId, evidence: z.string().min(10) })),
  pointers: z.record(modelId, z.string().min(10)),
});
export type ModelIdentities = z.infer<typeof identitiesSchema>;

let cached: ModelIdentities | null = null;
export function loadIdentities(): ModelIdentities {
  cached ??= identitiesSchema.parse(JSON.parse(readFileSync(IDENTITIES_PATH, "utf8")));
  return cached;
}

/** The id a model is counted and scored under: its canonical id for a resold copy, else itself. */
export function canonicalId(id: string, identities: ModelIdentities = loadIdentities()): string {
  return identities.sameModel[id]?.as ?? id;
}

/** Ids that share the canonical model's scores (resold copies), excluding the canonical id itself. */
export function copiesOf(id: string, identities: ModelIdentities = loadIdentities()): string[] {
  return Object.entries(identities.sameModel).flatMap(([copy, entry]) => (entry.as === id ? [copy] : []));
}
