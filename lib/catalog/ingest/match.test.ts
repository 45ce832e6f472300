import type { MatchLogic } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import {
  canonicalModelId,
  creatorOf,
  findGenaiMatch,
  joinOfferings,
  modelKey,
} from "@/lib/catalog/ingest/match";
import type { GenaiOffering } from "@/lib/catalog/ingest/sources/genai-prices";
import type { ModelsDevOffering } from "@/lib/catalog/ingest/sources/models-dev";

function genai(providerId: string, providerModelId: string, match?: MatchLogic): GenaiOffering {
  return {
    providerId,
    providerModelId,
    name: providerModelId,
    price: null,
    priceEffectiveFrom: null,
    history: [],
    contextWindow: null,
    deprecated: false,
    match: match ?? { equals: providerModelId },
  };
}

function modelsDev(providerId: string, providerModelId: string, name = "Display Name"): ModelsDevOffering {
  return {
    providerId,
    providerModelId,
    name,
    price: null,
    priceAsOf: null,
    contextWindow: null,
    maxOutputTokens: null,
    modalities: { input: null, output: null },
    toolCall: null,
    reasoning: null,
    structuredOutput: null,
    attachment: null,
    openWeights: null,
    releaseDate: null,
    knowledgeCutoff: null,
  };
}

describe("canonicalModelId", () => {
  it.each([
    ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "llama-3.3-70b"],
    ["meta-llama/Meta-Llama-3.3-70B-Instruct-Turbo", "llama-3.3-70b"],
    ["meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b"],
    ["llama-3.3-70b-versatile", "llama-3.3-70b"],
    ["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "llama-3.3-70b"],
    ["meta-llama/llama-3.3-70b-instruct:free", "llama-3.3-70b"],
    ["hf:meta-llama/Llama-3.3-70B-Instruct", "llama-3.3-70b"],
    ["llama-v3p1-8b-instruct", "llama-3.1-8b"],
    ["llama3-70b-8192", "llama-3-70b"],
    ["claude-3-5-sonnet-20241022", "claude-3.5-sonnet"],
    ["anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3.5-sonnet"],
    ["claude-3-5-haiku@20241022", "claude-3.5-haiku"],
    ["global.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4.5"],
    ["claude-sonnet-4-5", "claude-sonnet-4.5"],
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["mistral-large-latest", "mistral-large"],
    ["deepseek.r1-v1:0", "deepseek-r1"],
    ["accounts/fireworks/models/deepseek-v3p1", "deepseek-v3.1"],
    ["gemma-3-27b-it", "gemma-3-27b"],
    ["gemini-2.5-pro-preview-06-05", "gemini-2.5-pro-preview"],
  ])("%s → %s", (providerModelId, expected) => {
    expect(canonicalModelId(providerModelId)).toBe(expected);
  });

  it("keeps product words that name a different model", () => {
    expect(canonicalModelId("gpt-4-turbo")).toBe("gpt-4-turbo");
    expect(canonicalModelId("grok-3-fast")).toBe("grok-3-fast");
    expect(canonicalModelId("gpt-4o-mini")).toBe("gpt-4o-mini");
    expect(canonicalModelId("deepseek-chat")).toBe("deepseek-chat");
    expect(canonicalModelId("amazon.nova-lite-v1:0")).toBe("nova-lite");
    expect(canonicalModelId("gemma-3-4b-it")).toBe("gemma-3-4b");
  });
});

describe("providers and keys", () => {
  it("drops host prefixes and org paths in model keys", () => {
    expect(modelKey("@cf/meta/Llama-3-8B-Instruct")).toBe("llama-3-8b-instruct");
    expect(modelKey("accounts/fireworks/models/glm-4p5")).toBe("glm-4p5");
  });

  it("names creators and families", () => {
    expect(creatorOf("llama-3.3-70b")).toEqual({ creator: "meta", family: "llama" });
    expect(creatorOf("llama-3.3-nemotron-super-49b-v1")).toEqual({ creator: "nvidia", family: "nemotron" });
    expect(creatorOf("gpt-oss-120b").family).toBe("gpt-oss");
    expect(creatorOf("totally-unknown")).toEqual({ creator: null, family: null });
  });
});

