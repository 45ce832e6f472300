import type { Metadata } from "next";
import Link from "next/link";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { PriceHistoryChart } from "@/components/catalog/charts/price-history-chart";
import { CompareControls } from "@/components/catalog/compare/compare-controls";
import { SourceLine } from "@/components/catalog/source-line";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getQualityView } from "@/lib/catalog/quality/views/summary";
import { priceHistoryOf } from "@/lib/catalog/read/detail";
import { getCatalog } from "@/lib/catalog/read/served";
import { buildComparison, MAX_COMPARE_IDS, parseCompareIds } from "@/lib/catalog/views/compare";
import { modelPath } from "@/lib/catalog/views/paths";
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
  const groups = [...new Set(comparison.rows.map((row) => row.group))];

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
            <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
              <table className="w-full min-w-[640px] text-sm" data-testid="compare-table">
                <thead className="bg-zinc-50 dark:bg-zinc-900">
                  <tr>
                    <th className="sticky left-0 w-48 bg-zinc-50 px-3 py-2 text-left text-xs uppercase text-muted dark:bg-zinc-900">
                      Model
                    </th>
                    {comparison.entries.map((entry) => (
                      <th
                        key={entry.id}
                        className="px-3 py-2 text-left align-top"
                        data-testid="compare-column"
                        data-model-id={entry.id}
                      >
                        <Link
                          href={modelPath(entry.id)}
                          className="font-semibold hover:text-accent-600 hover:underline"
                        >
                          {entry.name}
                        </Link>
                        <div className="font-mono text-[11px] font-normal text-muted">{entry.id}</div>
                      </th>
                    ))}
                  </tr>
                </thead>
                {groups.map((group) => (
                  <tbody key={group} className="divide-y divide-zinc-100 dark:divide-zinc-800">
                    <tr>
                      <th
                        colSpan={comparison.entries.length + 1}
                        className="bg-zinc-50/60 px-3 pt-3 pb-1 text-left text-xs font-semibold uppercase tracking-wide text-muted dark:bg-zinc-900/40"
                      >
                        {group}
                      </th>
                    </tr>
                    {comparison.rows
                      .filter((row) => row.group === group)
                      .map((row) => (
                        <tr
                          key={row.key}
                          data-testid="compare-row"
                          data-row={row.key}
                          data-differs={row.differs}
                        >
                          <th
                            scope="row"
                            className={`sticky left-0 bg-white px-3 py-1.5 text-left font-normal text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400 ${
                              row.differs
                                ? "border-l-2 border-l-amber-400"
                                : "border-l-2 border-l-transparent"
                            }`}
                          >
                            {row.label}
                          </th>
                          {row.values.map((value, index) => (
                            <td
                              key={comparison.entries[index]?.id ?? index}
                              data-best={row.best.includes(index)}
                              className={`px-3 py-1.5 align-top tabular ${
                                row.best.includes(index)
                                  ? "font-semibold text-emerald-700 dark:text-emerald-400"
                                  : value.startsWith("unknown") || value === "not stated"
                                    ? "italic text-muted"
                                    : ""
                              }`}
                            >
                              {value}
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                ))}
              </table>
            </div>
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
