import type { CatalogEntry } from "@/lib/catalog/schema";
import type { Workload } from "./schema";
import type { RequestTokens } from "./workload-cost";

const tokenCount = new Intl.NumberFormat("en-US");

/**
 * Why a model cannot serve a workload, or null when it can. A capability the catalog does not state
 * fails the check: a calculator that recommends a model must not assume it has what it needs.
 */
export function unmetNeed(
  entry: Pick<CatalogEntry, "contextWindow" | "modalities" | "toolCall">,
  needs: Workload["needs"],
  tokens: Pick<RequestTokens, "inputTokens" | "outputTokens">,
): string | null {
  const requiredContextTokens = Math.max(
    tokens.inputTokens + tokens.outputTokens,
    needs?.minContextTokens ?? 0,
  );
  if (entry.contextWindow === null) return "context window unknown";
  if (entry.contextWindow < requiredContextTokens) {
    return `context window ${tokenCount.format(entry.contextWindow)} < ${tokenCount.format(requiredContextTokens)} tokens needed`;
  }
  const wantedModalities = needs?.inputModalities ?? [];
  if (wantedModalities.length > 0) {
    const accepted = entry.modalities.input;
    if (accepted === null) return "input modalities unknown";
    const missing = wantedModalities.filter((modality) => !accepted.includes(modality));
    if (missing.length > 0) return `no ${missing.join(", ")} input`;
  }
  if (needs?.tools === true) {
    if (entry.toolCall === null) return "tool calling unknown";
    if (!entry.toolCall) return "no tool calling";
  }
  return null;
}
