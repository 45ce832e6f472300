/**
 * The one formatting module: money, token counts, dates and per-million prices, all through
 * Intl.NumberFormat with a fixed locale so server and browser render the same text.
 */
const LOCALE = "en-US";

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
// Built once: formatters are costly to create and money is formatted in every table cell.
const centsFormat = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "USD" });
const subCentFormat = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  maximumSignificantDigits: 3,
  minimumSignificantDigits: 1,
});

export const UNKNOWN = "unknown";

/** numeric(20,10) comes back as "2.5000000000"; prices are shown as the source wrote them. */
export function trimDecimal(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/** A price in USD per million tokens from its exact decimal string: "$2.50", "$0.075", "$0.0375". */
export function formatPerMTok(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return UNKNOWN;
  const [whole = "0", fraction = ""] = decimal.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  // Keep every significant digit the source gave (prices are exact), but show cents at least.
  const shown = trimmed.length < 2 ? trimmed.padEnd(2, "0") : trimmed;
  return `$${integerFormat.format(Number(whole))}.${shown}`;
}

/**
 * A USD amount given as an exact decimal string. Sub-cent amounts keep significant digits
 * ("$0.000375"); amounts of a dollar or more show cents; `precision: "whole"` rounds to dollars.
 */
export function formatUsd(
  decimal: string | null | undefined,
  precision: "auto" | "cents" | "whole" = "auto",
): string {
  if (decimal === null || decimal === undefined) return UNKNOWN;
  const value = Number(decimal);
  if (precision === "whole") return `$${integerFormat.format(Math.round(value))}`;
  const abs = Math.abs(value);
  if (precision === "cents" || abs >= 1 || abs === 0) return centsFormat.format(value);
  return subCentFormat.format(value);
}

export function formatTokens(count: number | null | undefined): string {
  if (count === null || count === undefined) return UNKNOWN;
  return count >= 10_000 ? compactFormat.format(count) : integerFormat.format(count);
}

export function formatInteger(count: number | null | undefined): string {
  if (count === null || count === undefined) return UNKNOWN;
  return integerFormat.format(count);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-11" → "Nov 2024"; "2026-03-05" → "Mar 5, 2026". Partial dates stay partial. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return UNKNOWN;
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return UNKNOWN;
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${integerFormat.format(Math.round(ms))} ms`;
}

/**
 * Text on one line, cut at a word boundary to at most `max` characters with an ellipsis, for titles
 * and quotes of a prompt.
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
