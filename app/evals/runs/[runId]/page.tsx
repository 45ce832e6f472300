import type { Metadata } from "next";
import { preload } from "react-dom";
import { RunView } from "@/components/evals/run-view";
import { PageHeader } from "@/components/ui/page-header";
import { runPageUrl } from "@/lib/evals/run-page";

export const metadata: Metadata = { title: "Eval run" };

export default async function EvalRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  // The browser fetches the run's first page while the page's scripts load, rather than after: a
  // 500-case run on six models is a few MiB (bench:matrix).
  preload(runPageUrl(runId), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      <PageHeader
        title="Eval run"
        description="Every case on every model: progress, pass rates, cost and latency."
      />
      <RunView runId={runId} />
    </>
  );
}
