"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass, wideInputClass } from "@/components/ui/control-class";
import { Select } from "@/components/ui/select";
import { fetchJson } from "@/lib/api-client";
import { AppError } from "@/lib/errors";
import { ASSERTION_TYPES, type Assertion } from "@/lib/evals/schema";
import type { CaseJson, SetJson } from "./eval-types";

/** Rows shown at once; the rest stay one click away so a 2,000-case set opens quickly. */
const PAGE_ROWS = 50;
const areaClass = `${wideInputClass} h-auto py-1.5`;

const emptyCase = (): CaseJson => ({ prompt: "", system: null, vars: null, expected: null, assert: [] });

function varsToText(vars: Record<string, string> | null): string {
  return Object.entries(vars ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}

function textToVars(text: string): Record<string, string> | null {
  const entries = text
    .split("\n")
    .map((line) => line.split(/=(.*)/s))
    .filter(([key]) => key?.trim())
    .map(([key, value]) => [key?.trim() ?? "", value ?? ""]);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** A value the one-line field cannot show or edit (a JSON Schema, a list): kept as it is. */
const isStructured = (value: unknown) => typeof value === "object" && value !== null;

interface ThresholdMeaning {
  label: string;
  hint: string;
  placeholder?: string;
  /** Shown on every assertion of the type; otherwise only when the assertion has a threshold. */
  always?: boolean;
}

/**
 * What an assertion's threshold means for each type that reads one (as promptfoo reads it, for the
 * types promptfoo has; javascript-number is this product's own). The limits (cost, latency,
 * max-length) take their value as the limit, so their threshold field shows only when an import or the
 * API gave them one; a type that reads no threshold still shows and keeps one it was given.
 */
const THRESHOLDS: Partial<Record<Assertion["type"], ThresholdMeaning>> = {
  "llm-rubric": {
    label: "min score",
    hint: "The judge's score (0 to 1) must reach this as well as its pass",
    placeholder: "any",
    always: true,
  },
  levenshtein: {
    label: "max edits",
    hint: "The most edits from the expected text (5 when empty)",
    placeholder: "5",
    always: true,
  },
  "javascript-number": {
    label: "±",
    hint: "How far the number found may be from the target",
    placeholder: "0",
    always: true,
  },
  cost: { label: "max USD", hint: "The most the answer may cost; it overrides the value" },
  latency: { label: "max ms", hint: "The longest the answer may take; it overrides the value" },
  "max-length": { label: "max chars", hint: "The most characters; it overrides the value" },
};
const UNREAD_THRESHOLD: ThresholdMeaning = {
  label: "threshold",
  hint: "Kept from an import; this assertion type does not read it",
};

/** Creates a set, or edits one (its name, description and cases); saving an edit checks the version. */
export function SetEditor({
  initial,
  onSaved,
  readOnly = false,
}: {
  initial?: SetJson;
  onSaved?: (set: SetJson, caseCount: number) => void;
  /** Shown but not editable: the set is someone else's (see SetJson.canChange). */
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [cases, setCases] = useState<CaseJson[]>(initial?.cases.length ? initial.cases : [emptyCase()]);
  const [varsText, setVarsText] = useState<string[]>(() => cases.map((item) => varsToText(item.vars)));
  const [shown, setShown] = useState(PAGE_ROWS);
  const [status, setStatus] = useState<{ kind: "error" | "saved"; text: string } | null>(null);
  const [version, setVersion] = useState(initial?.version ?? 1);
  const [saving, setSaving] = useState(false);

  const update = (index: number, patch: Partial<CaseJson>) =>
    setCases((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  const updateAssertion = (index: number, at: number, patch: Partial<Assertion>) =>
    update(index, {
      assert: (cases[index]?.assert ?? []).map((assertion, position) =>
        position === at ? { ...assertion, ...patch } : assertion,
      ),
    });

  const save = async () => {
    setSaving(true);
    setStatus(null);
    const body = {
      name,
      description: description || null,
      cases: cases.map((item, index) => ({
        prompt: item.prompt,
        ...(item.system ? { system: item.system } : {}),
        ...(textToVars(varsText[index] ?? "") ? { vars: textToVars(varsText[index] ?? "") } : {}),
        ...(item.expected ? { expected: item.expected } : {}),
        // A field the editor has no input for (a JSON Schema as the value) is kept as it is.
        assert: (item.assert ?? []).map(({ value, ...rest }) => ({
          ...rest,
          ...(value !== undefined && value !== "" ? { value } : {}),
        })),
      })),
    };
    try {
      if (initial) {
        const saved = await fetchJson<SetJson>(`/api/evals/${initial.id}`, {
          method: "PATCH",
          body: JSON.stringify(body),
          headers: { "if-match": `"${version}"` },
        });
        setVersion(saved.version);
        setStatus({ kind: "saved", text: `Saved as version ${saved.version}.` });
        onSaved?.(saved, body.cases.length);
      } else {
        const created = await fetchJson<{ id: string }>("/api/evals", {
          method: "POST",
          body: JSON.stringify(body),
        });
        router.push(`/evals/${created.id}`);
      }
    } catch (failure) {
      const error = failure as AppError;
      const fields =
        error instanceof AppError && error.details && typeof error.details === "object"
          ? Object.entries((error.details as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {})
              .map(([field, messages]) => `${field}: ${messages[0]}`)
              .join("; ")
          : "";
      setStatus({ kind: "error", text: fields ? `${error.message} (${fields})` : error.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card className="space-y-4" data-testid="set-editor">
      <div className="grid gap-3 sm:grid-cols-2">
        {(
          [
            ["Name", name, setName, "set-name"],
            ["Description", description, setDescription, "set-description"],
          ] as const
        ).map(([label, value, set, testId]) => (
          <label key={testId} className="space-y-1 text-sm">
            <span className="font-medium">{label}</span>
            <input
              value={value}
              onChange={(event) => set(event.target.value)}
              className={wideInputClass}
              readOnly={readOnly}
              data-testid={testId}
            />
          </label>
        ))}
      </div>
      <div className="space-y-3" data-testid="case-rows">
        {cases.slice(0, shown).map((item, index) => (
          <div
            key={index}
            className="grid grid-cols-1 gap-2 rounded-md border border-zinc-200 p-3 lg:grid-cols-[2rem_minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,2fr)] dark:border-zinc-800"
            data-testid="case-row"
          >
            <div className="text-xs text-muted">#{index + 1}</div>
            <textarea
              aria-label={`Prompt of case ${index + 1}`}
              placeholder="Prompt ({{var}} placeholders allowed)"
              rows={2}
              value={item.prompt}
              onChange={(event) => update(index, { prompt: event.target.value })}
              className={areaClass}
              readOnly={readOnly}
              data-testid="case-prompt"
            />
            <div className="space-y-2">
              <textarea
                aria-label={`System prompt of case ${index + 1}`}
                placeholder="System (optional)"
                rows={1}
                value={item.system ?? ""}
                onChange={(event) => update(index, { system: event.target.value || null })}
                className={areaClass}
                readOnly={readOnly}
              />
              <textarea
                aria-label={`Variables of case ${index + 1}`}
                placeholder="vars: a=b per line"
                rows={1}
                value={varsText[index] ?? ""}
                onChange={(event) =>
                  setVarsText((current) => {
                    const next = [...current];
                    next[index] = event.target.value;
                    return next;
                  })
                }
                className={areaClass}
                readOnly={readOnly}
              />
            </div>
            <input
              aria-label={`Expected answer of case ${index + 1}`}
              placeholder="Expected (optional)"
              value={item.expected ?? ""}
              onChange={(event) => update(index, { expected: event.target.value || null })}
              className={wideInputClass}
              readOnly={readOnly}
              data-testid="case-expected"
            />
            <div className="space-y-1.5">
              {(item.assert ?? []).map((assertion, at) => (
                <div key={at} className="flex flex-wrap items-center gap-1.5" data-testid="assertion-row">
                  <Select
                    aria-label="Assertion type"
                    value={assertion.type}
                    onChange={(event) =>
                      // A threshold means something else for another type (a score, edits, a limit).
                      updateAssertion(index, at, {
                        type: event.target.value as Assertion["type"],
                        threshold: undefined,
                      })
                    }
                    data-testid="assertion-type"
                    disabled={readOnly}
                  >
                    {ASSERTION_TYPES.map((type) => (
                      <option key={type}>{type}</option>
                    ))}
                  </Select>
                  <input
                    aria-label="Assertion value"
                    placeholder={
                      isStructured(assertion.value)
                        ? "Structured value from an import (kept)"
                        : assertion.type === "llm-rubric"
                          ? "Rubric"
                          : "Value"
                    }
                    title={isStructured(assertion.value) ? JSON.stringify(assertion.value) : undefined}
                    value={
                      typeof assertion.value === "string" || typeof assertion.value === "number"
                        ? String(assertion.value)
                        : ""
                    }
                    onChange={(event) =>
                      updateAssertion(index, at, {
                        value:
                          ["max-length", "latency"].includes(assertion.type) &&
                          /^\d+$/.test(event.target.value)
                            ? Number(event.target.value)
                            : event.target.value,
                      })
                    }
                    className={`${controlClass} min-w-24 flex-1`}
                    readOnly={readOnly || isStructured(assertion.value)}
                    data-testid="assertion-value"
                  />
                  {assertion.threshold !== undefined || THRESHOLDS[assertion.type]?.always ? (
                    <ThresholdField
                      meaning={THRESHOLDS[assertion.type] ?? UNREAD_THRESHOLD}
                      value={assertion.threshold}
                      readOnly={readOnly}
                      caseNumber={index + 1}
                      onChange={(threshold) => updateAssertion(index, at, { threshold })}
                    />
                  ) : null}
                  {readOnly ? null : (
                    <Button
                      variant="remove"
                      className="px-1"
                      aria-label="Remove assertion"
                      onClick={() =>
                        update(index, {
                          assert: (item.assert ?? []).filter((_, position) => position !== at),
                        })
                      }
                    >
                      ✕
                    </Button>
                  )}
                </div>
              ))}
              {readOnly ? null : (
                <div className="flex gap-2 text-xs">
                  <Button
                    variant="link"
                    onClick={() =>
                      update(index, { assert: [...(item.assert ?? []), { type: "contains", value: "" }] })
                    }
                    data-testid="add-assertion"
                  >
                    + assertion
                  </Button>
                  <Button
                    variant="remove"
                    className="px-1"
                    onClick={() => {
                      setCases((current) => current.filter((_, at) => at !== index));
                      setVarsText((current) => current.filter((_, at) => at !== index));
                    }}
                  >
                    Remove case
                  </Button>
                </div>
              )}
            </div>
          </div>
        ))}
      </div>
      {cases.length > shown ? (
        <Button onClick={() => setShown(shown + PAGE_ROWS)}>
          Show {Math.min(PAGE_ROWS, cases.length - shown)} more of {cases.length - shown}
        </Button>
      ) : null}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            onClick={() => {
              setCases((current) => [...current, emptyCase()]);
              setVarsText((current) => [...current, ""]);
              setShown((current) => Math.max(current, cases.length + 1));
            }}
            data-testid="add-case"
          >
            Add case
          </Button>
          <Button variant="primary" onClick={save} disabled={saving} data-testid="save-set">
            {initial ? "Save changes" : "Create set"}
          </Button>
          {status ? (
            <span
              role={status.kind === "error" ? "alert" : "status"}
              className={`text-sm ${status.kind === "error" ? "text-rose-600" : "text-emerald-700 dark:text-emerald-400"}`}
              data-testid="set-save-status"
            >
              {status.text}
            </span>
          ) : null}
        </div>
      )}
    </Card>
  );
}

/**
 * An assertion's threshold: a number at least 0, or empty for none. What is typed is kept as typed
 * while the field has focus (a half-typed "0." or an emptied field does not reshape or remove it);
 * a number is saved as it is typed, an emptied field removes the threshold when focus leaves, and
 * text that is not a number is marked and put back to the saved value when focus leaves.
 */
function ThresholdField({
  meaning,
  value,
  readOnly,
  caseNumber,
  onChange,
}: {
  meaning: ThresholdMeaning;
  value: number | undefined;
  readOnly: boolean;
  caseNumber: number;
  onChange: (threshold: number | undefined) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === undefined ? "" : String(value));
  const number = text.trim() === "" ? undefined : Number(text);
  const invalid = number !== undefined && !(Number.isFinite(number) && number >= 0);
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      <span className="whitespace-nowrap">
        {meaning.label}
        <span className="sr-only"> (case {caseNumber})</span>
      </span>
      <input
        inputMode="decimal"
        title={meaning.hint}
        placeholder={meaning.placeholder}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          const parsed = Number(next);
          if (next.trim() !== "" && Number.isFinite(parsed) && parsed >= 0) onChange(parsed);
        }}
        onBlur={() => {
          if (draft !== null && draft.trim() === "") onChange(undefined);
          setDraft(null);
        }}
        className={`${controlClass} w-20 aria-invalid:border-rose-500`}
        readOnly={readOnly}
        data-testid="assertion-threshold"
      />
    </label>
  );
}
