"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { BlindPair } from "@/lib/evals/grade/votes";
import type { VoteWinner } from "@/lib/evals/ratings";
import { revealAnnouncement, VOTE_CHOICES, voteForKey } from "./vote-keys";

export interface VoteReveal {
  winner: VoteWinner;
  leftModelId: string;
  rightModelId: string;
}

const kbdClass =
  "rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200";

/**
 * Two answers to one case, side by side, with the models hidden until the vote is saved. Driven by
 * the keyboard (A, B, T, X, then N) as well as the buttons; the live region says what happened.
 */
export function VotePanel({
  pair,
  reveal,
  saving,
  error,
  onVote,
  onNext,
}: {
  pair: BlindPair;
  reveal: VoteReveal | null;
  saving: boolean;
  error: string | null;
  onVote: (winner: VoteWinner) => void;
  onNext: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // The panel is keyed by its pair, so each new pair mounts it: focus moves to the heading and a
  // screen reader starts reading the new case.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (reveal) nextRef.current?.focus();
  }, [reveal]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (reveal) {
        if ((event.key === "n" || event.key === "N") && !event.ctrlKey && !event.metaKey) onNext();
        return;
      }
      const winner = voteForKey(event);
      if (!winner || saving) return;
      event.preventDefault();
      onVote(winner);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [reveal, saving, onVote, onNext]);

  return (
    <section data-testid="vote-panel" data-case-id={pair.caseId} aria-labelledby="vote-case-heading">
      <h2
        id="vote-case-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-sm font-semibold uppercase tracking-wide text-muted focus:outline-none"
      >
        Which answer is better? <span className="font-normal normal-case">({pair.remaining} pairs left)</span>
      </h2>
      <p
        data-testid="vote-prompt"
        className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        {pair.prompt}
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <AnswerCard
          side="A"
          output={pair.left.output}
          modelId={reveal?.leftModelId}
          won={wonSide(reveal, "left")}
        />
        <AnswerCard
          side="B"
          output={pair.right.output}
          modelId={reveal?.rightModelId}
          won={wonSide(reveal, "right")}
        />
      </div>
      <fieldset className="mt-4 flex flex-wrap items-center gap-2">
        <legend className="sr-only">Your vote</legend>
        {VOTE_CHOICES.map((choice) => (
          <button
            key={choice.winner}
            type="button"
            data-testid={`vote-${choice.winner}`}
            aria-keyshortcuts={choice.key}
            aria-pressed={reveal?.winner === choice.winner}
            disabled={saving || reveal !== null}
            onClick={() => onVote(choice.winner)}
            className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium transition ${
              reveal?.winner === choice.winner
                ? "border-accent-600 bg-accent-600 text-white"
                : "border-zinc-300 hover:border-accent-500 disabled:opacity-60 dark:border-zinc-700"
            }`}
          >
            <kbd className={kbdClass}>{choice.key}</kbd>
            {choice.label}
          </button>
        ))}
        {reveal ? (
          <Button
            ref={nextRef}
            variant="primary"
            size="lg"
            data-testid="vote-next"
            aria-keyshortcuts="N"
            onClick={onNext}
            className="ml-auto"
          >
            Next pair <kbd className={`${kbdClass} ml-1 border-accent-400 bg-accent-700 text-white`}>N</kbd>
          </Button>
        ) : null}
      </fieldset>
      {error ? (
        <p role="alert" data-testid="vote-error" className="mt-3 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" data-testid="vote-announcement" className="sr-only">
        {reveal
          ? revealAnnouncement(reveal.winner, reveal.leftModelId, reveal.rightModelId)
          : saving
            ? "Saving vote…"
            : ""}
      </p>
    </section>
  );
}

function wonSide(reveal: VoteReveal | null, side: "left" | "right"): boolean | null {
  if (!reveal) return null;
  if (reveal.winner === "tie" || reveal.winner === "both_bad") return null;
  return reveal.winner === side;
}

function AnswerCard({
  side,
  output,
  modelId,
  won,
}: {
  side: "A" | "B";
  output: string;
  modelId: string | undefined;
  won: boolean | null;
}) {
  const ring =
    won === true ? "border-emerald-500 dark:border-emerald-500" : "border-zinc-200 dark:border-zinc-800";
  return (
    <article
      data-testid={`vote-answer-${side.toLowerCase()}`}
      className={`flex min-w-0 flex-col rounded-md border bg-white dark:bg-zinc-900 ${ring}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        <span className="font-semibold">Answer {side}</span>
        <span
          data-testid={`vote-model-${side.toLowerCase()}`}
          className="truncate font-mono text-xs text-muted"
        >
          {modelId ?? "model hidden"}
        </span>
      </header>
      <div className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-words p-3 text-sm">{output}</div>
    </article>
  );
}
