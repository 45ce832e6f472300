import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toUsdString } from "@/lib/money";
import { blendedPerMTok } from "@/lib/pricing";
import { qualityValue, SCORE_KEYS, type ScoreKey, type TableQuality } from "../quality/views/scores";
import type { CatalogEntry } from "../schema";
import { COLUMN_KEYS, type ColumnKey, defaultSortDir, OPT_IN_COLUMNS, sortValue } from "../views/columns";
import { buildSearchEntry, compileQuery, type SearchIndexEntry } from "./fuzzy";

/**
 * The catalog's filters and sort, shared by the table (URL state), GET /api/models and exports,
 * so a shared URL and an API call with the same parameters return the same rows.
 */
/** How many models one comparison holds, in the table's selection and on the compare page. */
export const MAX_COMPARE_MODELS = 6;

export const MODALITIES = ["text", "image", "audio", "video", "pdf"] as const;
export type Modality = (typeof MODALITIES)[number];
export const CAPABILITIES = ["tools", "reasoning", "structured"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface CatalogQuery {
  q: string;
  providers: string[];
  input: Modality[];
  output: Modality[];
  minContext: number | null;
  maxInput: number | null;
  maxOutput: number | null;
  maxBlended: number | null;
  caps: Capability[];
  openWeights: boolean;
  deprecated: "hide" | "show";
  priced: boolean;
  sort: ColumnKey | null;
  dir: "asc" | "desc";
  ratio: [number, number];
  hidden: ColumnKey[] | null;
  /** Opt-in columns picked in the column menu (the per-source scores). */
  shown: ColumnKey[];
  /** Minimum quality index, 0–100; models without an index never pass. */
  minQuality: number | null;
  /** Minimum score per source (`minScore=arena:1300`); models without that score never pass. */
  minScores: Partial<Record<ScoreKey, number>>;
}

export const DEFAULT_RATIO: [number, number] = [3, 1];

export const DEFAULT_QUERY: CatalogQuery = {
  q: "",
  providers: [],
  input: [],
  output: [],
  minContext: null,
  maxInput: null,
  maxOutput: null,
  maxBlended: null,
  caps: [],
  openWeights: false,
  deprecated: "hide",
  priced: false,
  sort: null,
  dir: "asc",
  ratio: DEFAULT_RATIO,
  hidden: null,
  shown: [],
  minQuality: null,
  minScores: {},
};

const single = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value.at(-1) : value) || undefined);

/** Repeated or comma-separated values, each checked against an allowed set. */
function list<T extends string>(isAllowed: (value: string) => boolean, message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : value ? [value] : [])
        .flatMap((part) => part.split(","))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAllowed, { error: (issue) => `"${String(issue.input)}" ${message}` })))
    .transform((values) => values as T[]);
}

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

const flag = single.pipe(
  z
    .enum(["1", "0", "true", "false"], { message: "use true or false" })
    .optional()
    .transform((value) => value === "1" || value === "true"),
);

const wholeNumber = (message: string) =>
  single.pipe(
    z
      .string()
      .regex(/^\d{1,12}$/, message)
      .optional()
      .transform((value) => (value === undefined ? null : Number(value))),
  );

const pricePerMTok = single.pipe(
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,12})?$/, "must be a number of USD per million tokens, such as 2.5")
    .optional()
    .transform((value) => (value === undefined ? null : Number(value))),
);

const minQuality = single.pipe(
  z
    .string()
    .regex(/^\d{1,3}(\.\d{1,6})?$/, "must be a number from 0 to 100 (the quality index)")
    .refine((value) => Number(value) <= 100, "must be at most 100")
    .optional()
    .transform((value) => (value === undefined ? null : Number(value))),
);

const minScoreMessage = `use source:value pairs such as arena:1300, with a source among ${SCORE_KEYS.join(", ")}`;
const minScores = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((part) => part.split(",")).filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[a-zA-Z]+:\d{1,5}(\.\d{1,6})?$/, minScoreMessage)
        .refine((pair) => (SCORE_KEYS as readonly string[]).includes(pair.split(":")[0] ?? ""), {
          error: (issue) =>
            `"${String(issue.input).split(":")[0]}" is not a score source; ${minScoreMessage}`,
        }),
    ),
  )
  .transform((pairs) => {
    const out: Partial<Record<ScoreKey, number>> = {};
    for (const pair of pairs) {
      const [key, value] = pair.split(":") as [ScoreKey, string];
      out[key] = Number(value);
    }
    return out;
  });

