import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Playground" };

export default function PlaygroundPage() {
  return <PageHeader title="Playground" description="Stream one prompt to several models side by side." />;
}
