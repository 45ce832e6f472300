/**
 * One CSV cell. Empty for unknown (never 0); quoted when it holds a separator; text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark.
 */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  const safe = typeof value === "string" && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
