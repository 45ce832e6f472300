import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Calculator" };

export default function CalculatorPage() {
  return (
    <PageHeader title="Team cost calculator" description="Monthly cost of your workloads on every model." />
  );
}
