import { formatPerMTok, formatTokens } from "@/lib/format";
import { compareUsd, type Money, toUsdString } from "@/lib/money";
import { blendedPerMTok } from "@/lib/pricing";
import {
  benchmarkFacts,
  type DecisionRule,
  decisionRules,
  editorialModels,
  guidanceFacts,
  latencyFacts,
  lineupFacts,
  type ModelTagFact,
  modelTagFacts,
  recommendationFacts,
  routingPattern,
  seedSelectModel,
} from "./editorial";
import { buildEditorialLinks } from "./editorial-link";
import type { CatalogEntry } from "./entry";
import { creatorOf } from "./match";

/**
 * The "Which model?" wizard: seed 002's decision rules and the guides' tags score catalog
 * offerings that pass hard filters computed from catalog facts. Answers live in the URL.
 */
export const INPUT_MODALITIES = ["image", "audio", "video"] as const;
export type InputModality = (typeof INPUT_MODALITIES)[number];
export const CONTEXT_OPTIONS_TOKENS = [8_000, 32_000, 128_000, 200_000, 500_000, 1_000_000] as const;
export const DEFAULT_CONTEXT_TOKENS = 32_000;
// The guides' questions the form always shows; the rest are optional ("no preference").
export const DEFAULT_CHOICES: Readonly<Record<string, string>> = {
  "task-type": "general-chat",
  "budget-sensitivity": "moderate",
  "quality-bar": "good",
  "data-privacy": "cloud-ok",
  "eu-hosting": "no",
  "latency-priority": "normal",
};
// Answered through the numeric context field and the modality checkboxes instead.
const DERIVED_QUESTIONS = new Set(["context-needed", "modality"]);
const TOP_CANDIDATES = 8;
// Input-heavy 3:1 blend, the catalog's default ratio.
const BLEND: [number, number] = [3, 1];
const PRICE_WEIGHT: Record<string, number> = { high: 6, moderate: 3, none: 0 };
// Where a model is hosted, not what it can do: these tags only count for the host they name.
const HOST_TAGS = new Set([
  "reliable-uptime",
  "enterprise-sla",
  "gcp-integration",
  "free-tier",
  "eu-hosting",
]);
// Editorial families name a line, not a version; we let their tags reach every version of the line.
const FAMILIES: readonly [string, RegExp][] = [
  ["llama-3", /^llama-3([.-]|$)/],
  ["llama-3.1", /^llama-3\.1-/],
  ["claude-sonnet", /^claude-(sonnet|\d[\d.]*-sonnet)/],
  ["gemini-flash", /^gemini-[\d.]+-flash/],
  ["pixtral", /^pixtral/],
  ["deepseek-v4", /^deepseek-v4/],
];
const NOT_CHAT = /embed|rerank|whisper|moderation|transcri|tts/;
// Which of the guides' recommendation topics each answer asks about ("question=answer").
const ANSWER_TOPICS: Readonly<Record<string, readonly string[]>> = {
  "task-type=general-chat": ["chatbot-general", "default-choice"],
  "task-type=customer-support": ["customer-support"],
  "task-type=coding": ["coding", "coding-assistant"],
  "task-type=analysis-reasoning": ["analysis-reasoning"],
  "task-type=content-generation": ["content-generation", "creative-writing"],
  "task-type=data-extraction": ["data-extraction", "structured-output"],
  "task-type=document-analysis": ["document-analysis", "long-documents", "document-summarization"],
  "task-type=agentic": ["agentic-tool-use"],
  "task-type=voice": ["audio"],
  "task-type=video-analysis": ["video"],
  "budget-sensitivity=high": ["lowest-cost", "best-value-budget", "cost-optimization"],
  "quality-bar=best": ["best-quality"],
  "latency-priority=critical": ["lowest-latency"],
  "data-privacy=self-host": ["data-privacy"],
  "eu-hosting=yes": ["eu-data-residency"],
  "modality=image": ["multimodal"],
  "modality=audio": ["audio"],
  "modality=video": ["video"],
  "fine-tuning=yes": ["fine-tuning"],
  "volume=high": ["high-volume-cost"],
  "ecosystem=important": ["largest-ecosystem"],
  "cloud=gcp": ["gcp-integration"],
  "safety=yes": ["safety-critical"],
  "free-tier=yes": ["best-free-tier"],
};

