import type { Metadata } from "next";
import { Calculator } from "@/components/calculator/calculator";
import { PageHeader } from "@/components/ui/page-header";
import { calculatorPresets } from "@/lib/calculator/presets";
import { guideName } from "@/lib/catalog/guides/sources";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Calculator" };

export default async function CalculatorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { presets, costFormula } = calculatorPresets();
  return (
    <>
      <PageHeader
        title="Team cost calculator"
        description={`What your workloads cost per month on every priced model, and what a cheaper mix would save. ${costFormula.text}, per million tokens, as the ${guideName(costFormula.source)} (${formatDate(costFormula.sourceDate)}) puts it; long-context tiers and cache prices are applied on top.`}
      />
      <Calculator
        presets={presets}
        initialScenarioParam={first(params.s) ?? null}
        // The catalog's "Estimate cost" link names the model to highlight (?models=a,b).
        highlightModels={(first(params.models) ?? "").split(",").filter(Boolean)}
      />
    </>
  );
}
