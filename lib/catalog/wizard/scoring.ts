import { formatPerMTok, formatTokens } from "@/lib/format";
import { compareUsd, type Money, toUsdString } from "@/lib/money";
import { blendedPerMTok } from "@/lib/pricing";
import {
  benchmarkFacts,
  type DecisionRule,
  editorialModels,
  guideSelectModel,
  latencyFacts,
  lineupFacts,
  type ModelTagFact,
  recommendationFacts,
} from "../guides";
import { guideName } from "../guides/sources";
import type { CatalogEntry } from "../schema";
import { guideAnswers, requiredInputs, type WizardAnswers } from "./answers";
import type { WizardEditorial, WizardReason } from "./types";

// Input-heavy 3:1 blend, the catalog's default ratio.
const BLEND: [number, number] = [3, 1];
export const PRICE_WEIGHT: Record<string, number> = { high: 6, moderate: 3, none: 0 };
// Where a model is hosted, not what it can do: these tags only count for the host they name.
const HOST_TAGS = new Set([
  "reliable-uptime",
  "enterprise-sla",
  "gcp-integration",
  "free-tier",
  "eu-hosting",
]);
// Editorial families name a line, not a version; we let their tags reach every version of the line.
export const FAMILIES: readonly [string, RegExp][] = [
  ["llama-3", /^llama-3([.-]|$)/],
  ["llama-3.1", /^llama-3\.1-/],
  ["claude-sonnet", /^claude-(sonnet|\d[\d.]*-sonnet)/],
  ["gemini-flash", /^gemini-[\d.]+-flash/],
  ["pixtral", /^pixtral/],
  ["deepseek-v4", /^deepseek-v4/],
];
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

const label = (tag: string) => tag.replace(/-/g, " ");
export const cite = (fact: { source: string; sourceDate: string; quote: string }) => ({
  source: fact.source,
  sourceDate: fact.sourceDate,
  quote: fact.quote,
});
const vendorByEditorialId = new Map<string, string>(editorialModels.map((m) => [m.model, m.vendor]));
const familyIds = new Set(FAMILIES.map(([family]) => family));

export interface ModelContext {
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

/** The facts that apply to an offering, most specific first, then the newest guide. */
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

export interface Scored {
  entry: CatalogEntry;
  score: number;
  reasons: WizardReason[];
  blended: Money | null;
}

export function scoreEntry(ctx: ModelContext, answers: WizardAnswers, editorial: WizardEditorial): Scored {
  const { entry } = ctx;
  const { choices } = answers;
  const given = guideAnswers(answers);
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

  const step = guideSelectModel({
    costSensitive: choices["budget-sensitivity"] === "high",
    qualityThreshold: choices["quality-bar"] as "basic" | "good" | "best",
    taskType: choices["task-type"],
    needsAudio: requiredInputs(answers).includes("audio"),
    contextLengthTokens: answers.contextTokens,
  });
  if (step.returns.model && ctx.editorialIds.has(step.returns.model)) {
    add(
      2,
      `The ${guideName("guide-2024-11")}'s select_model returns this model for your answers`,
      cite(step),
    );
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
export function addPricePoints(scored: Scored[], weight: number) {
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

export function bySuitability(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    comparePrice(a.blended, b.blended) ||
    (b.entry.releaseDate ?? "").localeCompare(a.entry.releaseDate ?? "") ||
    a.entry.id.localeCompare(b.entry.id)
  );
}
