"use client";

import { type ReactNode, useEffect, useState } from "react";
import { fieldBoxClass } from "@/components/ui/control-class";

export const inputClass = `h-8 w-full min-w-0 ${fieldBoxClass} px-2 text-sm tabular-nums`;

/** A labelled control with its unit under it ("tokens / request"). */
export function Field({
  label,
  unit,
  hint,
  children,
  className = "",
}: {
  label: string;
  unit?: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, so the label wraps it.
    <label className={`flex min-w-0 flex-col gap-1 text-xs ${className}`}>
      <span className="font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      {children}
      {unit || hint ? (
        <span className="text-[11px] text-muted">
          {unit}
          {unit && hint ? " · " : null}
          {hint}
        </span>
      ) : null}
    </label>
  );
}

/**
 * A number input that lets the user clear it and type freely; it reports only parsable numbers,
 * and shows the outside value again when that changes (a preset, the token counter).
 */
export function NumberInput({
  value,
  onChange,
  testId,
  min = 0,
  max,
  step,
  integer = false,
  placeholder,
  ariaLabel,
}: {
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  testId?: string;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  placeholder?: string;
  ariaLabel?: string;
}) {
  const [text, setText] = useState(value === null || value === undefined ? "" : String(value));
  useEffect(() => {
    setText((current) => {
      const shown = current.trim() === "" ? null : Number(current);
      return shown === (value ?? null) ? current : value === null || value === undefined ? "" : String(value);
    });
  }, [value]);
  return (
    <input
      type="number"
      inputMode={integer ? "numeric" : "decimal"}
      className={inputClass}
      data-testid={testId}
      aria-label={ariaLabel}
      value={text}
      min={min}
      max={max}
      step={step ?? (integer ? 1 : "any")}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        const raw = event.target.value.trim();
        if (raw === "") return onChange(null);
        const parsed = Number(raw);
        if (Number.isFinite(parsed)) onChange(integer ? Math.round(parsed) : parsed);
      }}
    />
  );
}
