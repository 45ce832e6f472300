import { describe, expect, it } from "vitest";
import { loadSnapshot } from "@/lib/catalog/store/snapshot";
import { aliasTableSchema, loadAliases, matchModelName } from "./match";

const ids = new Set([
  "claude-opus-4.5",
  "claude-3.7-sonnet",
  "gpt-4o",
  "gpt-5",
  "o3",
  "deepseek-r1",
  "gemini-2.5-pro-preview",
  "grok-4-fast-reasoning",
  "grok-4",
  "qwen3-235b-a22b-thinking",
  "mistral-medium-3.1",
  "gemma-3-27b",
  "gpt-5.2",
  "qwen3-max",
  "qwen3-4b",
]);
const aliases = { "mistral-medium-2508": "mistral-medium-3.1", "qwen3-4b": null };
const match = (name: string) => matchModelName(name, ids, aliases);

describe("matchModelName", () => {
  it("strips dated snapshots and writes version dashes as dots", () => {
    expect(match("claude-opus-4-5-20251101")).toMatchObject({ modelId: "claude-opus-4.5", setting: null });
    expect(match("gpt-4o-2024-08-06")?.modelId).toBe("gpt-4o");
    expect(match("deepseek-r1-0528")?.modelId).toBe("deepseek-r1");
    expect(match("Gemini 2.5 Pro Preview 03-25")?.modelId).toBe("gemini-2.5-pro-preview");
    expect(match("grok-4-0709")?.modelId).toBe("grok-4");
  });

  it("keeps effort and thinking settings apart from the model", () => {
    expect(match("gpt-5 (high)")).toMatchObject({ modelId: "gpt-5", setting: "high" });
    expect(match("claude-opus-4-5-20251101-thinking-32k")).toMatchObject({
      modelId: "claude-opus-4.5",
      setting: "thinking-32k",
    });
    expect(match("claude-3-7-sonnet-20250219 (32k thinking tokens)")).toMatchObject({
      modelId: "claude-3.7-sonnet",
      setting: "32k thinking tokens",
    });
    expect(match("gpt-5-high")).toMatchObject({ modelId: "gpt-5", setting: "high" });
  });

  it("reads OpenRouter's reasoning parameter after a slug as the setting", () => {
    expect(match("openai/gpt-5.2@reasoning=xhigh")).toMatchObject({ modelId: "gpt-5.2", setting: "xhigh" });
    expect(match("google/gemma-3-27b-it@reasoning=none")).toMatchObject({
      modelId: "gemma-3-27b",
      setting: "none",
    });
    expect(match("openai/gpt-5.2-pro@reasoning=high")).toBeNull();
    // OpenRouter's ":free" serves the same model; ":thinking" is a setting of it.
    expect(match("openai/gpt-4o:free@reasoning=none")).toMatchObject({ modelId: "gpt-4o", setting: "none" });
    expect(match("anthropic/claude-3.7-sonnet:thinking@reasoning=default")).toMatchObject({
      modelId: "claude-3.7-sonnet",
      setting: "thinking default",
    });
  });

  it("reads an effort written before the snapshot date, and a date in brackets as a snapshot", () => {
    expect(match("openai/gpt-5.2-high-2025-12-11")).toMatchObject({ modelId: "gpt-5.2", setting: "high" });
    expect(match("openai/gpt-5-minimal-2025-08-07")).toMatchObject({ modelId: "gpt-5", setting: "minimal" });
    expect(match("Qwen3 Max (2026-01-23)")).toMatchObject({ modelId: "qwen3-max", setting: null });
  });

  it("leaves a name the alias table marks as another model unmatched, even when its id exists", () => {
    expect(match("qwen/qwen3-4b")).toBeNull();
    expect(matchModelName("qwen/qwen3-4b", ids, {})?.modelId).toBe("qwen3-4b");
  });

  it("prefers a catalog id that itself ends in an effort word", () => {
    expect(match("grok-4-fast-reasoning")).toMatchObject({ modelId: "grok-4-fast-reasoning", setting: null });
    expect(match("qwen3-235b-a22b-thinking-2507")?.modelId).toBe("qwen3-235b-a22b-thinking");
  });

  it("strips provider prefixes and -latest, and reads the alias table", () => {
    expect(match("openai/o3")?.modelId).toBe("o3");
    expect(match("gpt-4o-latest")?.modelId).toBe("gpt-4o");
    expect(match("gemma-3-27b-it")?.modelId).toBe("gemma-3-27b");
    expect(match("mistral-medium-2508")).toMatchObject({ modelId: "mistral-medium-3.1", rule: "alias" });
  });

  it("leaves a name no rule or alias maps unmatched instead of guessing", () => {
    expect(match("gpt-4.5-preview")).toBeNull();
    expect(match("claude-opus-4-6")).toBeNull();
    expect(match("yi-lightning")).toBeNull();
  });

  it("ships an alias table whose every target is a catalog model", () => {
    const table = aliasTableSchema.parse(loadAliases());
    const catalog = new Set(loadSnapshot().models.map((model) => model.id));
    const targets = Object.values(table).filter((target) => target !== null);
    expect(targets.filter((target) => !catalog.has(target))).toEqual([]);
  });
});
