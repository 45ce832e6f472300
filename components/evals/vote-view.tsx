"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { fetchJson } from "@/lib/api-client";
import { AppError } from "@/lib/errors";
import type { BlindPair } from "@/lib/evals/grade/votes";
import type { VoteWinner } from "@/lib/evals/ratings";
import { VotePanel, type VoteReveal } from "./vote-panel";

interface RunVotes {
  votes: number;
  next: BlindPair | null;
}

/** Loads the next blind pair of a run, saves each vote, and shows who was who before moving on. */
export function VoteView({ runId }: { runId: string }) {
  const path = `/api/evals/runs/${encodeURIComponent(runId)}/votes`;
  const client = useQueryClient();
  const [reveal, setReveal] = useState<VoteReveal | null>(null);
  const query = useQuery({ queryKey: ["eval-votes", runId], queryFn: () => fetchJson<RunVotes>(path) });
  const pair = query.data?.next ?? null;

  const vote = useMutation({
    mutationFn: (body: { leftResultId: number; rightResultId: number; winner: VoteWinner }) =>
      fetchJson<{ leftModelId: string; rightModelId: string }>(path, {
        method: "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: (saved, { winner }) => setReveal({ winner, ...saved }),
    // Already voted (another tab, a double submit): the first vote stands, so load the next pair.
    onError: (error) => {
      if (error instanceof AppError && error.status === 409) {
        void client.invalidateQueries({ queryKey: ["eval-votes", runId] });
      }
    },
  });

  const leftId = pair?.left.id;
  const rightId = pair?.right.id;
  const onVote = useCallback(
    (winner: VoteWinner) => {
      if (leftId !== undefined && rightId !== undefined) {
        vote.mutate({ leftResultId: leftId, rightResultId: rightId, winner });
      }
    },
    [vote.mutate, leftId, rightId],
  );
  // An error belongs to the pair it was about; once the next pair loads it no longer applies.
  const errorForThisPair =
    vote.isError && vote.variables?.leftResultId === leftId && vote.variables?.rightResultId === rightId
      ? vote.error.message
      : null;
  const onNext = useCallback(() => {
    setReveal(null);
    vote.reset();
    void client.invalidateQueries({ queryKey: ["eval-votes", runId] });
  }, [client, runId, vote.reset]);

  if (query.isPending) return <p className="text-sm text-muted">Loading the next pair…</p>;
  if (query.isError) {
    return (
      <p role="alert" data-testid="vote-load-error" className="text-sm text-red-600 dark:text-red-400">
        {query.error.message}
      </p>
    );
  }
  if (!pair) {
    return (
      <p data-testid="vote-done" className="text-sm">
        Every pair of this run has your vote ({query.data.votes} in all).
      </p>
    );
  }
  return (
    <VotePanel
      key={`${pair.left.id}:${pair.right.id}`}
      pair={pair}
      reveal={reveal}
      saving={vote.isPending}
      error={errorForThisPair}
      onVote={onVote}
      onNext={onNext}
    />
  );
}
