import { describe, expect, it } from "vitest";
import type { ApiScore, ModelQuality } from "../quality/read";
import { bundledQuality } from "../quality/test-quality";
import { loadSnapshot } from "../store/snapshot";
import { fixtureCatalog } from "../test-fixtures";
import { parseWizardAnswers, recommendModels } from "./index";
import { entry } from "./test-entry";

const answers = (query: string) => parseWizardAnswers(new URLSearchParams(query));

const score = (source: "lmarena" | "aider", value: string): ApiScore => ({
  source,
  benchmark: source === "lmarena" ? "lmarena-text" : "aider-polyglot",
  split: source === "lmarena" ? "overall-style-control" : "polyglot-225",
  modelTested: "x",
  setting: null,
  value,
  unit: source === "lmarena" ? "elo" : "percent",
  ciLow: null,
  ciHigh: null,
  sampleSize: null,
  details: {},
  sourceDate: source === "lmarena" ? "2025-12-11" : "2025-10-04",
  url: null,
});
const scored = (...scores: ApiScore[]): ModelQuality => ({ index: null, indexSources: [], scores });

describe("wizard evidence from published scores", () => {
  const entries = [entry("acme/unscored"), entry("acme/strong"), entry("acme/weak"), entry("acme/coder")];
  const quality = new Map([
    ["strong", scored(score("lmarena", "1450.0000"))],
    ["weak", scored(score("lmarena", "1200.0000"))],
    ["coder", scored(score("lmarena", "1300.0000"), score("aider", "80.0"))],
  ]);
  const rank = (query: string) =>
    recommendModels(entries, answers(query), undefined, quality).candidates.map((c) => c.entry.id);

  it("ranks a model by its standing on the benchmarks for the task, and cites source and date", () => {
    // The lowest scored model earns no points, the same as an unscored one: neither is pushed up.
    expect(rank("").slice(0, 2)).toEqual(["acme/strong", "acme/coder"]);
    const strong = recommendModels(entries, answers(""), undefined, quality).candidates[0];
    expect(strong?.reasons).toContainEqual({
      kind: "fit",
      text: "LMArena text (style control) 1,450 (2025-12-11): above 100% of scored catalog models",
      source: "lmarena",
      sourceDate: "2025-12-11",
    });
  });

  it("weighs coding on Aider, not on chat preference", () => {
    expect(rank("task-type=coding")[0]).toBe("acme/coder");
  });

  it("gives weight to evidence by the quality asked for", () => {
    const points = (query: string) =>
      recommendModels(entries, answers(query), undefined, quality).candidates.find(
        (c) => c.entry.id === "acme/strong",
      )?.score ?? 0;
    expect(points("quality-bar=best")).toBeGreaterThan(points("quality-bar=good"));
    expect(points("quality-bar=good")).toBeGreaterThan(points("quality-bar=basic"));
  });

  it("says so when a model has no published score instead of passing it silently", () => {
    const unscored = recommendModels(entries, answers(""), undefined, quality).candidates.find(
      (c) => c.entry.id === "acme/unscored",
    );
    expect(unscored?.reasons[1]).toMatchObject({
      kind: "caution",
      text: expect.stringMatching(/^No published score on LMArena/),
    });
  });

  it("ranks current, scored models on the real catalog, not only the ones the guides name", () => {
    const snapshot = loadSnapshot();
    const catalog = fixtureCatalog(
      snapshot.offerings.map((offering) => [offering, offering.price]),
      snapshot.asOf,
    );
    const quality = bundledQuality(new Set(snapshot.models.map((model) => model.id)));
    const best = recommendModels(catalog.entries, answers("quality-bar=best"), undefined, quality).candidates;
    const current = best.filter((c) => (c.entry.releaseDate ?? "") >= "2025-06-01");
    expect(current.length).toBeGreaterThanOrEqual(3);
    for (const candidate of current)
      expect(
        candidate.reasons.some((r) => /\(\d{4}-\d{2}-\d{2}\)/.test(r.text) && r.source && r.sourceDate),
      ).toBe(true);
    const general = recommendModels(catalog.entries, answers(""), undefined, quality).candidates;
    expect(general.some((c) => (c.entry.releaseDate ?? "") >= "2025-06-01")).toBe(true);
  });
});
