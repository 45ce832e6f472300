import type { Metadata } from "next";
import { LeaderboardView } from "@/components/evals/leaderboard-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Leaderboard" };

export default async function LeaderboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader
        title="Leaderboard"
        description="Models ranked by the team's blind votes on this set's answers, with 95% intervals: overlapping bars are not a clear win."
      />
      <LeaderboardView setId={id} />
    </>
  );
}
