import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { trimDecimal } from "@/lib/format";

/** Small shared pieces of the History views. */

export const isSimulatedModel = (modelId: string) => modelId.startsWith("demo/");

export function ModelChip({ modelId }: { modelId: string }) {
  const simulated = isSimulatedModel(modelId);
  return (
    <span
      title={simulated ? "Simulated demo model: illustrative cost, not real spend" : modelId}
      className={`inline-block max-w-full truncate rounded-full border px-2 py-0.5 font-mono text-[11px] ${
        simulated
          ? "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          : "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      }`}
    >
      {modelId}
    </span>
  );
}

const STATUS_TONE: Record<string, BadgeTone> = { ok: "emerald", stopped: "amber", error: "rose" };

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STATUS_TONE[status] ?? "rose"} testId="result-status">
      {status}
    </Badge>
  );
}

export function SimulatedBadge({ label = "includes simulated" }: { label?: string }) {
  return (
    <Badge
      tone="amber"
      testId="simulated-badge"
      title="Demo models stream canned text; their cost is illustrative, not real spend."
    >
      {label}
    </Badge>
  );
}

export function EmptyState({
  testId,
  title,
  children,
}: {
  testId: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
      className="rounded-lg border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700"
    >
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}

/** Local date and time of an ISO timestamp; only rendered client-side after a fetch, so no hydration skew. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/** Rounded money is shown; the exact decimal goes in the hover title. */
export const exactUsdTitle = (costUsd: string | null, unknownReason = "Cost unknown: no known price") =>
  costUsd === null ? unknownReason : `$${trimDecimal(costUsd)}`;
