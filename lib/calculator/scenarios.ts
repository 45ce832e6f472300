import { z } from "zod";
import { getDb } from "@/db/client";
import {
  deleteScenarioById,
  getScenarioById,
  insertScenario,
  listScenarios,
  updateScenarioById,
} from "@/db/queries/scenarios";
import type { Scenario } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EstimateRequest, ScenarioInput } from "./schema";

/** A saved calculator scenario; `state` is the estimate request exactly as it was validated on save. */
export type SavedScenario = Omit<Scenario, "state"> & { state: EstimateRequest };

const scenarioIdSchema = z.uuid();

function parseId(id: string): string {
  if (!scenarioIdSchema.safeParse(id).success) {
    throw new AppError("bad_request:calculator", `"${id}" is not a scenario id (expected a UUID).`);
  }
  return id;
}

function notFound(id: string): AppError {
  return new AppError("not_found:calculator", `No scenario with id ${id}. It may have been deleted.`);
}

// State is written only after estimateRequestSchema validated it, so reading it back as such is safe.
const asSaved = (row: Scenario) => row as SavedScenario;

export async function listSavedScenarios(): Promise<SavedScenario[]> {
  return (await listScenarios({ db: await getDb() })).map(asSaved);
}

export async function saveScenario({ name, state }: ScenarioInput): Promise<SavedScenario> {
  return asSaved(await insertScenario({ db: await getDb(), name, state }));
}

export async function getScenario(rawId: string): Promise<SavedScenario> {
  const id = parseId(rawId);
  const row = await getScenarioById({ db: await getDb(), id });
  if (!row) throw notFound(id);
  return asSaved(row);
}

export async function replaceScenario(rawId: string, { name, state }: ScenarioInput): Promise<SavedScenario> {
  const id = parseId(rawId);
  const row = await updateScenarioById({ db: await getDb(), id, name, state });
  if (!row) throw notFound(id);
  return asSaved(row);
}

export async function removeScenario(rawId: string): Promise<void> {
  const id = parseId(rawId);
  if (!(await deleteScenarioById({ db: await getDb(), id }))) throw notFound(id);
}
