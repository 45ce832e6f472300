"use client";

import { diffWords } from "diff";
import { useMemo } from "react";

/** Word diff of two answers, from the `diff` package: removed words struck in red, added in green. */
export function AnswerDiff({ left, right }: { left: string; right: string }) {
  const parts = useMemo(() => diffWords(left, right), [left, right]);
  return (
    <div
      className="whitespace-pre-wrap rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800"
      data-testid="answer-diff"
    >
      {parts.map((part, index) => (
        <span
          key={index}
          className={
            part.added
              ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
              : part.removed
                ? "bg-rose-100 text-rose-900 line-through dark:bg-rose-950 dark:text-rose-200"
                : ""
          }
        >
          {part.value}
        </span>
      ))}
    </div>
  );
}
