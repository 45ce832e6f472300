import type { Metadata } from "next";
import { SetDetail } from "@/components/evals/set-detail";

export const metadata: Metadata = { title: "Eval set" };

export default async function EvalSetPage({ params }: { params: Promise<{ id: string }> }) {
  return <SetDetail setId={(await params).id} />;
}
