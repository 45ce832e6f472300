import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { guideName } from "@/lib/catalog/guides/sources";
import { comparePath, modelPath } from "@/lib/catalog/views/paths";
import type { HardFilter, WizardCandidate, WizardResult } from "@/lib/catalog/wizard";
import { formatInteger } from "@/lib/format";
import { WizardCandidateCard } from "./wizard-candidate-card";
import { WizardReasons } from "./wizard-reasons";

const COMPARE_COUNT = 3;
const FILTER_TEXT: Record<HardFilter, { failed: string; unknown: string }> = {
  "not-chat": { failed: "are not text-generation models", unknown: "" },
  deprecated: { failed: "are deprecated", unknown: "" },
  context: { failed: "have too small a context window", unknown: "have an unknown context window" },
  modality: { failed: "lack a required input", unknown: "have unknown input types" },
  "open-weights": { failed: "have closed weights", unknown: "have unknown weight licensing" },
  "eu-hosting": { failed: "are not EU-hosted", unknown: "have no EU hosting the guides vouch for" },
};

function excludedSummary(counts: WizardResult["excludedCounts"]): string[] {
  return (Object.keys(counts) as HardFilter[]).flatMap((filter) =>
    (["failed", "unknown"] as const).flatMap((kind) =>
      counts[filter][kind] > 0 ? [`${formatInteger(counts[filter][kind])} ${FILTER_TEXT[filter][kind]}`] : [],
    ),
  );
}

function RouteLink({ label, candidate }: { label: string; candidate: WizardCandidate | null }) {
  return (
    <li className="flex flex-wrap gap-x-2">
      <span className="text-muted">{label}</span>
      {candidate ? (
        <Link
          href={modelPath(candidate.entry.id)}
          className="font-medium hover:text-accent-600 hover:underline"
        >
          {candidate.entry.name}{" "}
          <span className="font-normal text-muted">on {candidate.entry.providerName}</span>
        </Link>
      ) : (
        <span>no model passes your filters</span>
      )}
    </li>
  );
}

/** The ranking, the fallback on another provider, and the router when budget matters. */
export function WizardResults({ result }: { result: WizardResult }) {
  const excluded = excludedSummary(result.excludedCounts);
  const compareIds = result.candidates.slice(0, COMPARE_COUNT).map((candidate) => candidate.entry.id);
  return (
    <div data-testid="wizard-result" className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 text-sm">
          <p data-testid="wizard-match-count">
            <strong>{formatInteger(result.matchingModels)}</strong> models (
            {formatInteger(result.matchingOfferings)} offerings) pass your hard filters; the top{" "}
            {result.candidates.length} are ranked below.
          </p>
          {excluded.length > 0 ? (
            <p className="mt-1 text-xs text-muted" data-testid="wizard-excluded">
              Left out: {excluded.join("; ")}. Unknown values never pass a filter.
            </p>
          ) : null}
        </div>
        {compareIds.length > 1 ? (
          <Link
            href={comparePath(compareIds)}
            data-testid="wizard-compare"
            className={`shrink-0 ${buttonClassName("primary")}`}
          >
            Compare top {compareIds.length}
          </Link>
        ) : null}
      </div>

      {result.candidates.length === 0 ? (
        <p
          data-testid="wizard-empty"
          className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-muted dark:border-zinc-700"
        >
          No model in the catalog meets every hard requirement. Try a smaller context need, fewer input types,
          or cloud hosting.
        </p>
      ) : (
        <ol className="flex flex-col gap-3">
          {result.candidates.map((candidate, index) => (
            <li key={candidate.entry.id}>
              <WizardCandidateCard candidate={candidate} rank={index + 1} />
            </li>
          ))}
        </ol>
      )}

      <section
        data-testid="wizard-fallback"
        className="rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
      >
        <h2 className="mb-2 font-semibold">Fallback on another provider</h2>
        {result.fallback ? (
          <div className="flex flex-col gap-3">
            <WizardReasons reasons={result.fallback.reasons} />
            <WizardCandidateCard
              candidate={result.fallback.candidate}
              testId="wizard-fallback-candidate"
              visibleReasons={1}
            />
          </div>
        ) : (
          <p className="text-sm text-muted">
            Every model that passes your filters comes from one provider, so there is no fallback elsewhere.
            Relax a hard requirement to get one.
          </p>
        )}
      </section>

      {result.router ? (
        <section
          data-testid="wizard-router"
          className="rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
        >
          <h2 className="mb-1 font-semibold">Save with a {result.router.name.toLowerCase()}</h2>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
            A small model classifies each request; simple ones stay cheap, complex ones escalate.{" "}
            {result.router.benefit
              ? `The ${guideName("guide-2024-11")} puts it at ${result.router.benefit}.`
              : null}
          </p>
          <ul className="mb-3 flex flex-col gap-1 text-sm">
            <RouteLink label="Simple requests →" candidate={result.router.simple} />
            <RouteLink label="Complex requests →" candidate={result.router.complex} />
          </ul>
          <WizardReasons reasons={[result.router.citation, result.router.taskShare]} />
        </section>
      ) : null}
    </div>
  );
}
