import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, dbError } from "../client";
import {
  catalogMeta,
  type EditorialFact,
  editorialFacts,
  models,
  type NewEditorialFact,
  type NewModel,
  type NewOffering,
  type NewPriceObservation,
  type NewProvider,
  type Offering,
  offerings,
  type PriceObservation,
  type Provider,
  priceObservations,
  providers,
} from "../schema";

// Postgres caps a statement at 65,535 parameters; offerings have ~20 columns.
const CHUNK_ROWS = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < rows.length; index += CHUNK_ROWS)
    out.push(rows.slice(index, index + CHUNK_ROWS));
  return out;
}

export interface CatalogWrite {
  providers: NewProvider[];
  models: NewModel[];
  offerings: NewOffering[];
  /** Offerings no longer present upstream; they are marked removed, never deleted. */
  removedOfferingIds: string[];
  observations: NewPriceObservation[];
  editorial: NewEditorialFact[];
  meta: Record<string, unknown>;
}

/** Writes a catalog load or sync in one transaction; price observations are only ever appended. */
export async function upsertCatalog({
  db,
  write,
}: {
  db: Db;
  write: CatalogWrite;
}): Promise<{ observationsAdded: number }> {
  try {
    return await db.transaction(async (tx) => {
      for (const rows of chunks(write.providers)) {
        await tx
          .insert(providers)
          .values(rows)
          .onConflictDoUpdate({
            target: providers.id,
            set: {
              name: sql`excluded.name`,
              website: sql`excluded.website`,
              pricingUrl: sql`excluded.pricing_url`,
              docsUrl: sql`excluded.docs_url`,
              envKey: sql`excluded.env_key`,
            },
          });
      }
      for (const rows of chunks(write.models)) {
        await tx
          .insert(models)
          .values(rows)
          .onConflictDoUpdate({
            target: models.id,
            set: {
              name: sql`excluded.name`,
              creator: sql`excluded.creator`,
              family: sql`excluded.family`,
              openWeights: sql`excluded.open_weights`,
              releaseDate: sql`excluded.release_date`,
              knowledgeCutoff: sql`excluded.knowledge_cutoff`,
            },
          });
      }
      for (const rows of chunks(write.offerings)) {
        await tx
          .insert(offerings)
          .values(rows)
          .onConflictDoUpdate({
            target: offerings.id,
            set: {
              providerId: sql`excluded.provider_id`,
              modelId: sql`excluded.model_id`,
              providerModelId: sql`excluded.provider_model_id`,
              name: sql`excluded.name`,
              contextWindow: sql`excluded.context_window`,
              maxOutputTokens: sql`excluded.max_output_tokens`,
              inputModalities: sql`excluded.input_modalities`,
              outputModalities: sql`excluded.output_modalities`,
              toolCall: sql`excluded.tool_call`,
              reasoning: sql`excluded.reasoning`,
              structuredOutput: sql`excluded.structured_output`,
              attachment: sql`excluded.attachment`,
              openWeights: sql`excluded.open_weights`,
              releaseDate: sql`excluded.release_date`,
              knowledgeCutoff: sql`excluded.knowledge_cutoff`,
              deprecated: sql`excluded.deprecated`,
              capabilitySource: sql`excluded.capability_source`,
              removedAt: sql`null`,
              updatedAt: sql`now()`,
            },
          });
      }
      for (const ids of chunks(write.removedOfferingIds)) {
        await tx
          .update(offerings)
          .set({ removedAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(inArray(offerings.id, ids), isNull(offerings.removedAt)));
      }
      let observationsAdded = 0;
      for (const rows of chunks(write.observations)) {
        const inserted = await tx
          .insert(priceObservations)
          .values(rows)
          .onConflictDoNothing()
          .returning({ id: priceObservations.id });
        observationsAdded += inserted.length;
      }
      for (const rows of chunks(write.editorial)) {
        await tx
          .insert(editorialFacts)
          .values(rows)
          .onConflictDoUpdate({
            target: editorialFacts.id,
            set: {
              subjectType: sql`excluded.subject_type`,
              subjectId: sql`excluded.subject_id`,
              kind: sql`excluded.kind`,
              text: sql`excluded.text`,
              data: sql`excluded.data`,
              source: sql`excluded.source`,
              sourceDate: sql`excluded.source_date`,
            },
          });
      }
      for (const [key, value] of Object.entries(write.meta)) {
        await tx
          .insert(catalogMeta)
          .values({ key, value })
          .onConflictDoUpdate({
            target: catalogMeta.key,
            set: { value: sql`excluded.value`, updatedAt: sql`now()` },
          });
      }
      return { observationsAdded };
    });
  } catch (error) {
    throw dbError("write the catalog", error);
  }
}

export async function readCatalogMeta({ db, key }: { db: Db; key: string }): Promise<unknown> {
  try {
    const [row] = await db.select().from(catalogMeta).where(eq(catalogMeta.key, key));
    return row?.value ?? null;
  } catch (error) {
    throw dbError("read catalog metadata", error);
  }
}

export interface CatalogTables {
  providers: Provider[];
  offerings: Offering[];
  observations: PriceObservation[];
}

/** Everything the in-memory catalog needs, in three queries. */
export async function listCatalogTables({ db }: { db: Db }): Promise<CatalogTables> {
  try {
    const [providerRows, offeringRows, observationRows] = await Promise.all([
      db.select().from(providers).orderBy(asc(providers.id)),
      db.select().from(offerings).orderBy(asc(offerings.id)),
      db
        .select()
        .from(priceObservations)
        .orderBy(
          asc(priceObservations.offeringId),
          sql`${priceObservations.effectiveFrom} asc nulls first`,
          asc(priceObservations.observedAt),
          asc(priceObservations.id),
        ),
    ]);
    return { providers: providerRows, offerings: offeringRows, observations: observationRows };
  } catch (error) {
    throw dbError("read the catalog", error);
  }
}

export async function listEditorialFactsBySubjects({
  db,
  subjectIds,
}: {
  db: Db;
  subjectIds: string[];
}): Promise<EditorialFact[]> {
  if (subjectIds.length === 0) return [];
  try {
    return await db
      .select()
      .from(editorialFacts)
      .where(inArray(editorialFacts.subjectId, subjectIds))
      .orderBy(asc(editorialFacts.sourceDate), asc(editorialFacts.id));
  } catch (error) {
    throw dbError("read editorial notes", error);
  }
}