export function catalogQuerySchema(knownProviders: ReadonlySet<string>) {
  const modalityMessage = `is not a modality; use ${MODALITIES.join(", ")}`;
  return z.object({
    q: single.transform((value) => value?.slice(0, 200) ?? ""),
    provider: list<string>((id) => knownProviders.has(id), "is not a provider in the catalog"),
    input: list<Modality>(oneOf(MODALITIES), modalityMessage),
    output: list<Modality>(oneOf(MODALITIES), modalityMessage),
    minContext: wholeNumber("must be a whole number of tokens, such as 128000"),
    maxInput: pricePerMTok,
    maxOutput: pricePerMTok,
    maxBlended: pricePerMTok,
    cap: list<Capability>(oneOf(CAPABILITIES), `is not a capability; use ${CAPABILITIES.join(", ")}`),
    openWeights: flag,
    deprecated: single.pipe(z.enum(["hide", "show"], { message: "use hide or show" }).optional()),
    priced: flag,
    sort: single.pipe(
      z.enum(COLUMN_KEYS, { message: `must be one of ${COLUMN_KEYS.join(", ")}` }).optional(),
    ),
    dir: single.pipe(z.enum(["asc", "desc"], { message: "use asc or desc" }).optional()),
    ratio: single.pipe(
      z
        .string()
        .regex(/^\d{1,3}:\d{1,3}$/, "use input:output weights such as 3:1")
        .refine((value) => !/^0+:0+$/.test(value), "weights cannot both be 0")
        .optional(),
    ),
    hide: list<ColumnKey>(oneOf(COLUMN_KEYS), "is not a column"),
    show: list<ColumnKey>(oneOf(OPT_IN_COLUMNS), "is not a column you can add"),
    minQuality,
    minScore: minScores,
    format: single.pipe(z.enum(["json", "csv"], { message: "use json or csv" }).optional()),
  });
}

export type RawQuery = Record<string, string | string[]>;

export function searchParamsToRaw(params: URLSearchParams): RawQuery {
  const raw: RawQuery = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return raw;
}

/** Parses URL or API parameters; throws a 400 AppError naming the bad parameter. */
export function parseCatalogQuery(
  raw: RawQuery,
  knownProviders: ReadonlySet<string>,
): CatalogQuery & { format: "json" | "csv" } {
  const result = catalogQuerySchema(knownProviders).safeParse(raw);
  if (!result.success) throw AppError.fromZod("catalog", result.error, "query parameter");
  const value = result.data;
  const [inputWeight = 3, outputWeight = 1] = (value.ratio ?? "3:1").split(":").map(Number);
  return {
    q: value.q,
    providers: value.provider,
    input: value.input,
    output: value.output,
    minContext: value.minContext,
    maxInput: value.maxInput,
    maxOutput: value.maxOutput,
    maxBlended: value.maxBlended,
    caps: value.cap,
    openWeights: value.openWeights,
    deprecated: value.deprecated ?? "hide",
    priced: value.priced,
    sort: value.sort ?? null,
    dir: value.dir ?? (value.sort ? defaultSortDir(value.sort) : "asc"),
    ratio: [inputWeight, outputWeight],
    hidden: value.hide.length > 0 ? value.hide : null,
    shown: value.show,
    minQuality: value.minQuality,
    minScores: value.minScore,
    format: value.format ?? "json",
  };
}

/** The shortest parameter string that restores the query; defaults are left out. */
export function serializeCatalogQuery(query: CatalogQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const provider of query.providers) params.append("provider", provider);
  for (const modality of query.input) params.append("input", modality);
  for (const modality of query.output) params.append("output", modality);
  if (query.minContext !== null) params.set("minContext", String(query.minContext));
  if (query.maxInput !== null) params.set("maxInput", String(query.maxInput));
  if (query.maxOutput !== null) params.set("maxOutput", String(query.maxOutput));
  if (query.maxBlended !== null) params.set("maxBlended", String(query.maxBlended));
  for (const capability of query.caps) params.append("cap", capability);
  if (query.openWeights) params.set("openWeights", "1");
  if (query.deprecated !== "hide") params.set("deprecated", query.deprecated);
  if (query.priced) params.set("priced", "1");
  if (query.sort) params.set("sort", query.sort);
  if (query.sort && query.dir !== defaultSortDir(query.sort)) params.set("dir", query.dir);
  if (query.ratio[0] !== DEFAULT_RATIO[0] || query.ratio[1] !== DEFAULT_RATIO[1]) {
    params.set("ratio", `${query.ratio[0]}:${query.ratio[1]}`);
  }
  if (query.hidden) params.set("hide", query.hidden.join(","));
  if (query.shown.length > 0) params.set("show", query.shown.join(","));
  if (query.minQuality !== null) params.set("minQuality", String(query.minQuality));
  for (const key of SCORE_KEYS) {
    const minimum = query.minScores[key];
    if (minimum !== undefined) params.append("minScore", `${key}:${minimum}`);
  }
  return params.toString();
}

/** Per-entry values that do not depend on the query, computed once per catalog load. */
export interface PreparedEntry {
  entry: CatalogEntry;
  search: SearchIndexEntry;
  input: number | null;
  output: number | null;
  quality: TableQuality | null;
}

