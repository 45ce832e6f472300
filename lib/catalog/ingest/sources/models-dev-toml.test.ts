import { describe, expect, it } from "vitest";
import type { ModelsDevData } from "./models-dev";
import { loadModelsDevRepository, modelsDevFromToml, overlayModelsDev } from "./models-dev-toml";

const files = [
  { path: "providers/anthropic/provider.toml", text: 'name = "Anthropic"\nenv = ["ANTHROPIC_API_KEY"]\n' },
  {
    path: "providers/anthropic/models/claude-opus-4-5.toml",
    text: [
      'name = "Claude Opus 4.5"',
      "release_date = 2025-11-24",
      'knowledge = "2025-03-31"',
      "reasoning = true",
      "[limit]",
      "context = 200_000",
      "output = 64_000",
      "[modalities]",
      'input = ["text", "image", "pdf"]',
      'output = ["text"]',
    ].join("\n"),
  },
  { path: "providers/openrouter/models/x.toml", text: 'name = "No provider file"' },
];

describe("modelsDevFromToml", () => {
  it("reads provider and model files into the api.json shape, dates as strings", () => {
    const data = modelsDevFromToml(files);
    expect(Object.keys(data)).toEqual(["anthropic"]);
    expect(data.anthropic?.models["claude-opus-4-5"]).toMatchObject({
      id: "claude-opus-4-5",
      release_date: "2025-11-24",
      limit: { context: 200000, output: 64000 },
      modalities: { input: ["text", "image", "pdf"], output: ["text"] },
    });
  });

  it("names the file whose TOML is broken", () => {
    expect(() => modelsDevFromToml([{ path: "providers/a/provider.toml", text: "name = " }])).toThrow(
      /providers\/a\/provider\.toml/,
    );
  });
});

describe("overlayModelsDev", () => {
  const bundle: ModelsDevData = {
    anthropic: {
      id: "anthropic",
      name: "Anthropic",
      models: { old: { id: "old", name: "Old", tool_call: true } },
    },
    vercel: { id: "vercel", name: "Vercel", models: {} },
  };
  const repository: ModelsDevData = {
    anthropic: {
      id: "anthropic",
      name: "Anthropic",
      models: { "new-model": { id: "new-model", name: "New" } },
    },
    vercel: { id: "vercel", name: "Vercel", models: { resold: { id: "resold", name: "Resold" } } },
    unknown: { id: "unknown", name: "Unknown", models: { a: { id: "a", name: "A" } } },
  };

  it("adds first-party models, keeps bundle entries and skips resellers and unknown providers", () => {
    const merged = overlayModelsDev(bundle, repository);
    expect(Object.keys(merged).sort()).toEqual(["anthropic", "vercel"]);
    expect(Object.keys(merged.anthropic?.models ?? {}).sort()).toEqual(["new-model", "old"]);
    expect(merged.vercel?.models).toEqual({});
  });

  it("ships a repository read that gives the current Claude models their release date", () => {
    const opus = loadModelsDevRepository().providers.anthropic?.models["claude-opus-4-5"];
    expect(opus).toMatchObject({ release_date: "2025-11-24", limit: { context: 200000 } });
  });
});
