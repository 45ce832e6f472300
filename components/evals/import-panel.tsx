"use client";

import { useEffect, useId, useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { wideInputClass } from "@/components/ui/control-class";
import { Select } from "@/components/ui/select";
import { fetchJson } from "@/lib/api-client";

type Format = "promptfoo" | "csv" | "jsonl" | "sessions";

const FORMATS: { value: Format; label: string; accept: string; hint: string }[] = [
  {
    value: "promptfoo",
    label: "promptfoo test file (YAML)",
    accept: ".yaml,.yml",
    hint: "prompts × tests, with vars and assert; defaultTest is applied to every test.",
  },
  {
    value: "csv",
    label: "CSV",
    accept: ".csv,text/csv",
    hint: "One row per case: a prompt column (or vars plus a prompt template below) and an optional __expected or expected column.",
  },
  {
    value: "jsonl",
    label: "JSONL",
    accept: ".jsonl,.ndjson,.json",
    hint: "One case per line: {prompt, system?, vars?, expected?, assert?}, as the export writes it.",
  },
  {
    value: "sessions",
    label: "Saved playground sessions",
    accept: "",
    hint: "Each prompt of the chosen sessions becomes a case, with its system prompt.",
  },
];

interface SessionRow {
  id: string;
  title: string;
  updatedAt: string;
}

/** Adds cases to a set from a file, pasted text or saved playground sessions, and links the JSONL export. */
export function ImportPanel({
  setId,
  onImported,
  canImport = true,
}: {
  setId: string;
  onImported: () => void;
  /** False on someone else's set: it can be exported, not imported into. */
  canImport?: boolean;
}) {
  const [format, setFormat] = useState<Format>("promptfoo");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [template, setTemplate] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<{ kind: "ok" | "error"; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { format: useId(), file: useId(), text: useId(), template: useId() };
  const current = FORMATS.find((item) => item.value === format) ?? (FORMATS[0] as (typeof FORMATS)[number]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setStatus(null);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const body =
      format === "sessions"
        ? { format, sessionIds: [...chosen] }
        : format === "csv" && template.trim()
          ? { format, text, prompt: template }
          : { format, text };
    try {
      const result = await fetchJson<{ count: number }>(`/api/evals/${setId}/import`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      setStatus({
        kind: "ok",
        message: `Added ${result.count.toLocaleString("en-US")} case${result.count === 1 ? "" : "s"}.`,
      });
      setText("");
      setFileName(null);
      setChosen(new Set());
      onImported();
    } catch (error) {
      setStatus({ kind: "error", message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const ready = format === "sessions" ? chosen.size > 0 : text.trim().length > 0;

  return (
    <Card data-testid="eval-import">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{canImport ? "Import and export cases" : "Export cases"}</h2>
        <a
          href={`/api/evals/${setId}/export`}
          download
          className="text-sm text-accent-700 hover:underline dark:text-accent-300"
          data-testid="eval-export"
        >
          Export as JSONL
        </a>
      </div>
      {canImport ? (
        <form onSubmit={submit} className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-[minmax(0,16rem)_1fr]">
            <label htmlFor={ids.format} className="text-sm">
              <span className="mb-1 block text-zinc-600 dark:text-zinc-400">Format</span>
              <Select
                wide
                id={ids.format}
                value={format}
                onChange={(event) => {
                  setFormat(event.target.value as Format);
                  setStatus(null);
                }}
                data-testid="eval-import-format"
              >
                {FORMATS.map((item) => (
                  <option key={item.value} value={item.value}>
                    {item.label}
                  </option>
                ))}
              </Select>
            </label>
            <p className="self-end text-xs text-zinc-500 dark:text-zinc-400">
              {current.hint} The cases are added after the set's own.
            </p>
          </div>
          {format === "sessions" ? (
            <SessionChecklist chosen={chosen} onChange={setChosen} />
          ) : (
            <>
              <label htmlFor={ids.file} className="block text-sm">
                <span className="mb-1 block text-zinc-600 dark:text-zinc-400">File</span>
                <input
                  id={ids.file}
                  type="file"
                  accept={current.accept}
                  className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
                  onChange={(event) => void readFile(event.target.files?.[0])}
                  data-testid="eval-import-file"
                />
              </label>
              <label htmlFor={ids.text} className="block text-sm">
                <span className="mb-1 block text-zinc-600 dark:text-zinc-400">
                  {fileName ? `Contents of ${fileName}` : "…or paste it here"}
                </span>
                <textarea
                  id={ids.text}
                  rows={6}
                  className={`${wideInputClass} h-auto py-2 font-mono text-xs`}
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  data-testid="eval-import-text"
                />
              </label>
              {format === "csv" ? (
                <label htmlFor={ids.template} className="block text-sm">
                  <span className="mb-1 block text-zinc-600 dark:text-zinc-400">
                    Prompt template (only for a CSV without a prompt column), e.g. "Translate {"{{text}}"}"
                  </span>
                  <input
                    id={ids.template}
                    className={wideInputClass}
                    value={template}
                    onChange={(event) => setTemplate(event.target.value)}
                    data-testid="eval-import-template"
                  />
                </label>
              ) : null}
            </>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="submit"
              variant="primary"
              disabled={!ready || busy}
              data-testid="eval-import-submit"
            >
              {busy ? "Importing…" : "Import"}
            </Button>
            {status ? (
              <p
                role={status.kind === "error" ? "alert" : "status"}
                className={`text-sm ${status.kind === "error" ? "text-rose-600 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}
                data-testid={status.kind === "error" ? "eval-import-error" : "eval-import-done"}
              >
                {status.message}
              </p>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="text-sm text-muted" data-testid="eval-import-not-yours">
          Only the person who made this set or an admin can import cases into it.
        </p>
      )}
    </Card>
  );
}

/** The newest saved sessions (filterable by title), each a checkbox. */
function SessionChecklist({
  chosen,
  onChange,
}: {
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const [query, setQuery] = useState("");
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchId = useId();

  useEffect(() => {
    const params = new URLSearchParams({ limit: "50" });
    if (query.trim()) params.set("q", query.trim());
    const timer = setTimeout(() => {
      fetchJson<{ sessions: SessionRow[] }>(`/api/sessions?${params}`)
        .then((body) => {
          setSessions(body.sessions);
          setError(null);
        })
        .catch((failure: Error) => setError(failure.message));
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  function toggle(id: string) {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  }

  return (
    <fieldset className="space-y-2" data-testid="eval-import-sessions">
      <legend className="text-sm text-zinc-600 dark:text-zinc-400">Sessions ({chosen.size} chosen)</legend>
      <label htmlFor={searchId} className="sr-only">
        Search sessions by title
      </label>
      <input
        id={searchId}
        className={wideInputClass}
        placeholder="Search sessions by title"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : sessions === null ? (
        <p className="text-sm text-muted">Loading sessions…</p>
      ) : sessions.length === 0 ? (
        <p className="text-sm text-muted">No saved sessions match.</p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          {sessions.map((session) => (
            <li key={session.id}>
              <Checkbox
                checked={chosen.has(session.id)}
                onChange={() => toggle(session.id)}
                data-testid="eval-import-session"
              >
                <span className="truncate">{session.title}</span>
                <span className="ml-auto shrink-0 text-xs text-muted">
                  {formatDateTime(session.updatedAt)}
                </span>
              </Checkbox>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
