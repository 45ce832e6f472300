import { Badge } from "@/components/ui/badge";
import { guideName } from "@/lib/catalog/guides/sources";
import type { WizardReason } from "@/lib/catalog/wizard";
import { formatDate } from "@/lib/format";

const VISIBLE_REASONS = 5;

function ReasonItem({ reason }: { reason: WizardReason }) {
  const caution = reason.kind === "caution";
  return (
    <li data-testid="wizard-reason" data-kind={reason.kind} className="flex gap-2 text-sm">
      <span
        aria-hidden
        className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${
          caution
            ? "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200"
            : "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200"
        }`}
      >
        {caution ? "!" : "✓"}
      </span>
      <div className="min-w-0">
        <span className="sr-only">{caution ? "Caution: " : "Fits: "}</span>
        <span className="break-words">{reason.text}</span>
        {reason.source ? (
          <Badge className="ml-1.5">
            {guideName(reason.source)}
            {reason.sourceDate ? ` · ${formatDate(reason.sourceDate)}` : ""}
          </Badge>
        ) : null}
        {reason.quote ? (
          <q
            title={reason.quote}
            className="mt-0.5 line-clamp-2 whitespace-pre-line break-words text-xs italic text-zinc-500 dark:text-zinc-400"
          >
            {reason.quote}
          </q>
        ) : null}
      </div>
    </li>
  );
}

/** Why a model was ranked: fits first, cautions after, the long tail folded away. */
export function WizardReasons({
  reasons,
  visibleCount = VISIBLE_REASONS,
}: {
  reasons: readonly WizardReason[];
  visibleCount?: number;
}) {
  const ordered = [
    ...reasons.filter((reason) => reason.kind === "fit"),
    ...reasons.filter((reason) => reason.kind === "caution"),
  ];
  const visible = ordered.slice(0, visibleCount);
  const rest = ordered.slice(visibleCount);
  return (
    <div>
      <ul className="flex flex-col gap-1.5">
        {visible.map((reason, index) => (
          <ReasonItem key={index} reason={reason} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="mt-1.5">
          <summary className="cursor-pointer text-xs text-accent-600 dark:text-accent-100">
            {rest.length} more {rest.length === 1 ? "reason" : "reasons"}
          </summary>
          <ul className="mt-1.5 flex flex-col gap-1.5">
            {rest.map((reason, index) => (
              <ReasonItem key={index} reason={reason} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
