import "server-only";
import { getDb } from "@/db/client";
import {
  deleteEvalSetById,
  type EvalCaseFields,
  getEvalSetById,
  listEvalRunsBySet,
  type UpdateEvalSetOutcome,
  updateEvalSet,
} from "@/db/queries/evals";
import type { EvalCase, EvalSet } from "@/db/schema";
import { canChange } from "@/lib/auth/rules";
import { assertCanChange, currentViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { toJsonl } from "./import";
import { MAX_CASES, type PatchSetRequest } from "./requests";
import type { EvalCaseInput } from "./schema";

/** A case as the API takes it, as the database keeps it. */
export function toCaseFields(item: EvalCaseInput): EvalCaseFields {
  return {
    prompt: item.prompt,
    system: item.system ?? null,
    vars: item.vars ?? null,
    expected: item.expected ?? null,
    assert: item.assert ?? null,
  };
}

/** A set past the case limit is a 413, like a body past the byte limit: the same "too large". */
export function checkCaseCount(count: number): void {
  if (count > MAX_CASES)
    throw new AppError(
      "payload_too_large:evals",
      `A set holds at most ${MAX_CASES.toLocaleString("en-US")} cases; this one has ${count.toLocaleString("en-US")}. Split it into smaller sets.`,
      { details: { maxCases: MAX_CASES, cases: count } },
    );
}

export function caseToJson(item: EvalCase) {
  return {
    id: item.id,
    position: item.position,
    prompt: item.prompt,
    system: item.system,
    vars: item.vars,
    expected: item.expected,
    assert: item.assert,
  };
}

/** The set's current cases as JSONL (what the import reads back), with a file name from the set's name. */
export async function exportSetJsonl(id: string): Promise<{ fileName: string; jsonl: string }> {
  const stored = await getEvalSetById({ db: await getDb(), id });
  if (!stored) throw new AppError("not_found:evals", `No eval set with id ${id}. It may have been deleted.`);
  const cases: EvalCaseInput[] = stored.cases.map((item) => ({
    prompt: item.prompt,
    ...(item.system === null ? {} : { system: item.system }),
    ...(item.vars === null ? {} : { vars: item.vars }),
    ...(item.expected === null ? {} : { expected: item.expected }),
    ...(item.assert === null ? {} : { assert: item.assert as EvalCaseInput["assert"] }),
  }));
  const slug =
    stored.set.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "eval-set";
  return { fileName: `${slug.slice(0, 80)}.jsonl`, jsonl: toJsonl(cases) };
}

export async function readSetWithRuns(id: string) {
  const db = await getDb();
  const stored = await getEvalSetById({ db, id });
  if (!stored) throw new AppError("not_found:evals", `No eval set with id ${id}. It may have been deleted.`);
  const runs = await listEvalRunsBySet({ db, setId: id });
  return {
    ...stored.set,
    createdByName: stored.createdByName,
    /** Every run of the set (the list below holds the latest 50). */
    runCount: stored.runCount,
    /** Whether the caller may edit, import into or delete it (its maker or an admin; anyone without sign-in). */
    canChange: canChange(currentViewer(), stored.set.createdBy),
    cases: stored.cases.map(caseToJson),
    runs,
  };
}

/** The set as stored, or a 404; when sign-in is on, only its maker or an admin may change it. */
async function changeableSet(id: string) {
  const db = await getDb();
  const stored = await getEvalSetById({ db, id });
  if (!stored) throw new AppError("not_found:evals", `No eval set with id ${id}. It may have been deleted.`);
  assertCanChange(stored.set.createdBy, "evals", "eval set");
  return { db, stored };
}

function savedOrThrow(id: string, outcome: UpdateEvalSetOutcome): EvalSet {
  if ("missing" in outcome) throw new AppError("not_found:evals", `No eval set with id ${id}.`);
  if ("conflict" in outcome)
    throw new AppError(
      "precondition_failed:evals",
      `Someone else changed this set (it is now at version ${outcome.conflict.version}). Reload it and make your edit again.`,
      { details: { currentVersion: outcome.conflict.version, etag: `"${outcome.conflict.version}"` } },
    );
  return outcome.updated;
}

export async function patchSet(
  id: string,
  patch: PatchSetRequest,
  ifVersion: number | undefined,
): Promise<EvalSet> {
  if (patch.cases) checkCaseCount(patch.cases.length);
  const { db } = await changeableSet(id);
  const outcome = await updateEvalSet({
    db,
    id,
    fields: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
    },
    cases: patch.cases?.map(toCaseFields),
    ifVersion,
  });
  return savedOrThrow(id, outcome);
}

/**
 * Adds imported cases after the set's current ones, as one edit of the version just read: an edit
 * made meanwhile gets a 412 rather than being overwritten.
 */
export async function appendCasesToSet(id: string, imported: EvalCaseInput[]): Promise<EvalSet> {
  const { db, stored } = await changeableSet(id);
  const current: EvalCaseFields[] = stored.cases.map((item) => ({
    prompt: item.prompt,
    system: item.system,
    vars: item.vars,
    expected: item.expected,
    assert: item.assert,
  }));
  checkCaseCount(current.length + imported.length);
  const outcome = await updateEvalSet({
    db,
    id,
    fields: {},
    cases: [...current, ...imported.map(toCaseFields)],
    ifVersion: stored.set.version,
  });
  return savedOrThrow(id, outcome);
}

export async function deleteSet(id: string): Promise<void> {
  const { db } = await changeableSet(id);
  if (!(await deleteEvalSetById({ db, id })))
    throw new AppError("not_found:evals", `No eval set with id ${id}.`);
}
