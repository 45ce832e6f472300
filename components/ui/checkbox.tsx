import type { ComponentProps, ReactNode } from "react";

/**
 * The one checkbox: a native <input type="checkbox"> inside the <label> that names it, so a click on the text
 * toggles it. Every native prop and the ref go to the input. `className` styles the label; with no
 * children there is no label, so the caller names the box with `aria-label` and `className` goes to the box.
 * `compact` is the small grey toolbar look.
 */
export function Checkbox({
  children,
  className,
  compact = false,
  ...props
}: Omit<ComponentProps<"input">, "type" | "children"> & { children?: ReactNode; compact?: boolean }) {
  const box = `shrink-0 accent-accent-600 ${compact ? "size-3.5" : "size-4"}`;
  if (children === undefined) {
    return <input type="checkbox" className={className ? `${box} ${className}` : box} {...props} />;
  }
  const text = compact ? "gap-1.5 text-xs text-zinc-600 dark:text-zinc-300" : "gap-2 text-sm";
  return (
    <label className={`flex items-center ${text}${className ? ` ${className}` : ""}`}>
      <input type="checkbox" className={box} {...props} />
      {children}
    </label>
  );
}
