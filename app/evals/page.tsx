import type { Metadata } from "next";
import { EvalSetList } from "@/components/evals/set-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Evals" };

export default function EvalsPage() {
  return (
    <>
      <PageHeader
        title="Evals"
        description="Grade models on your own prompts: a set of cases with expected answers and assertions, run on up to six models, with pass rates, cost and latency side by side."
      />
      <EvalSetList />
    </>
  );
}