export interface WizardAnswers {
  /** The guides' own questions: question id → answer value. */
  choices: Record<string, string>;
  contextTokens: number;
  inputModalities: InputModality[];
}

export interface WizardReason {
  text: string;
  kind: "fit" | "caution";
  /** "seed-002" for the guides, "genai-prices" / "models.dev" for catalog facts. */
  source?: string;
  sourceDate?: string;
  quote?: string;
}

export interface WizardCandidate {
  entry: CatalogEntry;
  score: number;
  blendedPerMTok: string | null;
  reasons: WizardReason[];
  alsoOn: { id: string; providerName: string }[];
}

export type HardFilter = "not-chat" | "deprecated" | "context" | "modality" | "open-weights" | "eu-hosting";

export interface WizardResult {
  candidates: WizardCandidate[];
  fallback: { candidate: WizardCandidate; reasons: WizardReason[] } | null;
  /** Offerings left out, under the first hard filter each failed; unknown = the catalog does not say. */
  excludedCounts: Record<HardFilter, { failed: number; unknown: number }>;
  matchingModels: number;
  matchingOfferings: number;
  routing: WizardRouting | null;
}

export interface WizardRouting {
  name: string;
  benefit: string | null;
  simple: WizardCandidate | null;
  complex: WizardCandidate | null;
  taskShare: WizardReason;
  citation: WizardReason;
}

export interface WizardEditorial {
  rules: readonly DecisionRule[];
  tagFacts: readonly ModelTagFact[];
}

