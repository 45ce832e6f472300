"use client";

import { useMemo, useState } from "react";
import { Select } from "@/components/ui/select";
import { diffStats, diffWords } from "@/lib/diff";

/** Word diff of the latest answers of any two panes. */
export function DiffView({ answers }: { answers: { modelId: string; label: string; text: string }[] }) {
  const [leftId, setLeftId] = useState(answers[0]?.modelId ?? "");
  const [rightId, setRightId] = useState(answers[1]?.modelId ?? "");
  const left = answers.find((answer) => answer.modelId === leftId) ?? answers[0];
  const right = answers.find((answer) => answer.modelId === rightId) ?? answers[1];
  // Keyed on the texts, not the answer objects, so the quadratic diff reruns only when a text changes.
  const leftText = left?.text;
  const rightText = right?.text;
  const parts = useMemo(
    () => (leftText !== undefined && rightText !== undefined ? diffWords(leftText, rightText) : []),
    [leftText, rightText],
  );
  if (answers.length < 2 || !left || !right)
    return <p className="text-sm text-muted">Run at least two models to compare their answers.</p>;
  const stats = diffStats(parts);
  const select = (value: string, onChange: (value: string) => void, testId: string) => (
    <Select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      {answers.map((answer) => (
        <option key={answer.modelId} value={answer.modelId}>
          {answer.label}
        </option>
      ))}
    </Select>
  );
  return (
    <div className="space-y-2" data-testid="diff-view">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {select(left.modelId, setLeftId, "diff-left")}
        <span className="text-muted">vs</span>
        {select(right.modelId, setRightId, "diff-right")}
        <span className="text-xs text-muted" data-testid="diff-stats">
          {stats.same} words shared · <span className="text-rose-600">−{stats.removed}</span> ·{" "}
          <span className="text-emerald-600">+{stats.added}</span>
        </span>
      </div>
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md border border-zinc-200 p-3 text-sm leading-relaxed dark:border-zinc-800">
        {parts.map((part, index) =>
          part.kind === "same" ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === "removed" ? (
            <del
              key={index}
              className="bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100"
              data-testid="diff-removed"
            >
              {part.text}
            </del>
          ) : (
            <ins
              key={index}
              className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-900/40 dark:text-emerald-100"
              data-testid="diff-added"
            >
              {part.text}
            </ins>
          ),
        )}
      </pre>
    </div>
  );
}
