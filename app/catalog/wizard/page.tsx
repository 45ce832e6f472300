import type { Metadata } from "next";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { SourceLine } from "@/components/catalog/source-line";
import { WizardForm } from "@/components/catalog/wizard/wizard-form";
import { WizardResults } from "@/components/catalog/wizard/wizard-results";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCatalog } from "@/lib/catalog/read/served";
import {
  CONTEXT_OPTIONS_TOKENS,
  DEFAULT_CHOICES,
  DEFAULT_CONTEXT_TOKENS,
  INPUT_MODALITIES,
  parseWizardAnswers,
  recommendModels,
  wizardQuestions,
} from "@/lib/catalog/wizard";

export const metadata: Metadata = { title: "Which model?" };
export const dynamic = "force-dynamic";

export default async function WizardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, catalog] = await Promise.all([searchParams, getCatalog()]);
  const answers = parseWizardAnswers(params);
  const result = recommendModels(catalog.entries, answers);
  const { core, more } = wizardQuestions();
  return (
    <>
      <PageHeader
        title="Which model?"
        description="Answer a few questions. Hard requirements filter the live catalog; the buying guides' decision rules, tags and quotes rank what is left, with the reasons shown."
      />
      <CatalogTabs />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,340px)_minmax(0,1fr)]">
        <Card className="h-fit lg:sticky lg:top-4">
          <WizardForm
            answers={answers}
            core={core.map((question) => ({ ...question, answers: [...question.answers] }))}
            more={more.map((question) => ({ ...question, answers: [...question.answers] }))}
            defaults={DEFAULT_CHOICES}
            contextOptionsTokens={CONTEXT_OPTIONS_TOKENS}
            defaultContextTokens={DEFAULT_CONTEXT_TOKENS}
            inputModalities={INPUT_MODALITIES}
          />
        </Card>
        <WizardResults result={result} />
      </div>
      <div className="mt-6">
        <SourceLine asOf={catalog.asOf} sources={catalog.sources} />
      </div>
    </>
  );
}
