import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <PageHeader title="Catalog" description="Prices and capabilities of every model across providers." />
  );
}
