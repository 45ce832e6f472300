import { z } from "zod";
import { getDb } from "@/db/client";
import {
  deleteSessionById,
  getSessionById,
  listRunsWithResultsBySession,
  listSessions,
  type RunWithResults,
  updateSessionTitle,
} from "@/db/queries/sessions";
import type { Session } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatMs, formatUsd, trimDecimal } from "@/lib/format";
import { storableString, storableText } from "@/lib/storable-text";

const sessionIdSchema = z.uuid("That is not a session id.");
export const renameSchema = z.object({
  title: storableString("title must be text").pipe(
    z.string().trim().min(1, "Give the session a name").max(200, "Keep the name under 200 characters"),
  ),
});

export interface SessionDetail extends Session {
  runs: RunWithResults[];
}

/** Sessions as the API shows them: without the client address they were started from. */
function withoutClient<T extends { clientId: string | null }>(row: T): Omit<T, "clientId"> {
  const { clientId: _clientId, ...rest } = row;
  return rest;
}

function parseId(id: string): string {
  const parsed = sessionIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("bad_request:history", `"${id}" is not a session id.`);
  return parsed.data;
}

export async function getSessionDetail(rawId: string): Promise<Omit<SessionDetail, "clientId">> {
  const id = parseId(rawId);
  const db = await getDb();
  const session = await getSessionById({ db, id });
  if (!session)
    throw new AppError("not_found:history", `No session with id ${id}. It may have been deleted.`);
  return { ...withoutClient(session), runs: await listRunsWithResultsBySession({ db, sessionId: id }) };
}

export async function searchSessions(q: string | undefined) {
  const search = q === undefined ? undefined : storableText(q).trim();
  return (await listSessions({ db: await getDb(), q: search || undefined })).map(withoutClient);
}

export async function renameSession(rawId: string, title: string): Promise<Omit<Session, "clientId">> {
  const session = await updateSessionTitle({ db: await getDb(), id: parseId(rawId), title });
  if (!session) throw new AppError("not_found:history", "That session no longer exists.");
  return withoutClient(session);
}

export async function removeSession(rawId: string): Promise<void> {
  const deleted = await deleteSessionById({ db: await getDb(), id: parseId(rawId) });
  if (!deleted) throw new AppError("not_found:history", "That session no longer exists.");
}

/** A readable record of the whole conversation, pane by pane, with the numbers under each answer. */
export function sessionToMarkdown(session: Omit<SessionDetail, "clientId">): string {
  const lines = [`# ${session.title}`, "", `Created ${session.createdAt.toISOString()}`, ""];
  for (const run of session.runs) {
    lines.push(`## Turn ${run.turnIndex + 1}`, "");
    if (run.system) lines.push("**System:**", "", run.system, "");
    lines.push("**Prompt:**", "", run.prompt, "");
    for (const result of run.results) {
      lines.push(`### ${result.modelId}${result.simulated ? " (Simulated)" : ""}`, "");
      lines.push(result.output || "_(no output)_", "");
      const cost = result.costUsd === null ? "unknown" : formatUsd(trimDecimal(result.costUsd));
      lines.push(
        `> ${result.status}${result.errorMessage ? `: ${result.errorMessage}` : ""} · TTFT ${formatMs(result.ttftMs)} · total ${formatMs(result.durationMs)} · ${result.inputTokens ?? "?"} in / ${result.outputTokens ?? "?"} out tokens${result.estimated ? " (estimated)" : ""} · cost ${cost}`,
        "",
      );
    }
  }
  return `${lines.join("\n").trim()}\n`;
}
