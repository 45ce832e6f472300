import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Db, dbError } from "../client";
import { type Scenario, scenarios } from "../schema";

export async function insertScenario({
  db,
  name,
  state,
  createdBy = null,
}: {
  db: Db;
  name: string;
  state: unknown;
  createdBy?: string | null;
}): Promise<Scenario> {
  try {
    const [row] = await db.insert(scenarios).values({ name, state, createdBy }).returning();
    if (!row) throw new Error("no row returned");
    return row;
  } catch (error) {
    throw dbError("save the scenario", error);
  }
}

export async function getScenarioById({ db, id }: { db: Db; id: string }): Promise<Scenario | null> {
  try {
    const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
    return row ?? null;
  } catch (error) {
    throw dbError("read the scenario", error);
  }
}

/** Most recently saved first. */
export async function listScenarios({ db, limit = 100 }: { db: Db; limit?: number }): Promise<Scenario[]> {
  try {
    return await db.select().from(scenarios).orderBy(desc(scenarios.updatedAt)).limit(limit);
  } catch (error) {
    throw dbError("list scenarios", error);
  }
}

/** With `versions`, writes only while the row is still at one of them (If-Match); null otherwise. */
export async function updateScenarioById({
  db,
  id,
  name,
  state,
  versions,
}: {
  db: Db;
  id: string;
  name: string;
  state: unknown;
  versions?: number[];
}): Promise<Scenario | null> {
  try {
    const [row] = await db
      .update(scenarios)
      .set({ name, state, version: sql`${scenarios.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(scenarios.id, id), versions ? inArray(scenarios.version, versions) : undefined))
      .returning();
    return row ?? null;
  } catch (error) {
    throw dbError("update the scenario", error);
  }
}

export async function deleteScenarioById({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    const deleted = await db.delete(scenarios).where(eq(scenarios.id, id)).returning({ id: scenarios.id });
    return deleted.length > 0;
  } catch (error) {
    throw dbError("delete the scenario", error);
  }
}
