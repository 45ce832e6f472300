import { asc, eq, sql } from "drizzle-orm";
import { type Db, dbError } from "../client";
import { catalogMeta, type NewQualityScoreRow, type QualityScoreRow, qualityScores } from "../schema";

const CHUNK_ROWS = 500;

/**
 * Appends scores; a row whose fingerprint is already stored for its model is skipped, never updated.
 * The meta entry (what was applied) is written in the same transaction.
 */
export async function insertQualityScores({
  db,
  rows,
  meta,
}: {
  db: Db;
  rows: readonly NewQualityScoreRow[];
  meta: { key: string; value: unknown };
}): Promise<{ added: number }> {
  try {
    return await db.transaction(async (tx) => {
      let added = 0;
      for (let index = 0; index < rows.length; index += CHUNK_ROWS) {
        // A row already stored keeps its observation; only how its name was read (the setting) can
        // change with the matching rules. xmax = 0 tells a new row from an updated one.
        const written = await tx
          .insert(qualityScores)
          .values(rows.slice(index, index + CHUNK_ROWS))
          .onConflictDoUpdate({
            target: [qualityScores.modelId, qualityScores.fingerprint],
            set: { setting: sql`excluded.setting` },
            setWhere: sql`${qualityScores.setting} is distinct from excluded.setting`,
          })
          .returning({ inserted: sql<boolean>`(xmax = 0)` });
        added += written.filter((row) => row.inserted).length;
      }
      await tx
        .insert(catalogMeta)
        .values(meta)
        .onConflictDoUpdate({ target: catalogMeta.key, set: { value: meta.value, updatedAt: new Date() } });
      return { added };
    });
  } catch (error) {
    throw dbError("save the quality scores", error);
  }
}

/** Every stored score, oldest first, so later rows supersede earlier ones when read in order. */
export async function listQualityScores({ db }: { db: Db }): Promise<QualityScoreRow[]> {
  try {
    return await db
      .select()
      .from(qualityScores)
      .orderBy(asc(qualityScores.observedAt), asc(qualityScores.id));
  } catch (error) {
    throw dbError("read the quality scores", error);
  }
}

export async function listQualityScoresByModel({
  db,
  modelId,
}: {
  db: Db;
  modelId: string;
}): Promise<QualityScoreRow[]> {
  try {
    return await db
      .select()
      .from(qualityScores)
      .where(eq(qualityScores.modelId, modelId))
      .orderBy(asc(qualityScores.observedAt), asc(qualityScores.id));
  } catch (error) {
    throw dbError(`read the quality scores of ${modelId}`, error);
  }
}