type Params = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function paramValues(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Reads answers from the URL; anything missing or invalid falls back to the default. */
export function parseWizardAnswers(params: Params): WizardAnswers {
  const choices: Record<string, string> = {};
  for (const question of decisionRules().questions) {
    if (DERIVED_QUESTIONS.has(question.id)) continue;
    const value = paramValues(params, question.id)[0];
    const fallback = DEFAULT_CHOICES[question.id];
    if (value && question.answers.some((answer) => answer.value === value)) choices[question.id] = value;
    else if (fallback) choices[question.id] = fallback;
  }
  const contextTokens = Number(paramValues(params, "context")[0]);
  const wanted = new Set(paramValues(params, "input").flatMap((value) => value.split(",")));
  return {
    choices,
    contextTokens:
      Number.isSafeInteger(contextTokens) && contextTokens > 0 && contextTokens <= 10_000_000
        ? contextTokens
        : DEFAULT_CONTEXT_TOKENS,
    inputModalities: INPUT_MODALITIES.filter((modality) => wanted.has(modality)),
  };
}

/** The shortest query string that restores the answers; defaults are left out. */
export function serializeWizardAnswers(answers: WizardAnswers): string {
  const params = new URLSearchParams();
  for (const [id, value] of Object.entries(answers.choices)) {
    if (DEFAULT_CHOICES[id] !== value) params.set(id, value);
  }
  if (answers.contextTokens !== DEFAULT_CONTEXT_TOKENS) params.set("context", String(answers.contextTokens));
  for (const modality of answers.inputModalities) params.append("input", modality);
  return params.toString();
}

/** The guides' questions for the form: the always-shown ones in order, then the optional rest. */
export function wizardQuestions() {
  const questions = decisionRules().questions.filter((question) => !DERIVED_QUESTIONS.has(question.id));
  const core = Object.keys(DEFAULT_CHOICES).flatMap((id) =>
    questions.filter((question) => question.id === id),
  );
  return { core, more: questions.filter((question) => !(question.id in DEFAULT_CHOICES)) };
}

/** Voice and video tasks need those inputs whether or not the boxes are ticked. */
export function requiredInputs(answers: WizardAnswers): InputModality[] {
  const task = answers.choices["task-type"];
  const extra: InputModality[] = task === "voice" ? ["audio"] : task === "video-analysis" ? ["video"] : [];
  return INPUT_MODALITIES.filter((m) => answers.inputModalities.includes(m) || extra.includes(m));
}

function seedAnswers(answers: WizardAnswers): Map<string, Set<string>> {
  const map = new Map(Object.entries(answers.choices).map(([id, value]) => [id, new Set([value])]));
  const tokens = answers.contextTokens;
  map.set(
    "context-needed",
    new Set([tokens > 200_000 ? "over-200k" : tokens > 128_000 ? "128k-200k" : "under-128k"]),
  );
  const inputs = requiredInputs(answers);
  map.set("modality", new Set(inputs.length > 0 ? inputs : ["none"]));
  return map;
}

const label = (tag: string) => tag.replace(/-/g, " ");
const cite = (fact: { source: string; sourceDate: string; quote: string }) => ({
  source: fact.source,
  sourceDate: fact.sourceDate,
  quote: fact.quote,
});
const vendorByEditorialId = new Map<string, string>(editorialModels.map((m) => [m.model, m.vendor]));
const familyIds = new Set(FAMILIES.map(([family]) => family));

interface ModelContext {
  entry: CatalogEntry;
  editorialIds: Set<string>;
  vendor: string | null;
}
type Fact = { provider: string; model: string | null; sourceDate: string };

/** Specificity of a fact for an offering: 3 model, 2 family, 1 vendor or host, 0 does not apply. */
function factFit(fact: Fact, tag: string | null, ctx: ModelContext): number {
  const hostOnly = tag !== null && HOST_TAGS.has(tag);
  if (fact.model === null) return fact.provider === (hostOnly ? ctx.entry.provider : ctx.vendor) ? 1 : 0;
  if (!ctx.editorialIds.has(fact.model)) return 0;
  // A fact about a hosted copy ("Groq-hosted Llama 3") holds only on that host.
  const hostedCopy = fact.provider !== vendorByEditorialId.get(fact.model);
  if ((hostOnly || hostedCopy) && fact.provider !== ctx.entry.provider) return 0;
  return familyIds.has(fact.model) ? 2 : 3;
}

/** The facts that apply to an offering, most specific first, then the newest seed. */
function applicable<T extends Fact>(
  facts: readonly T[],
  ctx: ModelContext,
  tagOf?: (fact: T) => string,
): T[] {
  return facts
    .map((fact) => ({ fact, fit: factFit(fact, tagOf ? tagOf(fact) : null, ctx) }))
    .filter((item) => item.fit > 0)
    .sort((a, b) => b.fit - a.fit || b.fact.sourceDate.localeCompare(a.fact.sourceDate))
    .map((item) => item.fact);
}

type Failure = { filter: HardFilter; unknown: boolean } | null;

function hardFilter(entry: CatalogEntry, answers: WizardAnswers, euHosts: Set<string>): Failure {
  const fail = (filter: HardFilter, unknown: boolean) => ({ filter, unknown });
  const outputs = entry.modalities.output;
  if (NOT_CHAT.test(entry.modelId) || (outputs && !outputs.includes("text"))) return fail("not-chat", false);
  if (entry.deprecated === true) return fail("deprecated", false);
  if (entry.contextWindow === null) return fail("context", true);
  if (entry.contextWindow < answers.contextTokens) return fail("context", false);
  const inputs = requiredInputs(answers);
  if (inputs.length > 0) {
    if (entry.modalities.input === null) return fail("modality", true);
    if (!inputs.every((m) => entry.modalities.input?.includes(m))) return fail("modality", false);
  }
  const selfHost = answers.choices["data-privacy"] === "self-host";
  if (selfHost && entry.openWeights !== true) return fail("open-weights", entry.openWeights === null);
  // Self-hosted weights run wherever you put them; otherwise only a host the guides call European passes.
  if (answers.choices["eu-hosting"] === "yes" && !(selfHost || euHosts.has(entry.provider))) {
    return fail("eu-hosting", true);
  }
  return null;
}

function catalogSummary(entry: CatalogEntry, answers: WizardAnswers): WizardReason {
  const price =
    entry.inputPerMTok === null && entry.outputPerMTok === null
      ? "price unknown"
      : `${formatPerMTok(entry.inputPerMTok)}/${formatPerMTok(entry.outputPerMTok)} per 1M in/out`;
  const parts = [price, `${formatTokens(entry.contextWindow)} context`];
  for (const modality of entry.modalities.input ?? [])
    if (modality !== "text") parts.push(`${modality} input`);
  if (entry.toolCall) parts.push("tools");
  if (entry.reasoning) parts.push("reasoning");
  if (entry.openWeights) parts.push("open weights");
  const needs = [`≥ ${formatTokens(answers.contextTokens)} context`, ...requiredInputs(answers)];
  return {
    kind: "fit",
    text: `${parts.join(", ")} — meets ${needs.join(", ")}`,
    source: entry.priceSource ?? "catalog",
    sourceDate: entry.priceAsOf ?? undefined,
  };
}

interface Scored {
  entry: CatalogEntry;
  score: number;
  reasons: WizardReason[];
  blended: Money | null;
}

function scoreEntry(ctx: ModelContext, answers: WizardAnswers, editorial: WizardEditorial): Scored {
  const { entry } = ctx;
  const { choices } = answers;
  const given = seedAnswers(answers);
  const reasons: WizardReason[] = [catalogSummary(entry, answers)];
  let score = 0;
  const add = (
    points: number,
    text: string,
    evidence: Partial<WizardReason> = {},
    kind?: WizardReason["kind"],
  ) => {
    score += points;
    reasons.push({ kind: kind ?? (points < 0 ? "caution" : "fit"), text, ...evidence });
  };

  // One reason per tag, citing the most specific fact; several rules may weigh the same tag.
  const tags = applicable(editorial.tagFacts, ctx, (fact) => fact.tag);
  const byTag = new Map<string, { points: number; rule: DecisionRule; fact: ModelTagFact }>();
  for (const rule of editorial.rules.filter((r) => given.get(r.questionId)?.has(r.answer))) {
    for (const effect of rule.effects) {
      for (const fact of [true, false].flatMap((positive) => {
        const found = tags.find((f) => f.tag === effect.tag && (f.polarity === "positive") === positive);
        return found ? [found] : [];
      })) {
        const key = `${fact.tag}:${fact.polarity}`;
        const points =
          (byTag.get(key)?.points ?? 0) + (fact.polarity === "positive" ? 1 : -1) * effect.weight;
        byTag.set(key, { points, rule: byTag.get(key)?.rule ?? rule, fact });
      }
    }
  }
  for (const { points, rule, fact } of byTag.values()) {
    const text =
      fact.polarity === "positive"
        ? `Guides tag it “${label(fact.tag)}”: ${rule.reason}`
        : `Guide caveat on ${label(fact.tag)}, which your answers weigh`;
    add(points, text, cite(fact));
  }

  const topics = new Set(
    [...given].flatMap(([question, values]) =>
      [...values].flatMap((v) => ANSWER_TOPICS[`${question}=${v}`] ?? []),
    ),
  );
  const picks = applicable(
    recommendationFacts.filter((f) => topics.has(f.topic)),
    ctx,
  );
  for (const pick of new Map(picks.map((p) => [p.topic, p])).values()) {
    add(
      pick.rank === "primary" ? 2 : 1,
      `Guide's ${pick.rank} for ${label(pick.topic)}: ${pick.reason}`,
      cite(pick),
    );
  }

  const step = seedSelectModel({
    costSensitive: choices["budget-sensitivity"] === "high",
    qualityThreshold: choices["quality-bar"] as "basic" | "good" | "best",
    taskType: choices["task-type"],
    needsAudio: requiredInputs(answers).includes("audio"),
    contextLengthTokens: answers.contextTokens,
  });
  if (step.returns.model && ctx.editorialIds.has(step.returns.model)) {
    add(2, "Seed 002's select_model returns this model for your answers", cite(step));
  }

  const latency = applicable(latencyFacts, ctx)[0];
  if (choices["latency-priority"] === "critical" && latency) {
    const maxMs = latency.maxMs ?? Number.POSITIVE_INFINITY;
    const kind = latency.maxMs === null && latency.summary.startsWith("Variable") ? "caution" : "fit";
    add(
      maxMs <= 200 ? 3 : maxMs <= 800 ? 1 : 0,
      `Time to first token: ${latency.summary}`,
      cite(latency),
      kind,
    );
  }

  const task = choices["task-type"];
  const quality = choices["quality-bar"];
  if (quality === "best" || task === "coding" || task === "analysis-reasoning") {
    const benchmark =
      task === "coding" ? "humaneval" : task === "analysis-reasoning" ? "graduate-reasoning" : "mmlu";
    const fact = applicable(benchmarkFacts, ctx).find((f) => f.benchmark === benchmark);
    if (fact)
      add(fact.scorePercent >= 85 ? 1 : 0, `${fact.benchmarkLabel}: ${fact.scorePercent}%`, cite(fact));
  }
  const role = quality === "best" ? "flagship" : choices["budget-sensitivity"] === "high" ? "budget" : null;
  const lineup = applicable(lineupFacts, ctx).find((f) => f.role === role && f.model !== null);
  if (lineup) add(1, `In the guide's lineup as the ${lineup.role} model`, cite(lineup));

  const catalogCite = { source: entry.priceSource ?? "catalog", sourceDate: entry.priceAsOf ?? undefined };
  if (task === "agentic") {
    if (entry.toolCall) add(2, "Catalog: supports tool calling", catalogCite);
    else
      add(-2, `Catalog: tool calling ${entry.toolCall === null ? "unknown" : "not supported"}`, catalogCite);
  }
  if (task === "data-extraction" && entry.structuredOutput) add(1, "Catalog: structured output", catalogCite);
  if ((task === "analysis-reasoning" || quality === "best") && entry.reasoning) {
    add(1, "Catalog: reasoning model", catalogCite);
  }

  const blended = blendedPerMTok(entry, ...BLEND);
  if (blended === null) add(0, "Price unknown in the catalog, so it earns no cost points", {}, "caution");
  else if (blended.picoUsd === 0n && choices["free-tier"] === "yes")
    add(2, "Listed at $0: a free variant", catalogCite);
  else if (blended.picoUsd === 0n) {
    // A $0 listing is a rate-limited free variant, not a production price, so it earns no cost points.
    add(0, "Listed at $0: usually a rate-limited free variant; check its limits", catalogCite, "caution");
  }
  return { entry, score, reasons, blended };
}

/** Paid known prices first, cheapest first; $0 variants next; unknown prices last. */
function comparePrice(a: Money | null, b: Money | null): number {
  const rank = (m: Money | null) => (m === null ? 2 : m.picoUsd === 0n ? 1 : 0);
  return rank(a) - rank(b) || (a && b ? compareUsd(a, b) : 0);
}

/** Adds cost points by rank among offerings with a known, non-zero price, compared exactly. */
function addPricePoints(scored: Scored[], weight: number) {
  const paid = scored
    .flatMap((s) => (s.blended && s.blended.picoUsd > 0n ? [s.blended] : []))
    .sort(compareUsd);
  if (weight === 0 || paid.length === 0) return;
  for (const item of scored) {
    const blended = item.blended;
    if (!blended || blended.picoUsd === 0n) continue;
    const firstPricier = paid.findIndex((price) => compareUsd(price, blended) > 0);
    const share = firstPricier === -1 ? 0 : (paid.length - firstPricier) / paid.length;
    item.score += Math.round(weight * share * 10) / 10;
    item.reasons.push({
      kind: share >= 0.5 ? "fit" : "caution",
      text: `Blended ${formatPerMTok(toUsdString(blended))}/1M (3:1 in:out): cheaper than ${Math.round(share * 100)}% of matching offerings`,
      source: item.entry.priceSource ?? "catalog",
      sourceDate: item.entry.priceAsOf ?? undefined,
    });
  }
}

function bySuitability(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    comparePrice(a.blended, b.blended) ||
    (b.entry.releaseDate ?? "").localeCompare(a.entry.releaseDate ?? "") ||
    a.entry.id.localeCompare(b.entry.id)
  );
}

