import { randomUUID } from "node:crypto";
import type { CatalogData } from "@/lib/catalog/read/served";
import { toUsdString } from "@/lib/money";
import { priceUsage } from "@/lib/pricing";
import type { ResolvedModelInfo } from "@/lib/providers/registry";
import { measureTextOffThread } from "@/lib/token-pool/pool";
import { encodingForModel } from "@/lib/tokens";
import type { StreamOutcome } from "./stream-model";

/**
 * What one model call used and cost, the same for a playground pane, an eval answer and a judge
 * call. An aborted or broken stream reports no usage, so the tokens are counted here and flagged.
 */
export interface MeteredCall {
  /** This call's id, kept on its usage event so that writing the event again records it once. */
  callId: string;
  status: StreamOutcome["status"];
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Exact decimal string; null when the price is unknown or no request reached the provider. */
  costUsd: string | null;
  ttftMs: number | null;
  durationMs: number;
  simulated: boolean;
  estimated: boolean;
  /** Whether a request may have been billed (see StreamOutcome.reachedProvider). */
  called: boolean;
  tokensPerSecond: number | null;
}

/**
 * A 100,000-character prompt takes tens of ms to count, so large texts go to the counting threads
 * rather than holding up every other request. The count is never cut short: the call was made, and
 * its usage is recorded even when the client has gone.
 */
async function estimateUsage(info: ResolvedModelInfo, promptText: string, output: string) {
  const { encoding } = encodingForModel(info.provider, info.providerModelId);
  const count = (text: string) =>
    measureTextOffThread({ text, measure: encoding, signal: new AbortController().signal });
  const [inputTokens, outputTokens] = await Promise.all([count(promptText), count(output)]);
  return { inputTokens, outputTokens };
}

/** Visible output tokens per second after the first token; reasoning happens before it, so it is left out. */
function tokensPerSecond(textTokens: number, outcome: StreamOutcome): number | null {
  if (outcome.ttftMs === null || textTokens <= 0) return null;
  const streamingMs = outcome.durationMs - outcome.ttftMs;
  return streamingMs > 0 ? Math.round((textTokens / streamingMs) * 1000 * 10) / 10 : null;
}

export async function meterOutcome({
  info,
  catalog,
  promptText,
  outcome,
}: {
  info: ResolvedModelInfo;
  catalog: CatalogData;
  /** Everything sent to the model, joined: what an estimate counts when the provider reports nothing. */
  promptText: string;
  outcome: StreamOutcome;
}): Promise<MeteredCall> {
  const reported = outcome.usage.inputTokens !== null && outcome.usage.outputTokens !== null;
  const called = outcome.reachedProvider;
  const estimate = reported
    ? null
    : called
      ? await estimateUsage(info, promptText, outcome.output)
      : { inputTokens: 0, outputTokens: 0 };
  const inputTokens = outcome.usage.inputTokens ?? estimate?.inputTokens ?? 0;
  const outputTokens = outcome.usage.outputTokens ?? estimate?.outputTokens ?? 0;
  const reasoningTokens = outcome.usage.reasoningTokens ?? 0;
  const cachedInputTokens = Math.min(outcome.usage.cachedInputTokens ?? 0, inputTokens);
  const price = info.priceOfferingId ? (catalog.prices.get(info.priceOfferingId) ?? null) : null;
  const priced = price
    ? priceUsage({
        price,
        usage: {
          inputTokens,
          outputTokens,
          cachedInputTokens,
          reasoningTokens: Math.min(reasoningTokens, outputTokens),
        },
        at: new Date(),
      })
    : null;
  return {
    callId: randomUUID(),
    status: outcome.status,
    inputTokens,
    cachedInputTokens,
    outputTokens,
    reasoningTokens,
    costUsd: called && priced?.totalUsd ? toUsdString(priced.totalUsd) : null,
    ttftMs: outcome.ttftMs === null ? null : Math.round(outcome.ttftMs),
    durationMs: Math.round(outcome.durationMs),
    simulated: info.simulated,
    estimated: !reported,
    called,
    tokensPerSecond: tokensPerSecond(outputTokens - Math.min(reasoningTokens, outputTokens), outcome),
  };
}
