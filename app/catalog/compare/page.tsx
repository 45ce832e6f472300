import type { Metadata } from "next";
import Link from "next/link";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { PriceHistoryChart } from "@/components/catalog/charts/price-history-chart";
import { CompareControls } from "@/components/catalog/compare/compare-controls";
import { CompareTable } from "@/components/catalog/compare/compare-table";
import { SourceLine } from "@/components/catalog/source-line";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getQualityView } from "@/lib/catalog/quality/views/summary";
import { priceHistoryOf } from "@/lib/catalog/read/detail";
import { getCatalog } from "@/lib/catalog/read/served";
import { buildComparison, MAX_COMPARE_IDS, parseCompareIds } from "@/lib/catalog/views/compare";
import { utcDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Compare models" };
export const dynamic = "force-dynamic";

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const catalog = await getCatalog();
  const requested = parseCompareIds((await searchParams).ids);
  const comparison = buildComparison(catalog, requested, (await getQualityView(catalog)).table);
  const today = utcDay(Date.now());

  return (
    <>
      <PageHeader
        title="Compare models"
        description="Every attribute in aligned rows. Rows where the models differ are marked, and the best value in a row is highlighted."
      />
      <CatalogTabs />
      <div className="space-y-4">
        <CompareControls ids={comparison.entries.map((entry) => entry.id)} max={MAX_COMPARE_IDS} />
        {comparison.missing.length > 0 ? (
          <p className="text-sm text-amber-700 dark:text-amber-300" data-testid="compare-missing">
            Not in the catalog: {comparison.missing.join(", ")}. Ids look like openai/gpt-4o.
          </p>
        ) : null}
        {comparison.truncated ? (
          <p className="text-sm text-amber-700 dark:text-amber-300">
            Only the first {MAX_COMPARE_IDS} models are compared.
          </p>
        ) : null}
        {comparison.entries.length === 0 ? (
          <Card>
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="compare-empty">
              Add models with the search box above, or tick up to {MAX_COMPARE_IDS} rows in the{" "}
              <Link
                href="/catalog"
                className="text-accent-600 dark:text-accent-300 underline underline-offset-2"
              >
                catalog table
              </Link>{" "}
              and press Compare.
            </p>
          </Card>
        ) : (
          <>
            <SourceLine asOf={catalog.asOf} sources={catalog.sources} />
            <CompareTable comparison={comparison} />
            <Card data-testid="compare-history">
              <h2 className="mb-1 font-semibold">Price history</h2>
              <p className="mb-3 text-xs text-muted">
                Input and output price per 1M tokens over time, from the data packages and the buying guides.
              </p>
              <PriceHistoryChart
                series={comparison.entries.map((entry) => ({
                  offeringId: entry.id,
                  label: `${entry.name} (${entry.providerName})`,
                  points: priceHistoryOf(catalog, entry.id, today),
                }))}
              />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
