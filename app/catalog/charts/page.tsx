import type { Metadata } from "next";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { CheapestChart } from "@/components/catalog/charts/cheapest-chart";
import { PriceBenchmarkChart } from "@/components/catalog/charts/price-benchmark-chart";
import { PriceContextChart } from "@/components/catalog/charts/price-context-chart";
import { PriceHistoryPanel } from "@/components/catalog/charts/price-history-panel";
import { PriceQualityChart } from "@/components/catalog/charts/price-quality-chart";
import { RatioPicker } from "@/components/catalog/charts/ratio-picker";
import { SourceLine } from "@/components/catalog/source-line";
import { PageHeader } from "@/components/ui/page-header";
import { benchmarkFacts, guidePriceObservations } from "@/lib/catalog/guides";
import { buildEditorialLinks } from "@/lib/catalog/guides/catalog-links";
import { parsePriceQualityState, priceQualityData } from "@/lib/catalog/quality/views/price-quality";
import { getQualityView } from "@/lib/catalog/quality/views/summary";
import { priceHistoryOf } from "@/lib/catalog/read/detail";
import { getCatalog } from "@/lib/catalog/read/served";
import {
  benchmarkData,
  cheapestData,
  historyOptions,
  historySeries,
  parseChartsState,
  priceContextData,
  type RawParams,
} from "@/lib/catalog/views/charts";
import { utcDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Charts · Catalog" };
export const dynamic = "force-dynamic";

export default async function ChartsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const [catalog, raw] = await Promise.all([getCatalog(), searchParams]);
  const state = parseChartsState(raw, catalog.knownProviders);
  const today = utcDay(Date.now());
  const { canonicalIdsByEditorial } = buildEditorialLinks(catalog.entries);
  const quality = await getQualityView(catalog);
  const qualityState = parsePriceQualityState(raw, state.ratio);
  const history = historySeries(catalog.byId, state.historyIds, (id) => priceHistoryOf(catalog, id, today));

  return (
    <>
      <PageHeader
        title="Charts"
        description="Prices against quality, context window, benchmark scores, time and capabilities. Offerings with an unknown price are left out and counted, never drawn as free."
      />
      <CatalogTabs />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <SourceLine asOf={catalog.asOf} sources={catalog.sources} />
        <RatioPicker ratio={state.ratio} />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <PriceQualityChart
          className="lg:col-span-2"
          ratio={state.ratio}
          data={priceQualityData(catalog.entries, quality.table, qualityState)}
        />
        <PriceContextChart
          className="lg:col-span-2"
          state={state}
          data={priceContextData(catalog.entries, state)}
          providers={catalog.providers.map((provider) => ({ id: provider.id, name: provider.name }))}
        />
        <CheapestChart className="lg:col-span-2" state={state} data={cheapestData(catalog.entries, state)} />
        <PriceHistoryPanel
          className="lg:col-span-2"
          series={history.series}
          missing={history.missing}
          options={historyOptions(catalog.entries, (id) => catalog.observations.has(id))}
        />
        <PriceBenchmarkChart
          className="lg:col-span-2"
          state={state}
          data={benchmarkData(
            catalog.entries,
            benchmarkFacts,
            guidePriceObservations(),
            canonicalIdsByEditorial,
            catalog.guideSources,
            state,
          )}
        />
      </div>
    </>
  );
}
