import { z } from "zod";

/**
 * Postgres text and jsonb cannot hold U+0000, and jsonb refuses unpaired UTF-16 surrogates. Such
 * characters carry no meaning in a name or a search, so they are dropped (NUL) or replaced (U+FFFD)
 * before saving, rather than failing the save with an error no retry can fix.
 */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").toWellFormed();
}

/** The same for every string and key inside a JSON value headed for a jsonb column. */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item)]),
    );
  }
  return value;
}

/** A zod string whose value is made storable before any length or content check runs. */
export const storableString = (message?: string) =>
  z.string(message ? { error: message } : undefined).transform(storableText);