describe("findGenaiMatch", () => {
  it("prefers an exact id over genai-prices rules over model keys", () => {
    const candidates = [
      genai("openai", "gpt-4o", { starts_with: "gpt-4o" }),
      genai("openai", "gpt-4o-mini", { starts_with: "gpt-4o-mini" }),
    ];
    // genai-prices' first-match order sends gpt-4o-mini-2024-07-18 to the broad gpt-4o rule.
    expect(findGenaiMatch(modelsDev("openai", "gpt-4o-mini-2024-07-18"), candidates)).toMatchObject({
      offering: { providerModelId: "gpt-4o" },
      rank: 1,
    });
    expect(findGenaiMatch(modelsDev("openai", "GPT-4o-mini"), candidates)?.rank).toBe(0);
  });

  it("matches Cloudflare entries whose models.dev name is the API id", () => {
    const candidates = [genai("cloudflare", "@cf/meta/llama-3.3-70b-instruct-fp8-fast")];
    const entry = modelsDev(
      "cloudflare-workers-ai",
      "llama-3.3-70b-instruct-fp8-fast",
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    );
    expect(findGenaiMatch(entry, candidates)?.rank).toBe(1);
    // Without the name, the model key still finds it.
    expect(
      findGenaiMatch(modelsDev("cloudflare-workers-ai", "llama-3.3-70b-instruct-fp8-fast"), candidates)?.rank,
    ).toBe(2);
  });

  it("expands compact dates like genai-prices", () => {
    const candidates = [genai("anthropic", "claude-sonnet-4", { equals: "claude-sonnet-4-2025-05-14" })];
    expect(findGenaiMatch(modelsDev("anthropic", "claude-sonnet-4-20250514"), candidates)?.rank).toBe(1);
  });

  it("falls back to fallback providers only after the provider's own entries", () => {
    const openai = [genai("openai", "gpt-4o")];
    expect(findGenaiMatch(modelsDev("azure", "gpt-4o"), [], [openai])).toMatchObject({ rank: 3 });
    expect(findGenaiMatch(modelsDev("azure", "gpt-4o"), [genai("azure", "gpt-4o")], [openai])?.rank).toBe(0);
    expect(findGenaiMatch(modelsDev("azure", "nothing-like-it"), [], [openai])).toBeNull();
  });
});

describe("joinOfferings", () => {
  it("merges the best match, prices the other matches, and keeps one-source entries", () => {
    const gpt4o = genai("openai", "gpt-4o", { starts_with: "gpt-4o" });
    const joined = joinOfferings(
      [gpt4o, genai("openai", "gpt-only-in-genai"), genai("x-ai", "grok-3")],
      [
        modelsDev("openai", "gpt-4o-2024-08-06"),
        modelsDev("openai", "gpt-4o"),
        modelsDev("xai", "grok-3"),
        modelsDev("openai", "only-in-models-dev"),
        modelsDev("azure", "gpt-4o"),
      ],
      { azure: ["openai"] },
    );
    const describe = (entry: (typeof joined)[number]) =>
      `${entry.providerId}|${entry.genai?.providerModelId ?? "-"}|${entry.modelsDev?.providerModelId ?? "-"}|${entry.priceFrom?.providerModelId ?? "-"}`;
    expect(joined.map(describe).sort()).toEqual([
      "azure|-|gpt-4o|gpt-4o",
      "openai|-|gpt-4o-2024-08-06|gpt-4o",
      "openai|-|only-in-models-dev|-",
      "openai|gpt-4o|gpt-4o|-",
      "openai|gpt-only-in-genai|-|-",
      "x-ai|grok-3|grok-3|-",
    ]);
  });

  it("never matches across providers", () => {
    const joined = joinOfferings(
      [genai("groq", "llama-3.3-70b-versatile")],
      [modelsDev("cerebras", "llama-3.3-70b-versatile")],
    );
    expect(joined.every((entry) => !(entry.genai && entry.modelsDev))).toBe(true);
    expect(joined).toHaveLength(2);
  });
});
