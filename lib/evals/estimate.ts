import type { CatalogData } from "@/lib/catalog/read/served";
import { addUsd, type Money, parseUsd, toUsdString, ZERO_USD } from "@/lib/money";
import { priceUsageAtMost } from "@/lib/pricing";
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

/** One call at its worst: the dearest hour and output split (see priceUsageAtMost). */
function priceCall(
  info: ResolvedModelInfo,
  prices: CatalogData["prices"],
  call: { inputTokens: number; outputTokens: number },
): Money | null {
  const price = info.priceOfferingId ? (prices.get(info.priceOfferingId) ?? null) : null;
  return price ? priceUsageAtMost({ price, usage: call }) : null;
}

function sumKnown(amounts: (Money | null)[]): string | null {
  return amounts.every((amount): amount is Money => amount !== null)
    ? toUsdString(addUsd(ZERO_USD, ...amounts))
    : null;
}

/**
 * Tokens a reservation allows for a prompt we counted as `tokens`: the provider counts its own way.
 * With the model's own tokenizer only the chat framing differs (a few tokens per message). With a
 * stand-in (Claude, Gemini, Llama, Mistral, the simulated models) counts run up to about a third
 * higher on English and more on code or other scripts, so half again is allowed. Input is the small
 * part of a call's worst case (the answer is reserved at the max output tokens), so the margin is cheap.
 */
export function reservedInputTokens(tokens: number, exact: boolean): number {
  return Math.ceil(tokens * (exact ? 1.1 : 1.5)) + FRAMING_TOKENS;
}
const FRAMING_TOKENS = 64;

interface PlanInput {
  cases: EstimateCase[];
  models: ResolvedModelInfo[];
  judge: ResolvedModelInfo | null;
  maxOutputTokens: number;
  prices: CatalogData["prices"];
  /** Catalog entries, for each price's source and date; without them both are null. */
  entries?: CatalogData["byId"];
}

export async function estimateRun(input: PlanInput): Promise<RunEstimate> {
  return (await planRun(input)).estimate;
}

/**
 * The estimate, and what a cost cap reserves for each call before it is made: per model, one
 * amount per case (its answer and that answer's judge calls at their worst, with the input margin
 * of reservedInputTokens), or null when a price is unknown and the call cannot be reserved.
 */
export async function planRun({
  cases,
  models,
  judge,
  maxOutputTokens,
  prices,
  entries,
}: PlanInput): Promise<{ estimate: RunEstimate; reservesUsd: Record<string, (string | null)[]> }> {
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

  // The judge's calls for each case, once per answer judged.
  const judgeCallsByCase: { inputTokens: number; outputTokens: number }[][] = cases.map(() => []);
  let judgeExact = true;
  if (judge) {
    const { encoding, exact } = encodingForModel(judge.provider, judge.providerModelId);
    encodings[judge.id] = { encoding, exact };
    judgeExact = exact;
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
        judgeCallsByCase[index]?.push({ inputTokens, outputTokens: JUDGE_MAX_OUTPUT_TOKENS });
      }
    }
  }
  const judgeReserveByCase = cases.map((_, index) =>
    judge
      ? sumKnown(
          (judgeCallsByCase[index] ?? []).map((call) =>
            priceCall(judge, prices, {
              ...call,
              inputTokens: reservedInputTokens(call.inputTokens, judgeExact),
            }),
          ),
        )
      : "0",
  );

  const modelEstimates: ModelEstimate[] = [];
  const reservesUsd: Record<string, (string | null)[]> = {};
  for (const info of models) {
    const { encoding, exact } = encodingForModel(info.provider, info.providerModelId);
    encodings[info.id] = { encoding, exact };
    let counts = countsByEncoding.get(encoding);
    if (!counts) {
      counts = await countAll(encoding, promptTexts);
      countsByEncoding.set(encoding, counts);
    }
    modelEstimates.push({
      model: info.id,
      simulated: info.simulated,
      calls: counts.length,
      inputTokens: counts.reduce((sum, count) => sum + count, 0),
      maxOutputTokens: maxOutputTokens * counts.length,
      costUsd: sumKnown(
        counts.map((inputTokens) => priceCall(info, prices, { inputTokens, outputTokens: maxOutputTokens })),
      ),
      ...sourceOf(info),
    });
    reservesUsd[info.id] = counts.map((inputTokens, index) => {
      const answer = priceCall(info, prices, {
        inputTokens: reservedInputTokens(inputTokens, exact),
        outputTokens: maxOutputTokens,
      });
      const judged = judgeReserveByCase[index];
      return answer && judged != null ? toUsdString(addUsd(answer, parseUsd(judged))) : null;
    });
  }

  const judgeCalls = judgeCallsByCase.flatMap((calls) => models.flatMap(() => calls));
  const judgeEstimate: ModelEstimate | null =
    judge && judgeCalls.length > 0
      ? {
          model: judge.id,
          simulated: judge.simulated,
          calls: judgeCalls.length,
          inputTokens: judgeCalls.reduce((sum, call) => sum + call.inputTokens, 0),
          maxOutputTokens: JUDGE_MAX_OUTPUT_TOKENS * judgeCalls.length,
          costUsd: sumKnown(judgeCalls.map((call) => priceCall(judge, prices, call))),
          ...sourceOf(judge),
        }
      : null;

  const parts = [...modelEstimates, ...(judgeEstimate ? [judgeEstimate] : [])].map((item) => item.costUsd);
  const totalUsd = parts.every((part): part is string => part !== null)
    ? toUsdString(addUsd(ZERO_USD, ...parts.map((part) => parseUsd(part))))
    : null;
  return { estimate: { models: modelEstimates, judge: judgeEstimate, totalUsd, encodings }, reservesUsd };
}
