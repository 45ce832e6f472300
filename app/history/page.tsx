import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryView } from "@/components/history/history-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "History" };

export default function HistoryPage() {
  return (
    <>
      <PageHeader
        title="History"
        description="Every playground session with its answers, and what your runs have cost over time."
      />
      {/* The view reads its tab and filters from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-muted">Loading history…</p>}>
        <HistoryView />
      </Suspense>
    </>
  );
}
