import { and, asc, eq, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
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

/**
 * The `set` of an upsert that takes every column from the incoming row (`excluded.<column>`), except
 * the key and the given columns, which keep their stored value unless `overrides` sets them.
 */
function fromIncoming<Table extends PgTable>(
  table: Table,
  keep: readonly (keyof Table["_"]["columns"])[],
  overrides: Partial<Record<keyof Table["_"]["columns"], SQL>> = {},
): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column.primary || keep.includes(key)) continue;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return { ...set, ...overrides };
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
            set: fromIncoming(providers, ["createdAt"]),
          });
      }
      for (const rows of chunks(write.models)) {
        await tx
          .insert(models)
          .values(rows)
          .onConflictDoUpdate({
            target: models.id,
            set: fromIncoming(models, ["createdAt"]),
          });
      }
      for (const rows of chunks(write.offerings)) {
        await tx
          .insert(offerings)
          .values(rows)
          .onConflictDoUpdate({
            target: offerings.id,
            set: fromIncoming(offerings, ["createdAt"], { removedAt: sql`null`, updatedAt: sql`now()` }),
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
            set: fromIncoming(editorialFacts, ["createdAt"]),
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
