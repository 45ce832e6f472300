"use client";

import { useMemo } from "react";
import { diffWords } from "@/lib/diff";

/** Word diff of two answers (lib/diff): removed words struck in red, added in green. */
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
            part.kind === "added"
              ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
              : part.kind === "removed"
                ? "bg-rose-100 text-rose-900 line-through dark:bg-rose-950 dark:text-rose-200"
                : ""
          }
        >
          {part.text}
        </span>
      ))}
    </div>
  );
}
