import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import {
  deleteScenarioById,
  getScenarioById,
  insertScenario,
  listScenarios,
  updateScenarioById,
} from "@/db/queries/scenarios";
import type { Scenario } from "@/db/schema";
import { assertCanChange, currentUserId } from "@/lib/auth/viewer";
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
  return asSaved(await insertScenario({ db: await getDb(), name, state, createdBy: currentUserId() }));
}

export async function getScenario(rawId: string): Promise<SavedScenario> {
  const id = parseId(rawId);
  const row = await getScenarioById({ db: await getDb(), id });
  if (!row) throw notFound(id);
  return asSaved(row);
}

/** The strong validator of a scenario's current content, sent as ETag and expected back in If-Match. */
export function scenarioEtag(scenario: Pick<Scenario, "version">): string {
  return `"${scenario.version}"`;
}

/** The versions an If-Match header accepts; undefined for none or `*`, which accept any version. */
function parseIfMatch(ifMatch: string | null): number[] | undefined {
  if (!ifMatch || ifMatch.trim() === "*") return undefined;
  return ifMatch
    .split(",")
    .map((tag) => /^\s*"(\d+)"\s*$/.exec(tag)?.[1])
    .filter((version) => version !== undefined)
    .map(Number);
}

function changedElsewhere(current: Scenario): AppError {
  const etag = scenarioEtag(current);
  return new AppError(
    "precondition_failed:calculator",
    `Someone else changed the scenario "${current.name}" after you opened it. ` +
      "Reload it to see their version, or save again to overwrite it.",
    {
      details: { currentVersion: current.version, etag, updatedAt: current.updatedAt },
      headers: { ETag: etag },
    },
  );
}

/** Replaces a scenario; with If-Match, only while it is still the version the caller loaded (else 412). */
export async function replaceScenario(
  rawId: string,
  { name, state }: ScenarioInput,
  { ifMatch = null }: { ifMatch?: string | null } = {},
): Promise<SavedScenario> {
  const id = parseId(rawId);
  const db = await getDb();
  await assertOwnScenario(db, id);
  const versions = parseIfMatch(ifMatch);
  const row = versions?.length === 0 ? null : await updateScenarioById({ db, id, name, state, versions });
  if (row) return asSaved(row);
  const current = versions ? await getScenarioById({ db, id }) : null;
  if (current) throw changedElsewhere(current);
  throw notFound(id);
}

export async function removeScenario(rawId: string): Promise<void> {
  const id = parseId(rawId);
  const db = await getDb();
  await assertOwnScenario(db, id);
  if (!(await deleteScenarioById({ db, id }))) throw notFound(id);
}

/** On a team only its author or an admin changes a scenario (403); a missing one is left to the 404. */
async function assertOwnScenario(db: Db, id: string): Promise<void> {
  const current = await getScenarioById({ db, id });
  if (current) assertCanChange(current.createdBy, "calculator", "scenario");
}