export function defaultWizardEditorial(): WizardEditorial {
  return { rules: decisionRules().rules, tagFacts: modelTagFacts };
}

function rank(entries: readonly CatalogEntry[], answers: WizardAnswers, editorial: WizardEditorial) {
  const links = buildEditorialLinks(entries);
  const euHosts = new Set(
    editorial.tagFacts
      .filter((f) => f.tag === "eu-hosting" && f.polarity === "positive" && f.model === null)
      .map((f) => f.provider),
  );
  const excludedCounts = Object.fromEntries(
    (["not-chat", "deprecated", "context", "modality", "open-weights", "eu-hosting"] as const).map((f) => [
      f,
      { failed: 0, unknown: 0 },
    ]),
  ) as WizardResult["excludedCounts"];
  const scored: Scored[] = [];
  for (const entry of entries) {
    const failure = hardFilter(entry, answers, euHosts);
    if (failure) {
      excludedCounts[failure.filter][failure.unknown ? "unknown" : "failed"] += 1;
      continue;
    }
    const editorialIds = new Set<string>();
    const exact = links.editorialIdByCanonical.get(entry.modelId);
    if (exact) editorialIds.add(exact);
    for (const [family, pattern] of FAMILIES) if (pattern.test(entry.modelId)) editorialIds.add(family);
    const vendor = creatorOf(entry.modelId).creator;
    scored.push(scoreEntry({ entry, editorialIds, vendor }, answers, editorial));
  }
  addPricePoints(scored, PRICE_WEIGHT[answers.choices["budget-sensitivity"] ?? ""] ?? 0);
  scored.sort(bySuitability);
  // The best-scoring offering stands for its model; ties go to the cheapest known price.
  const groups = new Map<string, Scored[]>();
  for (const item of scored)
    groups.set(item.entry.modelId, [...(groups.get(item.entry.modelId) ?? []), item]);
  const models: WizardCandidate[] = [...groups.values()].flatMap(([best, ...rest]) =>
    best
      ? [
          {
            entry: best.entry,
            score: Math.round(best.score * 10) / 10,
            blendedPerMTok: best.blended ? toUsdString(best.blended) : null,
            reasons: best.reasons,
            alsoOn: rest.map((item) => ({ id: item.entry.id, providerName: item.entry.providerName })),
          },
        ]
      : [],
  );
  return { models, excludedCounts, matchingOfferings: scored.length };
}

