import { describe, expect, it } from "vitest";
import { fixturePrice } from "@/lib/catalog/test-fixtures";
import { addUsd, costForTokens, parseUsd, toUsdString } from "@/lib/money";
import { describeModelId, type ResolvedModelInfo } from "@/lib/providers/registry";
import { countTokens } from "@/lib/tokens";
import { estimateRun, JUDGE_MAX_OUTPUT_TOKENS, planRun, reservedInputTokens } from "./estimate";

const info = (id: string) => describeModelId(id) as ResolvedModelInfo;
const prices = new Map([
  ["openai/gpt-4o-mini", fixturePrice({ inputPerMTok: "0.15", outputPerMTok: "0.6" })],
  [
    "anthropic/claude-sonnet-4-5",
    fixturePrice({
      inputPerMTok: "3",
      outputPerMTok: "15",
      tiers: [
        {
          aboveInputTokens: 20,
          inputPerMTok: "6",
          outputPerMTok: "22.5",
          cacheReadPerMTok: null,
          cacheWritePerMTok: null,
          reasoningPerMTok: null,
        },
      ],
    }),
  ],
]);

describe("estimateRun", () => {
  const cases = [
    { prompt: "Hello {{name}}", system: "Be brief.", vars: { name: "Ada" }, expected: null, assert: null },
    { prompt: "What is 2 + 2?", system: null, vars: null, expected: "4", assert: null },
  ];

  it("prices every rendered prompt with the real tokenizer and the max output, exactly", async () => {
    const estimate = await estimateRun({
      cases,
      models: [info("openai/gpt-4o-mini")],
      judge: null,
      maxOutputTokens: 100,
      prices,
    });
    const first = await countTokens("Be brief.\nHello Ada", "o200k_base");
    const second = await countTokens("\nWhat is 2 + 2?", "o200k_base");
    const [model] = estimate.models;
    expect(model?.inputTokens).toBe(first + second);
    expect(model?.maxOutputTokens).toBe(200);
    // (inputTokens × 0.15 + 200 × 0.6) / 1e6, to the pico-dollar.
    const expected = ((first + second) * 150_000 + 200 * 600_000) / 1e12;
    expect(Number(model?.costUsd)).toBeCloseTo(expected, 12);
    expect(estimate.totalUsd).toBe(model?.costUsd);
    // Without catalog entries the price's source and date are unknown, not made up.
    expect(model?.priceSource).toBeNull();
  });

  it("names each price's source and date from the catalog entry that bills the model", async () => {
    const entries = new Map([
      ["openai/gpt-4o-mini", { priceSource: "genai-prices", priceAsOf: "2026-11-22" }],
    ]);
    const estimate = await estimateRun({
      cases,
      models: [info("openai/gpt-4o-mini"), info("demo/swift")],
      judge: null,
      maxOutputTokens: 10,
      prices,
      entries: entries as never,
    });
    // The simulated model is priced like the offering it mirrors, with that offering's source.
    expect(estimate.models.map((model) => [model.priceSource, model.priceAsOf])).toEqual([
      ["genai-prices", "2026-11-22"],
      ["genai-prices", "2026-11-22"],
    ]);
  });

  it("bills each request at its own long-context tier", async () => {
    const long = { ...cases[1], prompt: "word ".repeat(40) } as (typeof cases)[number];
    const estimate = await estimateRun({
      cases: [cases[1] as (typeof cases)[number], long],
      models: [info("anthropic/claude-sonnet-4-5")],
      judge: null,
      maxOutputTokens: 10,
      prices,
    });
    const shortTokens = await countTokens("\nWhat is 2 + 2?", "o200k_base");
    const longTokens = await countTokens(`\n${"word ".repeat(40)}`, "o200k_base");
    const expected = (shortTokens * 3 + 10 * 15 + longTokens * 6 + 10 * 22.5) / 1e6;
    expect(Number(estimate.models[0]?.costUsd)).toBeCloseTo(expected, 12);
  });

  it("leaves a model without a price, and the total, unknown rather than free", async () => {
    const estimate = await estimateRun({
      cases,
      models: [info("openai/gpt-4o-mini"), info("ollama/llama3")],
      judge: null,
      maxOutputTokens: 100,
      prices,
    });
    expect(estimate.models[0]?.costUsd).not.toBeNull();
    expect(estimate.models[1]?.costUsd).toBeNull();
    expect(estimate.totalUsd).toBeNull();
  });

  it("reserves each call's worst case for a cost cap: input with a margin, the answer's judge calls included", async () => {
    const rubricCase = {
      ...(cases[1] as (typeof cases)[number]),
      assert: [{ type: "llm-rubric" as const, value: "Says 4." }],
    };
    const { estimate, reservesUsd } = await planRun({
      cases: [cases[0] as (typeof cases)[number], rubricCase],
      models: [info("openai/gpt-4o-mini"), info("ollama/llama3")],
      judge: info("openai/gpt-4o-mini"),
      maxOutputTokens: 100,
      prices,
    });
    const first = await countTokens("Be brief.\nHello Ada", "o200k_base");
    // gpt-4o-mini counts with its own tokenizer: 10% more plus 64 tokens of chat framing.
    const reservedInput = reservedInputTokens(first, true);
    expect(reservedInput).toBe(Math.ceil(first * 1.1) + 64);
    expect(reservesUsd["openai/gpt-4o-mini"]?.[0]).toBe(
      toUsdString(
        addUsd(costForTokens(parseUsd("0.15"), reservedInput), costForTokens(parseUsd("0.6"), 100)),
      ),
    );
    // The second case's answer is judged, so its reservation is larger than the answer alone.
    const judgeInput = (estimate.judge?.inputTokens ?? 0) / 2;
    const answerOnly = await countTokens("\nWhat is 2 + 2?", "o200k_base");
    const expectedSecond = addUsd(
      costForTokens(parseUsd("0.15"), reservedInputTokens(answerOnly, true)),
      costForTokens(parseUsd("0.6"), 100),
      costForTokens(parseUsd("0.15"), reservedInputTokens(judgeInput, true)),
      costForTokens(parseUsd("0.6"), JUDGE_MAX_OUTPUT_TOKENS),
    );
    expect(reservesUsd["openai/gpt-4o-mini"]?.[1]).toBe(toUsdString(expectedSecond));
    // A model without a price cannot be reserved: null, never zero.
    expect(reservesUsd["ollama/llama3"]).toEqual([null, null]);
  });
});
