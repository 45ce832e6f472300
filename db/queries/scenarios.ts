import { desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db } from "../client";
import { type Scenario, scenarios } from "../schema";

function wrap(action: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("unavailable:database", `Could not ${action}: ${(error as Error).message}`, {
    cause: error,
  });
}

export async function insertScenario({
  db,
  name,
  state,
}: {
  db: Db;
  name: string;
  state: unknown;
}): Promise<Scenario> {
  try {
    const [row] = await db.insert(scenarios).values({ name, state }).returning();
    if (!row) throw new Error("no row returned");
    return row;
  } catch (error) {
    throw wrap("save the scenario", error);
  }
}

export async function getScenarioById({ db, id }: { db: Db; id: string }): Promise<Scenario | null> {
  try {
    const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
    return row ?? null;
  } catch (error) {
    throw wrap("read the scenario", error);
  }
}

/** Most recently saved first. */
export async function listScenarios({ db, limit = 100 }: { db: Db; limit?: number }): Promise<Scenario[]> {
  try {
    return await db.select().from(scenarios).orderBy(desc(scenarios.updatedAt)).limit(limit);
  } catch (error) {
    throw wrap("list scenarios", error);
  }
}

export async function updateScenarioById({
  db,
  id,
  name,
  state,
}: {
  db: Db;
  id: string;
  name: string;
  state: unknown;
}): Promise<Scenario | null> {
  try {
    const [row] = await db
      .update(scenarios)
      .set({ name, state, updatedAt: sql`now()` })
      .where(eq(scenarios.id, id))
      .returning();
    return row ?? null;
  } catch (error) {
    throw wrap("update the scenario", error);
  }
}

export async function deleteScenarioById({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    const deleted = await db.delete(scenarios).where(eq(scenarios.id, id)).returning({ id: scenarios.id });
    return deleted.length > 0;
  } catch (error) {
    throw wrap("delete the scenario", error);
  }
}
