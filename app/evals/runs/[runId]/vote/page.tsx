import type { Metadata } from "next";
import { VoteView } from "@/components/evals/vote-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Blind vote" };

export default async function VotePage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <>
      <PageHeader
        title="Blind vote"
        description="Two answers to the same case, models hidden and sides shuffled. Pick the better one; the models are shown after your vote."
      />
      <VoteView runId={runId} />
    </>
  );
}
