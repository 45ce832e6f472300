import type { Metadata } from "next";
import { Suspense } from "react";
import { CatalogExplorer } from "@/components/catalog/catalog-explorer";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { SourceLine } from "@/components/catalog/source-line";
import { PageHeader } from "@/components/ui/page-header";
import { getQualityView } from "@/lib/catalog/quality/views/summary";
import { packEntries } from "@/lib/catalog/read/compact";
import { getCatalog } from "@/lib/catalog/read/served";

export const metadata: Metadata = { title: "Catalog" };
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const catalog = await getCatalog();
  const quality = await getQualityView(catalog);
  return (
    <>
      <PageHeader
        title="Catalog"
        description={`Prices and capabilities of ${catalog.entries.length.toLocaleString("en-US")} model offerings from ${catalog.providers.length} providers. Prices are USD per million tokens.`}
      />
      <CatalogTabs />
      <div className="mb-3">
        <SourceLine asOf={catalog.asOf} sources={catalog.sources} />
      </div>
      <Suspense>
        <CatalogExplorer
          packed={packEntries(catalog.entries)}
          providers={catalog.providers.map(({ id, name, offeringCount }) => ({ id, name, offeringCount }))}
          asOf={catalog.asOf}
          quality={Object.fromEntries(quality.table)}
        />
      </Suspense>
    </>
  );
}
