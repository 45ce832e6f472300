import type { Metadata } from "next";
import { RunView } from "@/components/evals/run-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Eval run" };

export default async function EvalRunPage({ params }: { params: Promise<{ runId: string }> }) {
  return (
    <>
      <PageHeader
        title="Eval run"
        description="Every case on every model: progress, pass rates, cost and latency."
      />
      <RunView runId={(await params).runId} />
    </>
  );
}
