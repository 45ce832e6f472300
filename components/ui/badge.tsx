import type { ReactNode } from "react";

const TONES = {
  zinc: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  accent: "bg-accent-50 text-accent-700 dark:bg-accent-600/25 dark:text-accent-100",
  violet: "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  emerald: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  amber: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  sky: "bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  rose: "bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
} as const;

export type BadgeTone = keyof typeof TONES;

/** The one small label: a status, a flag, a kind. `tone` carries meaning; the text always says it too. */
export function Badge({
  children,
  tone = "zinc",
  testId,
  title,
  className = "",
}: {
  children: ReactNode;
  tone?: BadgeTone;
  testId?: string;
  title?: string;
  /** Spacing around the badge (margins); its look is the tone's. */
  className?: string;
}) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 font-sans text-[11px] font-medium whitespace-nowrap ${TONES[tone]} ${className}`}
      data-testid={testId}
      title={title}
    >
      {children}
    </span>
  );
}
