import type { Metadata } from "next";
import { SetEditor } from "@/components/evals/set-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New eval set" };

export default function NewEvalSetPage() {
  return (
    <>
      <PageHeader
        title="New eval set"
        description="Each case is a prompt with an optional expected answer and assertions."
      />
      <SetEditor />
    </>
  );
}
