import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogSnapshot } from "@/lib/catalog/schema";
import { fixtureOffering, fixturePrice } from "@/lib/catalog/test-fixtures";
import { scoreCoverage } from "./coverage";
import type { ModelIdentities } from "./identities";
import { planQualityRows } from "./store";
import type { QualityScore } from "./types";

const identities: ModelIdentities = {
  sameModel: {
    "venice-coder": { as: "coder-480b", evidence: "Venice's id for Coder 480B" },
    "old-copy": { as: "old-model", evidence: "a copy of a model released before the window" },
  },
  pointers: { "chat-latest": "moves to whatever chat model is current" },
};

function model(id: string, releaseDate: string | null): CatalogModel {
  return {
    id,
    name: id,
    creator: "alibaba",
    family: null,
    openWeights: null,
    releaseDate,
    knowledgeCutoff: null,
    offeringCount: 1,
  };
}

function snapshot(models: CatalogModel[]): CatalogSnapshot {
  return {
    models,
    offerings: models.map((m) =>
      fixtureOffering(`p/${m.id}`, { price: fixturePrice({ inputPerMTok: "1" }) }),
    ),
  } as unknown as CatalogSnapshot;
}

const score = (name: string): QualityScore => ({
  source: "aider",
  benchmark: "aider-polyglot",
  split: "polyglot-225",
  modelTested: name,
  setting: null,
  value: "50.0",
  unit: "percent",
  ciLow: null,
  ciHigh: null,
  sampleSize: 225,
  details: {},
  sourceDate: "2026-01-01",
  url: null,
});

describe("scoreCoverage", () => {
  const catalog = snapshot([
    model("coder-480b", "2026-03-01"),
    model("venice-coder", "2026-06-01"),
    model("chat-latest", "2026-05-01"),
    model("old-model", "2024-01-01"),
    model("old-copy", "2026-07-01"),
    model("new-unscored", "2026-08-01"),
    model("qwen3-asr-flash", "2026-08-01"),
  ]);

  it("counts a resold copy once, under its model, and leaves moving API names and speech models out", () => {
    const figure = scoreCoverage(catalog, [score("coder-480b")], "2026-12-03", identities);
    expect(figure).toEqual({ covered: 1, total: 2, missing: ["new-unscored"] });
  });

  it("dates a copy by its model's first release, so an old model resold later stays out of the window", () => {
    const figure = scoreCoverage(catalog, [], "2026-12-03", identities);
    expect(figure.missing).not.toContain("old-model");
    expect(figure.missing).not.toContain("old-copy");
  });

  it("counts a model covered when only its copy's name was scored", () => {
    const figure = scoreCoverage(catalog, [score("venice-coder")], "2026-12-03", identities);
    expect(figure.covered).toBe(1);
  });
});

describe("planQualityRows with model identities", () => {
  it("gives a score to the model and every resold copy the catalog has, and none to a pointer", () => {
    const ids = new Set(["coder-480b", "venice-coder", "chat-latest"]);
    const { rows } = planQualityRows([score("venice-coder")], ids, {}, identities);
    expect(rows.map((row) => row.modelId).sort()).toEqual(["coder-480b", "venice-coder"]);
  });
});
