import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Leaderboard name → catalog model id. Deterministic rules, tried in order, each checked against
 * the catalog's model ids; a name no rule or alias maps stays unmatched (never guessed).
 */

export const ALIASES_PATH = path.join(process.cwd(), "lib", "catalog", "data", "quality-aliases.json");

/**
 * Names no rule can derive (renamed products, short names): normalized leaderboard name → model id.
 * Null marks a name the rules would match to the wrong model (another snapshot under the same id),
 * so it stays unmatched.
 */
export const aliasTableSchema = z.record(z.string().regex(/^[a-z0-9.-]+$/), z.string().min(1).nullable());
export type AliasTable = z.infer<typeof aliasTableSchema>;

let cachedAliases: AliasTable | null = null;
export function loadAliases(): AliasTable {
  cachedAliases ??= aliasTableSchema.parse(JSON.parse(readFileSync(ALIASES_PATH, "utf8")));
  return cachedAliases;
}

export interface ModelMatch {
  modelId: string;
  /** Effort or thinking setting read from the name, e.g. "high" or "thinking-32k". */
  setting: string | null;
  rule: string;
}

const SETTING_SUFFIX =
  /-((?:x?high|medium|low|minimal)(?:-effort)?|thinking(?:-\d+k|-auto)?|no-?thinking|non-thinking|highthinking|reasoning|non-reasoning|base)$/;
const DATE_SUFFIXES = [
  /-\d{8}$/, // -20250514
  /-\d{4}-\d{2}-\d{2}$/, // -2025-04-16
  /-\d{2}-\d{4}$/, // -09-2025
  /-\d{2}-\d{2}$/, // -03-25
  /-(?:0[1-9]|1[0-2])\d{2}$/, // -0528 (mmdd)
  /-2[3-6](?:0[1-9]|1[0-2])$/, // -2507 (yymm, Mistral and Qwen)
  /-00\d$/, // -002 (Google's stable revisions)
  /-latest$/,
];

function normalize(name: string): { base: string; setting: string | null } {
  let base = name.trim().toLowerCase();
  let setting: string | null = null;
  // OpenRouter's reasoning parameter written after the slug: "openai/gpt-5.5-pro@reasoning=xhigh".
  const routed = base.match(/@reasoning=([a-z0-9-]+)$/);
  if (routed?.[1]) {
    setting = routed[1];
    base = base.slice(0, routed.index);
  }
  // OpenRouter's variants of a slug: ":free" is the same model served free, ":thinking" a setting.
  const variant = base.match(/:(free|thinking)$/);
  if (variant?.[1]) {
    base = base.slice(0, variant.index);
    if (variant[1] === "thinking") setting = setting ? `thinking ${setting}` : "thinking";
  }
  const paren = base.match(/\s*\(([^)]*)\)\s*$/);
  if (paren?.[1]) {
    const inside = paren[1].trim();
    base = base.slice(0, paren.index).trim();
    // "Qwen3 Max (2026-01-23)" names a dated snapshot, not a setting.
    if (/^\d{4}-\d{2}-\d{2}$/.test(inside)) base = `${base}-${inside}`;
    else setting = inside;
  }
  base = base
    .replace(/^[a-z0-9-]+\//, "")
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-");
  return { base, setting };
}

/** Successive rewrites of a name, most specific first; the first one the catalog knows wins. */
function* candidates(base: string): Generator<[string, string]> {
  let name = base;
  yield [name, "exact"];
  const dotted = (value: string) => value.replace(/(^|[a-z-])(\d)-(\d)(?=-|$)/g, "$1$2.$3");
  yield [dotted(name), "version dots"];
  for (let round = 0; round < 3; round++) {
    for (const pattern of DATE_SUFFIXES) {
      if (pattern.test(name)) {
        name = name.replace(pattern, "");
        yield [name, "dated snapshot"];
        yield [dotted(name), "dated snapshot"];
      }
    }
    if (name.endsWith("-it") || name.endsWith("-instruct")) {
      name = name.replace(/-(it|instruct)$/, "");
      yield [name, "instruct suffix"];
      yield [dotted(name), "instruct suffix"];
    }
  }
}

function withoutDates(name: string): string {
  let result = name;
  for (let round = 0; round < 3; round++) {
    for (const pattern of DATE_SUFFIXES) result = result.replace(pattern, "");
  }
  return result;
}

export function matchModelName(
  name: string,
  modelIds: ReadonlySet<string>,
  aliases: AliasTable = loadAliases(),
): ModelMatch | null {
  const { base, setting: parenSetting } = normalize(name);
  let stem = base;
  let setting = parenSetting;
  // Effort suffixes come off one at a time, but only after the full name failed: some catalog
  // ids (grok-4-fast-reasoning) carry them as part of the product name.
  for (;;) {
    const alias = aliases[stem];
    if (alias === null) return null;
    if (alias && modelIds.has(alias)) return { modelId: alias, setting, rule: "alias" };
    for (const [candidate, rule] of candidates(stem)) {
      if (modelIds.has(candidate)) return { modelId: candidate, setting, rule };
      const candidateAlias = aliases[candidate];
      if (candidateAlias && modelIds.has(candidateAlias))
        return { modelId: candidateAlias, setting, rule: "alias" };
    }
    // The effort may sit before the snapshot date (gpt-5.2-high-2025-12-11).
    const undated = stem.match(SETTING_SUFFIX) ? stem : withoutDates(stem);
    const suffix = undated.match(SETTING_SUFFIX);
    if (!suffix?.[1]) return null;
    stem = undated.slice(0, suffix.index);
    setting = setting ? `${suffix[1]} ${setting}` : suffix[1];
  }
}
