import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { BoolCell, DateCell, ModalitiesCell, TokensCell } from "@/components/catalog/cells";
import { PriceHistoryChart } from "@/components/catalog/charts/price-history-chart";
import { GuideNotes } from "@/components/catalog/detail/guide-notes";
import { ConflictList, HistoryTable } from "@/components/catalog/detail/history-table";
import { OfferingsTable } from "@/components/catalog/detail/offerings-table";
import { PricePanel } from "@/components/catalog/detail/price-panel";
import { QualityPanel } from "@/components/catalog/detail/quality-panel";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getModelQualityDetail } from "@/lib/catalog/quality/views/summary";
import { getOfferingDetail } from "@/lib/catalog/read/detail";
import { getCatalog } from "@/lib/catalog/read/served";
import { comparePath } from "@/lib/catalog/views/paths";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string[] }> };

// Metadata and the page both need the detail; cache() makes that one lookup per request.
const detailOf = cache(async (id: string) => getOfferingDetail(id));

async function load(params: Props["params"]) {
  const id = (await params).id.map((segment) => decodeURIComponent(segment)).join("/");
  try {
    return await detailOf(id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(params);
  return { title: `${detail.entry.name} (${detail.entry.providerName})` };
}

function Capability({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function BoolCapability({ label, value }: { label: string; value: boolean | null }) {
  return (
    <Capability label={label}>
      <BoolCell value={value} label={label} />
    </Capability>
  );
}

const actionClass = buttonClassName("secondary");

export default async function ModelDetailPage({ params }: Props) {
  const detail = await load(params);
  const { entry } = detail;
  const quality = await getModelQualityDetail(await getCatalog(), entry.modelId);
  const encodedId = encodeURIComponent(entry.id);
  return (
    <div className="space-y-5">
      <div>
        <Link
          href="/catalog"
          className="text-sm text-accent-600 dark:text-accent-300 underline underline-offset-2"
        >
          ← Catalog
        </Link>
        <div className="mt-2 flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">
              {entry.name}
            </h1>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {entry.providerName} ·{" "}
              <span className="font-mono text-xs" data-testid="model-id">
                {entry.id}
              </span>
              {entry.deprecated ? (
                <Badge tone="amber" className="ml-2">
                  deprecated
                </Badge>
              ) : null}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/playground?models=${encodedId}`}
              className={actionClass}
              data-testid="try-in-playground"
            >
              Try in playground
            </Link>
            <Link
              href={`/calculator?models=${encodedId}`}
              className={actionClass}
              data-testid="estimate-cost"
            >
              Estimate cost
            </Link>
            <Link
              href={comparePath([
                entry.id,
                ...detail.offerings
                  .filter((o) => o.id !== entry.id)
                  .slice(0, 2)
                  .map((o) => o.id),
              ])}
              className={actionClass}
              data-testid="compare-offerings"
            >
              Compare
            </Link>
          </div>
        </div>
      </div>

      <ConflictList conflicts={detail.conflicts} />

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <PricePanel entry={entry} price={detail.price} />
        </div>
        <Card data-testid="capabilities">
          <h2 className="mb-3 font-semibold">Capabilities</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <Capability label="Context window">
              <TokensCell value={entry.contextWindow} />
            </Capability>
            <Capability label="Max output">
              <TokensCell value={entry.maxOutputTokens} />
            </Capability>
            <Capability label="Modalities">
              <ModalitiesCell input={entry.modalities.input} output={entry.modalities.output} />
            </Capability>
            <BoolCapability label="Tool calling" value={entry.toolCall} />
            <BoolCapability label="Reasoning" value={entry.reasoning} />
            <BoolCapability label="Structured output" value={entry.structuredOutput} />
            <BoolCapability label="Open weights" value={entry.openWeights} />
            <Capability label="Released">
              <DateCell value={entry.releaseDate} />
            </Capability>
            <Capability label="Knowledge cutoff">
              <DateCell value={entry.knowledgeCutoff} />
            </Capability>
          </dl>
          <p className="mt-3 text-xs text-muted">? means no source states it.</p>
        </Card>
      </div>

      <Card data-testid="quality">
        <h2 className="mb-1 font-semibold">Quality scores</h2>
        <p className="mb-3 text-xs text-muted">
          Public leaderboards and the buying guides, for {entry.modelId} at every provider.
        </p>
        <QualityPanel detail={quality} />
      </Card>

      <Card data-testid="offerings">
        <h2 className="mb-1 font-semibold">
          Offered by {detail.offerings.length} provider{detail.offerings.length === 1 ? "" : "s"}
        </h2>
        <p className="mb-3 text-xs text-muted">
          The same model ({entry.modelId}) sold by different providers, cheapest first.
        </p>
        <OfferingsTable offerings={detail.offerings} currentId={entry.id} />
      </Card>

      <Card data-testid="price-history">
        <h2 className="mb-1 font-semibold">Price history</h2>
        <p className="mb-3 text-xs text-muted">
          Append-only: a changed price is a new row. Prices from the buying guides are shown with the
          guide&apos;s date.
        </p>
        <PriceHistoryChart series={[{ offeringId: entry.id, label: entry.name, points: detail.history }]} />
        <div className="mt-4">
          <HistoryTable history={detail.history} />
        </div>
      </Card>

      <Card data-testid="editorial">
        <h2 className="mb-3 font-semibold">What the buying guides say</h2>
        <GuideNotes notes={detail.editorial} conflicts={detail.guideConflicts} />
      </Card>
    </div>
  );
}