/** `qualityOf` gives each model's scores; without it every quality is unknown. */
export function prepareEntries(
  entries: readonly CatalogEntry[],
  qualityOf: (modelId: string) => TableQuality | null = () => null,
): PreparedEntry[] {
  return entries.map((entry) => ({
    entry,
    search: buildSearchEntry(entry.name, entry.id, entry.providerName, entry.modelId),
    input: entry.inputPerMTok === null ? null : Number(entry.inputPerMTok),
    output: entry.outputPerMTok === null ? null : Number(entry.outputPerMTok),
    quality: qualityOf(entry.modelId),
  }));
}

export interface QueryRow {
  entry: CatalogEntry;
  /** Approximate blended price, for ordering and filtering only; display uses blendedDecimal. */
  blendedForSort: number | null;
  quality: TableQuality | null;
}

/** Exact blended price per MTok for an input:output weighting, as a decimal string; null when unknown. */
export function blendedDecimal(entry: CatalogEntry, ratio: [number, number]): string | null {
  const money = blendedPerMTok(
    { inputPerMTok: entry.inputPerMTok, outputPerMTok: entry.outputPerMTok },
    ratio[0],
    ratio[1],
  );
  return money ? toUsdString(money) : null;
}

function capabilityOf(entry: CatalogEntry, capability: Capability): boolean | null {
  if (capability === "tools") return entry.toolCall;
  if (capability === "reasoning") return entry.reasoning;
  return entry.structuredOutput;
}

/** Unknown quality never passes a minimum. */
function meetsQuality(quality: TableQuality | null, query: Pick<CatalogQuery, "minQuality" | "minScores">) {
  if (query.minQuality !== null) {
    const index = quality?.index ?? null;
    if (index === null || index < query.minQuality) return false;
  }
  for (const key of SCORE_KEYS) {
    const minimum = query.minScores[key];
    if (minimum === undefined) continue;
    const value = qualityValue(quality, key);
    if (value === null || value < minimum) return false;
  }
  return true;
}

/** Filters, searches and sorts. Unknown values never pass a "must have" filter and always sort last. */
export function applyCatalogQuery(prepared: readonly PreparedEntry[], query: CatalogQuery): QueryRow[] {
  const providers = query.providers.length > 0 ? new Set(query.providers) : null;
  const [inputWeight, outputWeight] = query.ratio;
  const scored: { row: QueryRow; score: number }[] = [];
  const matcher = query.q ? compileQuery(query.q) : null;

  for (const item of prepared) {
    const { entry } = item;
    if (providers && !providers.has(entry.provider)) continue;
    if (query.deprecated === "hide" && entry.deprecated === true) continue;
    if (query.openWeights && entry.openWeights !== true) continue;
    if (query.priced && (item.input === null || item.output === null)) continue;
    if (query.minContext !== null && (entry.contextWindow === null || entry.contextWindow < query.minContext))
      continue;
    if (query.input.length > 0) {
      const have = entry.modalities.input;
      if (!have || !query.input.every((modality) => have.includes(modality))) continue;
    }
    if (query.output.length > 0) {
      const have = entry.modalities.output;
      if (!have || !query.output.every((modality) => have.includes(modality))) continue;
    }
    if (query.caps.some((capability) => capabilityOf(entry, capability) !== true)) continue;
    if (query.maxInput !== null && (item.input === null || item.input > query.maxInput)) continue;
    if (query.maxOutput !== null && (item.output === null || item.output > query.maxOutput)) continue;

    const blended =
      item.input === null || item.output === null
        ? null
        : (item.input * inputWeight + item.output * outputWeight) / (inputWeight + outputWeight);
    if (query.maxBlended !== null && (blended === null || blended > query.maxBlended + 1e-12)) continue;

    if (!meetsQuality(item.quality, query)) continue;

    let score = 1;
    if (matcher) {
      score = matcher(item.search);
      if (score === 0) continue;
    }
    scored.push({ row: { entry, blendedForSort: blended, quality: item.quality }, score });
  }

  const direction = query.dir === "desc" ? -1 : 1;
  const sortKey = query.sort;
  scored.sort((left, right) => {
    if (sortKey) {
      const a = sortValue(left.row, sortKey);
      const b = sortValue(right.row, sortKey);
      if (a === null && b !== null) return 1;
      if (b === null && a !== null) return -1;
      if (a !== null && b !== null && a !== b) return (a < b ? -1 : 1) * direction;
    } else if (query.q && left.score !== right.score) {
      return right.score - left.score;
    }
    return left.row.entry.id < right.row.entry.id ? -1 : left.row.entry.id > right.row.entry.id ? 1 : 0;
  });
  return scored.map((item) => item.row);
}
