import { toUsdString } from "@/lib/money";
import { decisionRules, guidanceFacts, modelTagFacts, routerGuidance } from "../guides";
import { buildEditorialLinks } from "../guides/catalog-links";
import { guideName } from "../guides/sources";
import { creatorOf } from "../ingest/match";
import { qualityAttachedTo } from "../quality/attached";
import type { ModelQuality } from "../quality/read";
import type { CatalogEntry } from "../schema";
import type { WizardAnswers } from "./answers";
import { evidenceFor, scoreStandings } from "./evidence";
import { hardFilter } from "./filters";
import {
  addPricePoints,
  bySuitability,
  cite,
  FAMILIES,
  PRICE_WEIGHT,
  type Scored,
  scoreEntry,
} from "./scoring";
import type {
  WizardCandidate,
  WizardEditorial,
  WizardReason,
  WizardResult,
  WizardRouterSuggestion,
} from "./types";

const TOP_CANDIDATES = 8;

export function defaultWizardEditorial(): WizardEditorial {
  return { rules: decisionRules().rules, tagFacts: modelTagFacts };
}

function rank(
  entries: readonly CatalogEntry[],
  answers: WizardAnswers,
  editorial: WizardEditorial,
  quality: ReadonlyMap<string, ModelQuality>,
) {
  const standings = scoreStandings(quality);
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
    const item = scoreEntry({ entry, editorialIds, vendor }, answers, editorial);
    const evidence = evidenceFor(quality.get(entry.modelId) ?? null, standings, answers);
    item.score += evidence.points;
    // Scores go right after the catalog summary, ahead of the guides' reasons.
    item.reasons.splice(1, 0, ...evidence.reasons);
    scored.push(item);
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

/**
 * Ranks catalog models for the answers, with reasons, a fallback on another provider, and routing.
 * Quality defaults to the summaries loaded with the entries (see quality/attached.ts).
 */
export function recommendModels(
  entries: readonly CatalogEntry[],
  answers: WizardAnswers,
  editorial: WizardEditorial = defaultWizardEditorial(),
  quality: ReadonlyMap<string, ModelQuality> = qualityAttachedTo(entries),
): WizardResult {
  const { models, excludedCounts, matchingOfferings } = rank(entries, answers, editorial, quality);
  const top = models[0];
  const vendorOf = (c: WizardCandidate) => creatorOf(c.entry.modelId).creator;
  const others = models.slice(1).filter((c) => top && c.entry.provider !== top.entry.provider);
  const fallbackCandidate =
    others.find((c) => !top || vendorOf(c) === null || vendorOf(c) !== vendorOf(top)) ?? others[0];
  const fallbackPattern = routerGuidance().patterns.find((p) => p.kind === "fallback");
  const fallback = fallbackCandidate
    ? {
        candidate: fallbackCandidate,
        reasons: [
          guidance("guide-2026-01-guidance-rate-limit-architecture"),
          ...(fallbackPattern
            ? [
                {
                  kind: "fit" as const,
                  text: `The ${guideName("guide-2024-11")}'s ${fallbackPattern.name.toLowerCase()} pattern: ${fallbackPattern.benefit}`,
                  ...cite(fallbackPattern),
                },
              ]
            : []),
        ],
      }
    : null;

  let suggestion: WizardRouterSuggestion | null = null;
  const budget = answers.choices["budget-sensitivity"];
  if (budget === "high" || budget === "moderate") {
    const { router, budgetTaskShare } = routerGuidance();
    const variant = (choices: Record<string, string>) =>
      rank(entries, { ...answers, choices: { ...answers.choices, ...choices } }, editorial, quality)
        .models[0] ?? null;
    suggestion = {
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
    router: suggestion,
  };
}
