import type { Metadata } from "next";
import { Suspense } from "react";
import { Playground } from "@/components/playground/playground";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Playground" };

export default function PlaygroundPage() {
  return (
    <>
      <PageHeader
        title="Playground"
        description="One prompt, up to six models, streamed side by side. Under each answer: time to first token, tokens per second, token counts and cost at today's catalog price. Every run is saved to History."
      />
      <Suspense>
        <Playground />
      </Suspense>
    </>
  );
}
