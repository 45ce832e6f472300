"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { wideInputClass } from "@/components/ui/control-class";
import { ErrorNote } from "@/components/ui/error-note";
import { formatInteger, formatUsd } from "@/lib/format";
import type { SessionSummaryJson } from "@/lib/history/api-types";
import { exactUsdTitle, formatDateTime, isSimulatedModel, ModelChip, SimulatedBadge } from "./history-ui";
import { SessionDetail } from "./session-detail";
import { useDeleteSession, useRenameSession } from "./use-history-api";

type Mode = "view" | "rename" | "confirm-delete";

const linkButtonClass = buttonClassName("secondary", "sm");

function RenameForm({ session, onDone }: { session: SessionSummaryJson; onDone: () => void }) {
  const rename = useRenameSession();
  const [title, setTitle] = useState(session.title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: session.id, title }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="flex min-w-0 flex-1 basis-full flex-col gap-2 sm:basis-80">
      <div className="flex min-w-0 flex-wrap gap-2">
        <input
          data-testid="session-rename-input"
          aria-label="Session name"
          className={`${wideInputClass} flex-1 basis-48`}
          value={title}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field.
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") onDone();
          }}
        />
        <Button
          type="submit"
          variant="primary"
          size="sm"
          data-testid="session-rename-save"
          disabled={rename.isPending}
        >
          {rename.isPending ? "Saving…" : "Save"}
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {rename.isError ? <ErrorNote message={rename.error.message} /> : null}
    </form>
  );
}

function DeleteConfirm({ session, onCancel }: { session: SessionSummaryJson; onCancel: () => void }) {
  const remove = useDeleteSession();
  return (
    <ConfirmDelete
      confirmLabel="Delete session"
      confirmTestId="session-delete-confirm"
      pending={remove.isPending}
      error={remove.isError ? remove.error.message : null}
      onConfirm={() => remove.mutate(session.id)}
      onCancel={onCancel}
    >
      Delete <span className="font-medium">“{session.title}”</span> and its answers? Its usage stays in the
      Usage tab.
    </ConfirmDelete>
  );
}

function SessionCost({ costUsd }: { costUsd: string | null }) {
  return (
    <span
      data-testid="session-cost"
      title={exactUsdTitle(costUsd, "No model in this session has a known price")}
      className={`font-mono text-sm tabular ${costUsd === null ? "text-muted" : "font-medium"}`}
    >
      {formatUsd(costUsd)}
    </span>
  );
}

/** One saved session: summary, actions, and (when open) the whole conversation. */
export function SessionRow({ session }: { session: SessionSummaryJson }) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>("view");
  const simulated = session.models.some(isSimulatedModel);
  const exportHref = (format: "md" | "json") =>
    `/api/sessions/${encodeURIComponent(session.id)}/export?format=${format}`;

  return (
    <li data-testid="session-row" data-session-id={session.id} className="min-w-0 px-3 py-3 sm:px-4">
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-x-4 gap-y-2">
        {mode === "rename" ? (
          <RenameForm session={session} onDone={() => setMode("view")} />
        ) : (
          <button
            type="button"
            className="min-w-0 flex-1 basis-60 text-left"
            onClick={() => setOpen((value) => !value)}
          >
            <span data-testid="session-title" className="block break-words font-medium hover:text-accent-600">
              {session.title}
            </span>
          </button>
        )}
        <div className="flex shrink-0 items-center gap-2">
          {simulated ? <SimulatedBadge /> : null}
          <SessionCost costUsd={session.costUsd} />
        </div>
      </div>
      <div className="mt-1 flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-muted">
        <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
        {session.createdByName ? <span data-testid="session-creator">by {session.createdByName}</span> : null}
        <span data-testid="session-turns">
          {formatInteger(session.turns)} {session.turns === 1 ? "turn" : "turns"}
        </span>
        <span className="flex min-w-0 flex-wrap gap-1">
          {session.models.map((modelId) => (
            <ModelChip key={modelId} modelId={modelId} />
          ))}
        </span>
      </div>
      {mode === "confirm-delete" ? (
        <div className="mt-3">
          <DeleteConfirm session={session} onCancel={() => setMode("view")} />
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-1.5">
        <Button
          size="sm"
          data-testid="session-open"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? "Close" : "Open"}
        </Button>
        {session.canChange ? (
          <Link
            data-testid="session-continue"
            className={linkButtonClass}
            href={`/playground?session=${encodeURIComponent(session.id)}`}
          >
            Continue
          </Link>
        ) : null}
        <Link
          data-testid="session-rerun"
          className={linkButtonClass}
          href={`/playground?from=${encodeURIComponent(session.id)}`}
          title="Run the last prompt again, with other models"
        >
          Run again…
        </Link>
        {session.canChange ? (
          <Button size="sm" data-testid="session-rename" onClick={() => setMode("rename")}>
            Rename
          </Button>
        ) : null}
        <a data-testid="session-export-md" className={linkButtonClass} href={exportHref("md")} download>
          Export .md
        </a>
        <a data-testid="session-export-json" className={linkButtonClass} href={exportHref("json")} download>
          Export .json
        </a>
        {session.canChange ? (
          <Button
            variant="danger-outline"
            size="sm"
            data-testid="session-delete"
            onClick={() => setMode("confirm-delete")}
          >
            Delete
          </Button>
        ) : null}
      </div>
      {open ? (
        <div className="-mx-3 mt-4 border-t border-zinc-100 bg-zinc-50/70 px-3 py-4 sm:-mx-4 sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/40">
          <SessionDetail sessionId={session.id} />
        </div>
      ) : null}
    </li>
  );
}
