import "server-only";
import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import {
  deleteSessionById,
  getSessionById,
  listRunsWithResultsBySession,
  listSessions,
  type RunWithResults,
  type SessionPosition,
  updateSessionTitle,
} from "@/db/queries/sessions";
import type { Session } from "@/db/schema";
import { canChange } from "@/lib/auth/rules";
import { assertCanChange, currentViewer } from "@/lib/auth/viewer";
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

export const SESSIONS_PAGE_MAX = 100;

const CURSOR_PATTERN = /^(\d{1,20})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Cursors are opaque to callers, so the order key behind them can change without breaking clients. */
function encodeCursor(position: SessionPosition): string {
  return Buffer.from(`${position.updatedMicros}.${position.id}`).toString("base64url");
}

export const sessionCursorSchema = z.string().transform((cursor, context): SessionPosition => {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, "base64url").toString());
  if (!match?.[1] || !match[2]) {
    context.addIssue({
      code: "custom",
      message: "cursor is not one this API gave out; pass nextCursor from the previous page unchanged",
    });
    return z.NEVER;
  }
  return { updatedMicros: match[1], id: match[2] };
});

/** One page of sessions, newest first; `nextCursor` is null on the last page. */
export async function searchSessions({
  q,
  limit = SESSIONS_PAGE_MAX,
  after,
}: {
  q?: string;
  limit?: number;
  after?: SessionPosition;
}) {
  const search = q === undefined ? undefined : storableText(q).trim();
  const page = await listSessions({ db: await getDb(), q: search || undefined, limit, after });
  return {
    sessions: page.sessions.map((session) => ({
      ...withoutClient(session),
      canChange: canChange(currentViewer(), session.createdBy),
    })),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}

export async function renameSession(rawId: string, title: string): Promise<Omit<Session, "clientId">> {
  const id = parseId(rawId);
  const db = await getDb();
  await assertOwnSession(db, id);
  const session = await updateSessionTitle({ db, id, title });
  if (!session) throw new AppError("not_found:history", "That session no longer exists.");
  return withoutClient(session);
}

export async function removeSession(rawId: string): Promise<void> {
  const id = parseId(rawId);
  const db = await getDb();
  await assertOwnSession(db, id);
  const deleted = await deleteSessionById({ db, id });
  if (!deleted) throw new AppError("not_found:history", "That session no longer exists.");
}

/** Everyone on a team sees every session; only its creator or an admin renames or deletes it (403). */
async function assertOwnSession(db: Db, id: string): Promise<void> {
  const session = await getSessionById({ db, id });
  if (session) assertCanChange(session.createdBy, "history", "session");
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
