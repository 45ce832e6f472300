import type { CatalogData } from "@/lib/catalog/service";
import { addUsd, type Money, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import { priceUsage } from "@/lib/pricing";
import type { ResolvedModelInfo } from "@/lib/providers/registry";
import { countTokens, type Encoding, encodingForModel } from "@/lib/tokens";
import { buildJudgePrompt, renderTemplate } from "./grade";
import type { Assertion } from "./schema";

/**
 * What a run will cost at most, before it starts: every rendered prompt counted with the model's
 * own tokenizer, priced at the catalog rate (long-context tiers included, since each request is
 * priced alone), with every answer at the run's max output tokens. A model without a known price
 * has an unknown estimate, and then so has the total.
 */
export const JUDGE_MAX_OUTPUT_TOKENS = 512;

export interface EstimateCase {
  prompt: string;
  system: string | null;
  vars: Record<string, string> | null;
  expected: string | null;
  assert: Assertion[] | null;
}

export interface ModelEstimate {
  model: string;
  simulated: boolean;
  calls: number;
  inputTokens: number;
  maxOutputTokens: number;
  /** Exact decimal string, or null when the model's price is unknown. */
  costUsd: string | null;
  /** Where the price came from and its date (for a simulated model: the model it mirrors). */
  priceSource: string | null;
  priceAsOf: string | null;
}

export interface RunEstimate {
  models: ModelEstimate[];
  judge: ModelEstimate | null;
  totalUsd: string | null;
  /** Which tokenizer counted each model's prompts; counts for other families are estimates. */
  encodings: Record<string, { encoding: Encoding; exact: boolean }>;
}

/** The text a model receives for a case, joined as the engine meters it. */
export function renderCase(item: Pick<EstimateCase, "prompt" | "system" | "vars">) {
  const vars = item.vars ?? undefined;
  const system = item.system ? renderTemplate(item.system, vars) : undefined;
  return { system, prompt: renderTemplate(item.prompt, vars) };
}

function rubricsOf(item: EstimateCase): string[] {
  return (item.assert ?? [])
    .filter((assertion) => assertion.type === "llm-rubric")
    .map((assertion) => (typeof assertion.value === "string" ? assertion.value : ""));
}

function priceCalls(
  info: ResolvedModelInfo,
  prices: CatalogData["prices"],
  calls: { inputTokens: number; outputTokens: number }[],
): string | null {
  const price = info.priceOfferingId ? (prices.get(info.priceOfferingId) ?? null) : null;
  if (!price) return null;
  let total: Money = ZERO_USD;
  for (const call of calls) {
    const priced = priceUsage({ price, usage: call });
    if (!priced.totalUsd) return null;
    total = addUsd(total, priced.totalUsd);
  }
  return toUsdString(total);
}

export async function estimateRun({
  cases,
  models,
  judge,
  maxOutputTokens,
  prices,
  entries,
}: {
  cases: EstimateCase[];
  models: ResolvedModelInfo[];
  judge: ResolvedModelInfo | null;
  maxOutputTokens: number;
  prices: CatalogData["prices"];
  /** Catalog entries, for each price's source and date; without them both are null. */
  entries?: CatalogData["byId"];
}): Promise<RunEstimate> {
  const sourceOf = (info: ResolvedModelInfo) => {
    const entry = info.priceOfferingId ? entries?.get(info.priceOfferingId) : undefined;
    return { priceSource: entry?.priceSource ?? null, priceAsOf: entry?.priceAsOf ?? null };
  };
  const rendered = cases.map(renderCase);
  const countsByEncoding = new Map<Encoding, number[]>();
  const countAll = async (encoding: Encoding, texts: string[]) => {
    const counts: number[] = [];
    for (const text of texts) counts.push(await countTokens(text, encoding));
    return counts;
  };
  const encodings: RunEstimate["encodings"] = {};
  const promptTexts = rendered.map((item) => [item.system ?? "", item.prompt].join("\n"));

  const modelEstimates: ModelEstimate[] = [];
  for (const info of models) {
    const { encoding, exact } = encodingForModel(info.provider, info.providerModelId);
    encodings[info.id] = { encoding, exact };
    let counts = countsByEncoding.get(encoding);
    if (!counts) {
      counts = await countAll(encoding, promptTexts);
      countsByEncoding.set(encoding, counts);
    }
    const calls = counts.map((inputTokens) => ({ inputTokens, outputTokens: maxOutputTokens }));
    modelEstimates.push({
      model: info.id,
      simulated: info.simulated,
      calls: calls.length,
      inputTokens: counts.reduce((sum, count) => sum + count, 0),
      maxOutputTokens: maxOutputTokens * calls.length,
      costUsd: priceCalls(info, prices, calls),
      ...sourceOf(info),
    });
  }

  let judgeEstimate: ModelEstimate | null = null;
  if (judge) {
    const { encoding, exact } = encodingForModel(judge.provider, judge.providerModelId);
    encodings[judge.id] = { encoding, exact };
    const calls: { inputTokens: number; outputTokens: number }[] = [];
    for (const [index, item] of cases.entries()) {
      for (const rubric of rubricsOf(item)) {
        const judgePrompt = buildJudgePrompt({
          rubric,
          prompt: rendered[index]?.prompt ?? "",
          output: "",
          expected: item.expected ?? undefined,
        });
        // The answer being judged is part of the judge's input: at most the run's max output tokens.
        const inputTokens =
          (await countTokens(`${judgePrompt.system}\n${judgePrompt.prompt}`, encoding)) + maxOutputTokens;
        for (let copy = 0; copy < models.length; copy++)
          calls.push({ inputTokens, outputTokens: JUDGE_MAX_OUTPUT_TOKENS });
      }
    }
    if (calls.length > 0)
      judgeEstimate = {
        model: judge.id,
        simulated: judge.simulated,
        calls: calls.length,
        inputTokens: calls.reduce((sum, call) => sum + call.inputTokens, 0),
        maxOutputTokens: JUDGE_MAX_OUTPUT_TOKENS * calls.length,
        costUsd: priceCalls(judge, prices, calls),
        ...sourceOf(judge),
      };
  }

  const parts = [...modelEstimates, ...(judgeEstimate ? [judgeEstimate] : [])].map((item) => item.costUsd);
  const totalUsd = parts.every((part): part is string => part !== null)
    ? toUsdString(addUsd(ZERO_USD, ...parts.map((part) => parseUsd(part))))
    : null;
  return { models: modelEstimates, judge: judgeEstimate, totalUsd, encodings };
}
