import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-accent-600 text-white hover:bg-accent-700",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 hover:border-zinc-400 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:border-zinc-500 dark:hover:bg-zinc-800",
  ghost:
    "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white",
  danger: "bg-red-600 text-white hover:bg-red-700",
  "danger-outline":
    "border border-red-300 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40",
  link: "text-accent-700 underline underline-offset-2 hover:decoration-2 dark:text-accent-300",
  remove: "rounded text-muted hover:bg-rose-50 hover:text-rose-600 dark:hover:bg-rose-950",
  /** A chosen value that a click removes: a model in the comparison, an active minimum score. */
  "remove-pill":
    "inline-flex items-center gap-1 rounded-full border border-zinc-300 px-2.5 py-1 text-xs text-zinc-700 hover:border-rose-400 hover:text-rose-600 dark:border-zinc-700 dark:text-zinc-200 dark:hover:border-rose-500 dark:hover:text-rose-400",
} as const;

// Minimum heights, not fixed ones, so a long label wraps inside the button on a narrow screen.
const SIZES = {
  xs: "min-h-6 rounded px-2 py-0.5 text-xs",
  sm: "min-h-8 rounded-md px-2.5 py-1 text-xs",
  md: "min-h-8 rounded-md px-3 py-1 text-sm",
  /** Beside the h-9 form fields, in the header, and for larger choices. */
  lg: "min-h-9 rounded-md px-3 py-1 text-sm",
  xl: "min-h-11 rounded-md px-4 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

// Text variants sit in a sentence, beside a field or inside a chip, so they take no box: the caller sizes the text.
const TEXT_VARIANTS: ReadonlySet<ButtonVariant> = new Set<ButtonVariant>(["link", "remove", "remove-pill"]);

/** The button look, for links and summaries that act as buttons. `size` is ignored by the text variants. */
export function buttonClassName(variant: ButtonVariant = "secondary", size: ButtonSize = "md"): string {
  const box = TEXT_VARIANTS.has(variant)
    ? ""
    : `inline-flex items-center justify-center gap-1 ${SIZES[size]} `;
  return `${box}font-medium transition disabled:opacity-50 ${VARIANTS[variant]}`;
}

/**
 * The one button: a native <button>, `type="button"` unless told otherwise, with every native prop and the
 * ref passed through. `className` adds layout (margins, width); it should not restate colours or sizes.
 */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  const look = buttonClassName(variant, size);
  return <button type={type} className={className ? `${look} ${className}` : look} {...props} />;
}
