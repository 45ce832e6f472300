import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { listCatalogTables, readCatalogMeta } from "@/db/queries/catalog";
import { insertQualityScores } from "@/db/queries/quality";
import type { NewQualityScoreRow } from "@/db/schema";
import { fingerprint } from "@/lib/catalog/store/load";
import { canonicalId, copiesOf, loadIdentities, type ModelIdentities } from "./identities";
import { type AliasTable, loadAliases, matchModelName } from "./match";
import { type QualityFile, type QualityScore, qualityFileSchema } from "./types";

/** The committed scores, rebuilt by `npx tsx lib/catalog/quality/build-cli.ts`. */
export const QUALITY_FILE_PATH = path.join(process.cwd(), "lib", "catalog", "data", "quality.json");

let cached: QualityFile | null = null;
export function loadQualityFile(): QualityFile {
  cached ??= qualityFileSchema.parse(JSON.parse(readFileSync(QUALITY_FILE_PATH, "utf8")));
  return cached;
}

/** What identifies one observation: the same score re-read is the same row; a new value is a new row. */
export function scoreFingerprint(score: QualityScore): string {
  return fingerprint(
    score.source,
    score.benchmark,
    score.split,
    score.modelTested,
    score.value,
    score.ciLow,
    score.ciHigh,
  );
}

export function planQualityRows(
  scores: readonly QualityScore[],
  modelIds: ReadonlySet<string>,
  aliases: AliasTable = loadAliases(),
  identities: ModelIdentities = loadIdentities(),
): { rows: NewQualityScoreRow[]; unmatched: string[] } {
  const rows: NewQualityScoreRow[] = [];
  const unmatched = new Set<string>();
  for (const score of scores) {
    const match = matchModelName(score.modelTested, modelIds, aliases);
    if (!match) {
      unmatched.add(`${score.source}: ${score.modelTested}`);
      continue;
    }
    // A resold copy of a model (model-identities.json) carries the same scores as the model.
    const canonical = canonicalId(match.modelId, identities);
    const targets = [canonical, ...copiesOf(canonical, identities)].filter((id) => modelIds.has(id));
    for (const modelId of targets.length > 0 ? targets : [match.modelId])
      rows.push({
        modelId,
        source: score.source,
        benchmark: score.benchmark,
        split: score.split,
        modelTested: score.modelTested,
        setting: settingOf(score.setting, match.setting),
        value: score.value,
        unit: score.unit,
        ciLow: score.ciLow,
        ciHigh: score.ciHigh,
        sampleSize: score.sampleSize,
        details: score.details,
        sourceDate: score.sourceDate,
        url: score.url,
        fingerprint: scoreFingerprint(score),
      });
  }
  return { rows, unmatched: [...unmatched].sort() };
}

export function unmatchedNames(scores: readonly QualityScore[], modelIds: ReadonlySet<string>): string[] {
  return planQualityRows(scores, modelIds).unmatched;
}

export interface QualityApplyResult {
  scores: number;
  added: number;
  unmatched: string[];
}

export const QUALITY_META_KEY = "appliedQuality";

/** Attaches a score file to the catalog's priced models and appends what is new. */
export async function applyQualityFile(db: Db, file: QualityFile): Promise<QualityApplyResult> {
  const tables = await listCatalogTables({ db });
  const modelIds = new Set(tables.offerings.map((offering) => offering.modelId));
  const { rows, unmatched } = planQualityRows(file.scores, modelIds);
  const meta = {
    key: QUALITY_META_KEY,
    value: { generatedAt: file.generatedAt, sources: file.sources, matching: matchingHash() },
  };
  const { added } = await insertQualityScores({ db, rows, meta });
  return { scores: rows.length, added, unmatched };
}

/** Bumped when the rules that read names change (settingOf); stored rows are then read anew. */
const MATCHING_RULES_VERSION = 2;

/** The name-matching tables (aliases, resold copies) and rules as one value: when they change, names match anew. */
export function matchingHash(): string {
  return fingerprint(loadAliases(), loadIdentities(), MATCHING_RULES_VERSION);
}

/**
 * Loads the committed scores once per new file, and again when the matching tables change (a new alias
 * attaches scores the file already had); the catalog must already be loaded.
 */
export async function ensureBundledQuality(db: Db): Promise<QualityApplyResult | null> {
  const file = loadQualityFile();
  const applied = (await readCatalogMeta({ db, key: QUALITY_META_KEY })) as {
    generatedAt: string;
    matching?: string;
  } | null;
  if (applied && applied.generatedAt >= file.generatedAt && applied.matching === matchingHash()) return null;
  return applyQualityFile(db, file);
}

/**
 * A board's own setting column and what the name says (OpenRouter's ":thinking", an "-high" suffix):
 * both are kept, the name's reading first when it already includes the column's.
 */
function settingOf(column: string | null, fromName: string | null): string | null {
  if (!column || !fromName) return column ?? fromName;
  return fromName.split(" ").includes(column) ? fromName : `${fromName}, ${column}`;
}
