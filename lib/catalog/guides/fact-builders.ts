import { cite } from "./sources";
import type {
  GuidanceFact,
  ModelRef,
  ModelTag,
  ModelTagFact,
  NoteFact,
  RecommendationFact,
  SeedId,
} from "./types";

// Builders bind a seed once per data file, so the seed id and its date cannot drift per fact.
const prefixOf = (seed: SeedId) => `s${seed.slice("seed-".length)}`;

export function noteBuilder(seed: SeedId) {
  return (id: string, model: ModelRef, topic: NoteFact["topic"], text: string, quote: string): NoteFact => ({
    id: `${prefixOf(seed)}-note-${id}`,
    kind: "note",
    ...model,
    ...cite(seed, quote),
    topic,
    text,
  });
}

export function guidanceBuilder(seed: SeedId) {
  return (id: string, topic: GuidanceFact["topic"], text: string, quote: string): GuidanceFact => ({
    id: `${prefixOf(seed)}-guidance-${id}`,
    kind: "guidance",
    topic,
    text,
    ...cite(seed, quote),
  });
}

export function tagBuilder(seed: SeedId) {
  return (
    model: ModelRef,
    tags: readonly ModelTag[],
    quote: string,
    polarity: ModelTagFact["polarity"] = "positive",
  ) =>
    tags.map(
      (tag): ModelTagFact => ({
        id: `${prefixOf(seed)}-tag-${model.provider}-${model.model ?? "all"}-${tag}-${polarity}`,
        kind: "tag",
        ...model,
        ...cite(seed, quote),
        tag,
        polarity,
      }),
    );
}

export function recommendationBuilder(seed: SeedId) {
  return (
    topic: string,
    rank: RecommendationFact["rank"],
    model: ModelRef,
    reason: string,
    quote: string,
  ): RecommendationFact => ({
    id: `${prefixOf(seed)}-rec-${topic}-${rank}-${model.model ?? model.provider}`,
    kind: "recommendation",
    ...model,
    ...cite(seed, quote),
    topic,
    rank,
    reason,
  });
}