function guidance(id: string): WizardReason {
  const fact = guidanceFacts.find((f) => f.id === id);
  if (!fact) throw new Error(`editorial guidance ${id} is missing`);
  return { kind: "fit", text: fact.text, ...cite(fact) };
}

/** Ranks catalog models for the answers, with reasons, a fallback on another provider, and routing. */
export function recommendModels(
  entries: readonly CatalogEntry[],
  answers: WizardAnswers,
  editorial: WizardEditorial = defaultWizardEditorial(),
): WizardResult {
  const { models, excludedCounts, matchingOfferings } = rank(entries, answers, editorial);
  const top = models[0];
  const vendorOf = (c: WizardCandidate) => creatorOf(c.entry.modelId).creator;
  const others = models.slice(1).filter((c) => top && c.entry.provider !== top.entry.provider);
  const fallbackCandidate =
    others.find((c) => !top || vendorOf(c) === null || vendorOf(c) !== vendorOf(top)) ?? others[0];
  const fallbackPattern = routingPattern().patterns.find((p) => p.kind === "fallback");
  const fallback = fallbackCandidate
    ? {
        candidate: fallbackCandidate,
        reasons: [
          guidance("s000-guidance-rate-limit-architecture"),
          ...(fallbackPattern
            ? [
                {
                  kind: "fit" as const,
                  text: `Seed 002's ${fallbackPattern.name.toLowerCase()} pattern: ${fallbackPattern.benefit}`,
                  ...cite(fallbackPattern),
                },
              ]
            : []),
        ],
      }
    : null;

  let routing: WizardRouting | null = null;
  const budget = answers.choices["budget-sensitivity"];
  if (budget === "high" || budget === "moderate") {
    const { router, budgetTaskShare } = routingPattern();
    const variant = (choices: Record<string, string>) =>
      rank(entries, { ...answers, choices: { ...answers.choices, ...choices } }, editorial).models[0] ?? null;
    routing = {
      name: router.name,
      benefit: router.benefit,
      simple: variant({ "budget-sensitivity": "high", "quality-bar": "basic" }),
      complex: variant({ "budget-sensitivity": "none", "quality-bar": "best" }),
      taskShare: { kind: "fit", text: budgetTaskShare.text, ...cite(budgetTaskShare) },
      citation: { kind: "fit", text: router.routes.map((r) => r.criterion).join(" → "), ...cite(router) },
    };
  }
  return {
    candidates: models.slice(0, TOP_CANDIDATES),
    fallback,
    excludedCounts,
    matchingModels: models.length,
    matchingOfferings,
    routing,
  };
}
