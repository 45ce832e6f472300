import type { CatalogEntry } from "../schema";
import { requiredInputs, type WizardAnswers } from "./answers";
import type { HardFilter } from "./types";

const NOT_CHAT = /embed|rerank|whisper|moderation|transcri|tts/;

type Failure = { filter: HardFilter; unknown: boolean } | null;

export function hardFilter(entry: CatalogEntry, answers: WizardAnswers, euHosts: Set<string>): Failure {
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
