import { describe, expect, it } from "vitest";
import {
  loadModelsDevData,
  type ModelsDevData,
  normalizeModelsDev,
  toModelsDevPrice,
} from "@/lib/catalog/ingest/sources/models-dev";

const fixture: ModelsDevData = {
  togetherai: {
    id: "togetherai",
    name: "Together AI",
    doc: "https://docs.together.ai/docs/serverless-models",
    env: ["TOGETHER_API_KEY"],
    models: {
      "meta-llama/Llama-3.3-70B-Instruct-Turbo": {
        id: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        name: "Llama 3.3 70B",
        reasoning: false,
        tool_call: true,
        knowledge: "2023-12",
        release_date: "2024-12-06",
        last_updated: "2024-12-06",
        modalities: { input: ["text"], output: ["text"] },
        open_weights: true,
        cost: { input: 0.88, output: 0.88 },
        limit: { context: 131072, output: 66536 },
      },
      "some/unpriced-model": {
        id: "some/unpriced-model",
        name: "Unpriced",
        limit: { context: 0, output: 0 },
      },
    },
  },
  "zai-coding-plan": {
    id: "zai-coding-plan",
    name: "Z.AI Coding Plan",
    models: {
      "glm-4.5": { id: "glm-4.5", name: "GLM-4.5", cost: { input: 0, output: 0, cache_read: 0 } },
    },
  },
  openrouter: {
    id: "openrouter",
    name: "OpenRouter",
    models: {
      "meta-llama/llama-3.3-70b-instruct:free": {
        id: "meta-llama/llama-3.3-70b-instruct:free",
        name: "Llama 3.3 70B Instruct (free)",
        cost: { input: 0, output: 0 },
      },
    },
  },
};

describe("normalizeModelsDev", () => {
  const catalog = normalizeModelsDev(fixture);
  const byId = new Map(catalog.offerings.map((offering) => [offering.providerModelId, offering]));

  it("reads capabilities and prices as exact strings", () => {
    expect(byId.get("meta-llama/Llama-3.3-70B-Instruct-Turbo")).toMatchObject({
      providerId: "togetherai",
      contextWindow: 131072,
      maxOutputTokens: 66536,
      toolCall: true,
      reasoning: false,
      openWeights: true,
      knowledgeCutoff: "2023-12",
      releaseDate: "2024-12-06",
      priceAsOf: "2024-12-06",
      modalities: { input: ["text"], output: ["text"] },
      price: { inputPerMTok: "0.88", outputPerMTok: "0.88", cacheReadPerMTok: null },
    });
    expect(catalog.providers[0]).toEqual({
      id: "togetherai",
      name: "Together AI",
      docsUrl: "https://docs.together.ai/docs/serverless-models",
      envKey: "TOGETHER_API_KEY",
    });
  });

  it("leaves everything unstated as null, never false or zero", () => {
    expect(byId.get("some/unpriced-model")).toMatchObject({
      price: null,
      priceAsOf: null,
      contextWindow: null,
      maxOutputTokens: null,
      toolCall: null,
      reasoning: null,
      structuredOutput: null,
      openWeights: null,
      modalities: { input: null, output: null },
    });
  });

  it("reads an all-zero cost as unknown unless the model says it is free", () => {
    expect(byId.get("glm-4.5")?.price).toBeNull();
    expect(byId.get("meta-llama/llama-3.3-70b-instruct:free")?.price).toMatchObject({
      inputPerMTok: "0",
      outputPerMTok: "0",
    });
    expect(toModelsDevPrice({ id: "x", name: "X", cost: { input: 0, output: 1.5 } })?.inputPerMTok).toBe("0");
  });
});

describe("the bundled models.dev catalog", () => {
  it("normalizes every provider and model", () => {
    const data = loadModelsDevData();
    const catalog = normalizeModelsDev(data);
    const modelCount = Object.values(data).reduce(
      (sum, provider) => sum + Object.keys(provider.models).length,
      0,
    );
    expect(catalog.providers).toHaveLength(Object.keys(data).length);
    expect(catalog.offerings).toHaveLength(modelCount);
    expect(catalog.providers.length).toBeGreaterThanOrEqual(40);
    for (const offering of catalog.offerings) {
      if (offering.price?.inputPerMTok) expect(offering.price.inputPerMTok).toMatch(/^\d+(\.\d+)?$/);
    }
  });
});
