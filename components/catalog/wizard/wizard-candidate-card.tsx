import Link from "next/link";
import { modelPath } from "@/lib/catalog/views/paths";
import type { WizardCandidate } from "@/lib/catalog/wizard";
import { formatPerMTok, formatTokens } from "@/lib/format";
import { WizardReasons } from "./wizard-reasons";

const ALSO_ON_SHOWN = 4;

/** One ranked model: its cheapest matching offering, the score, and the reasons behind it. */
export function WizardCandidateCard({
  candidate,
  rank,
  testId = "wizard-candidate",
  visibleReasons,
}: {
  candidate: WizardCandidate;
  rank?: number;
  testId?: string;
  visibleReasons?: number;
}) {
  const { entry } = candidate;
  const others = candidate.alsoOn.slice(0, ALSO_ON_SHOWN).map((other) => other.providerName);
  const hidden = candidate.alsoOn.length - others.length;
  return (
    <article
      data-testid={testId}
      data-model-id={entry.id}
      data-rank={rank}
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="mb-3 flex flex-wrap items-start gap-x-3 gap-y-1">
        {rank ? (
          <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white">
            {rank}
          </span>
        ) : null}
        <div className="min-w-0 flex-1">
          <Link
            href={modelPath(entry.id)}
            data-testid="wizard-candidate-link"
            className="break-words font-semibold hover:text-accent-600 hover:underline dark:hover:text-accent-100"
          >
            {entry.name}
          </Link>
          <p className="break-all text-xs text-muted">
            {entry.providerName} · <span className="font-mono">{entry.id}</span>
          </p>
        </div>
        <div className="basis-full text-sm sm:basis-auto sm:text-right">
          <div className="font-medium tabular-nums" data-testid="wizard-candidate-price">
            {entry.inputPerMTok === null && entry.outputPerMTok === null
              ? "Price unknown"
              : `${formatPerMTok(entry.inputPerMTok)} / ${formatPerMTok(entry.outputPerMTok)}`}
          </div>
          <div className="text-xs text-muted">
            per 1M in / out · {formatTokens(entry.contextWindow)} context
          </div>
        </div>
      </header>
      <WizardReasons reasons={candidate.reasons} visibleCount={visibleReasons} />
      <footer className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 pt-2 text-xs text-muted dark:border-zinc-800">
        <span data-testid="wizard-also-on">
          {others.length > 0
            ? `Also on: ${others.join(", ")}${hidden > 0 ? ` and ${hidden} more` : ""}`
            : "Only offering that matches"}
        </span>
        <span className="tabular-nums" title="Sum of the points behind the reasons above">
          Score {candidate.score}
        </span>
      </footer>
    </article>
  );
}
