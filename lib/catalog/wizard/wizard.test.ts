import { describe, expect, it } from "vitest";
import { toCatalogEntry } from "../read/entry";
import type { CatalogEntry } from "../schema";
import { loadSnapshot } from "../store/snapshot";
import { parseWizardAnswers, recommendModels, serializeWizardAnswers } from "./index";
import { entry } from "./test-entry";

const answers = (query: string) => parseWizardAnswers(new URLSearchParams(query));
const ids = (query: string, entries: CatalogEntry[]) =>
  recommendModels(entries, answers(query)).candidates.map((candidate) => candidate.entry.id);

describe("wizard answers", () => {
  it("round-trips through the URL and leaves defaults out", () => {
    const parsed = answers("task-type=coding&budget-sensitivity=high&context=500000&input=audio&input=image");
    expect(parsed.choices["task-type"]).toBe("coding");
    expect(parsed.inputModalities).toEqual(["image", "audio"]);
    const query = serializeWizardAnswers(parsed);
    expect(answers(query)).toEqual(parsed);
    expect(query).not.toContain("quality-bar");
    expect(serializeWizardAnswers(answers(""))).toBe("");
  });

  it("falls back to defaults for values the guides' questions do not offer", () => {
    const parsed = parseWizardAnswers({ "task-type": "juggling", context: "-5", input: "smell,video" });
    expect(parsed.choices["task-type"]).toBe("general-chat");
    expect(parsed.contextTokens).toBe(32_000);
    expect(parsed.inputModalities).toEqual(["video"]);
  });
});

describe("recommendModels on hand-made entries", () => {
  it("excludes models without a required input and says unknown ones are unknown", () => {
    const entries = [
      entry("acme/text-only"),
      entry("acme/hears", { modalities: { input: ["text", "audio"], output: ["text"] } }),
      entry("acme/mystery", { modalities: { input: null, output: null } }),
    ];
    const result = recommendModels(entries, answers("input=audio"));
    expect(result.candidates.map((c) => c.entry.id)).toEqual(["acme/hears"]);
    expect(result.excludedCounts.modality).toEqual({ failed: 1, unknown: 1 });
  });

  it("keeps only open weights when self-hosting, and never unknown ones", () => {
    const entries = [
      entry("acme/open", { openWeights: true }),
      entry("acme/closed"),
      entry("acme/unsure", { openWeights: null }),
    ];
    expect(ids("data-privacy=self-host", entries)).toEqual(["acme/open"]);
  });

  it("drops windows smaller than the context needed", () => {
    const entries = [entry("acme/small"), entry("acme/huge", { contextWindow: 1_000_000 })];
    expect(ids("context=500000", entries)).toEqual(["acme/huge"]);
    expect(ids("context=100000", entries)).toHaveLength(2);
  });

  it("ranks the cheaper of two otherwise equal models first when budget-sensitive", () => {
    const entries = [
      entry("acme/pricey", { inputPerMTok: "3", outputPerMTok: "15" }),
      entry("acme/thrifty", { inputPerMTok: "0.15", outputPerMTok: "0.6" }),
    ];
    expect(ids("budget-sensitivity=high", entries)).toEqual(["acme/thrifty", "acme/pricey"]);
  });

  it("never ranks an unknown price as the cheapest", () => {
    const entries = [
      entry("acme/unpriced", { inputPerMTok: null, outputPerMTok: null, priceSource: null }),
      entry("acme/priced", { inputPerMTok: "5", outputPerMTok: "20" }),
    ];
    const result = recommendModels(entries, answers("budget-sensitivity=high"));
    expect(result.candidates[0]?.entry.id).toBe("acme/priced");
    const unpriced = result.candidates.find((c) => c.entry.id === "acme/unpriced");
    expect(unpriced?.reasons.some((r) => r.kind === "caution" && r.text.includes("Price unknown"))).toBe(
      true,
    );
  });

  it("groups hosts of one model under its cheapest offering and lists the rest", () => {
    const entries = [
      entry("big/llama-3.3-70b", { inputPerMTok: "0.9", outputPerMTok: "0.9" }),
      entry("small/llama-3.3-70b", { inputPerMTok: "0.6", outputPerMTok: "0.6" }),
    ];
    const [candidate] = recommendModels(entries, answers("")).candidates;
    expect(candidate?.entry.id).toBe("small/llama-3.3-70b");
    expect(candidate?.alsoOn.map((other) => other.id)).toEqual(["big/llama-3.3-70b"]);
  });

  it("cites the guide quote behind editorial reasons", () => {
    const [candidate] = recommendModels([entry("openai/gpt-4o-mini")], answers("")).candidates;
    const editorial = candidate?.reasons.find((reason) => reason.source?.startsWith("guide-"));
    expect(editorial?.quote).toBeTruthy();
    expect(editorial?.sourceDate).toMatch(/^\d{4}-\d{2}/);
  });
});

describe("recommendModels on the committed snapshot", () => {
  const snapshot = loadSnapshot();
  const providers = new Map(snapshot.providers.map((provider) => [provider.id, provider]));
  const entries = snapshot.offerings.map((offering) =>
    toCatalogEntry(offering, providers.get(offering.providerId), offering.price, {
      source: offering.priceSource,
      asOf: offering.priceAsOf,
    }),
  );

  it("only returns audio-input models when audio is required", () => {
    const result = recommendModels(entries, answers("input=audio&budget-sensitivity=high"));
    expect(result.candidates.length).toBeGreaterThan(2);
    for (const candidate of result.candidates) expect(candidate.entry.modalities.input).toContain("audio");
    expect(result.excludedCounts.modality.unknown).toBeGreaterThan(0);
  });

  it("only returns open weights when self-hosting", () => {
    const result = recommendModels(entries, answers("data-privacy=self-host"));
    expect(result.candidates.length).toBe(8);
    for (const candidate of result.candidates) expect(candidate.entry.openWeights).toBe(true);
  });

  it("excludes 128K models for a 500K context need", () => {
    const result = recommendModels(entries, answers("context=500000"));
    for (const candidate of result.candidates) {
      expect(candidate.entry.contextWindow).toBeGreaterThanOrEqual(500_000);
    }
  });

  it("offers a fallback on another provider and a router when budget matters", () => {
    const result = recommendModels(entries, answers("budget-sensitivity=high"));
    const top = result.candidates[0];
    expect(result.fallback?.candidate.entry.provider).not.toBe(top?.entry.provider);
    expect(result.router?.citation.source).toBe("guide-2024-11");
    expect(recommendModels(entries, answers("budget-sensitivity=none")).router).toBeNull();
  });

  it("changes the ranking when an answer changes", () => {
    const chat = ids("", entries);
    const coding = ids("task-type=coding&quality-bar=best&budget-sensitivity=none", entries);
    expect(coding[0]).not.toBe(chat[0]);
    expect(coding[0]).toMatch(/claude/);
  });
});
