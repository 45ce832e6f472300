import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "History" };

export default function HistoryPage() {
  return <PageHeader title="History" description="Saved playground sessions and usage over time." />;
}
