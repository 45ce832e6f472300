import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { listQualityScores, listQualityScoresByModel } from "@/db/queries/quality";
import { forEachTestDatabase } from "@/db/test-databases";
import { isSourceUnavailable } from "@/lib/catalog/ingest/sync";
import { ensureBundledCatalog } from "@/lib/catalog/store/load";
import { type QualityLocations, syncQuality } from "./sync";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "quality");
const locations: QualityLocations = {
  lmarenaText: path.join(fixtures, "lmarena-text.json"),
  lmarenaStyleControl: path.join(fixtures, "lmarena-text-style-control.json"),
  aiderPolyglot: path.join(fixtures, "polyglot-leaderboard.yml"),
  sweBenchInstances: path.join(fixtures, "swe-bench-instances.json"),
  livebenchTable: path.join(fixtures, "livebench-table.csv"),
  livebenchCategories: path.join(fixtures, "livebench-categories.json"),
  livebench20250530Table: path.join(fixtures, "livebench-2025-05-30-table.csv"),
  livebench20250530Categories: path.join(fixtures, "livebench-2025-05-30-categories.json"),
  livebench20240726Table: path.join(fixtures, "livebench-2024-07-26-table.csv"),
  livebench20240726Categories: path.join(fixtures, "livebench-2024-07-26-categories.json"),
  nytConnectionsReadme: path.join(fixtures, "nyt-connections-readme.md"),
  vectaraReadme: path.join(fixtures, "vectara-readme.md"),
  vectaraOldDatasetReadme: path.join(fixtures, "vectara-old-dataset-readme.md"),
  bullshitBenchLeaderboard: path.join(fixtures, "bullshit-bench-leaderboard.csv"),
};

forEachTestDatabase((getHandle) => {
  beforeAll(async () => {
    await ensureBundledCatalog(getHandle().db);
  }, 120_000);

  it("reads fixture files, attaches scores to models and lists the names it cannot match", async () => {
    const report = await syncQuality({ db: getHandle().db, locations, today: "2026-12-03" });
    expect(report.unmatched).toEqual([
      "bullshit-bench: x-ai/grok-4.20-multi-agent-beta@reasoning=low",
      "livebench: elephant-alpha",
      "lmarena: vicuna-13b",
      "nyt-connections: Grok 4.20 Multi-Agent Exp Beta 0304",
      "vectara: Google Gemini-2.0-Flash-001",
      "vectara: qwen/qwen3-4b",
    ]);
    const opus = await listQualityScoresByModel({ db: getHandle().db, modelId: "claude-opus-4.1" });
    const aider = opus.find((row) => row.source === "aider" && row.modelTested.includes("32k thinking"));
    expect(aider).toMatchObject({ value: "72.0000", setting: "32k thinking", sourceDate: "2025-08-06" });
    const sonnet = await listQualityScoresByModel({ db: getHandle().db, modelId: "claude-sonnet-4" });
    // The fixture runs 8 instances; the committed data's 500-instance row is the bundled load.
    expect(sonnet.find((row) => row.source === "swe-bench" && row.sampleSize === 8)).toMatchObject({
      value: "37.5000",
      sourceDate: "2026-12-03",
    });
  });

  it("averages LiveBench as the site does: the mean of the category means, effort kept as the setting", async () => {
    const rows = await listQualityScoresByModel({ db: getHandle().db, modelId: "gpt-5.4" });
    const livebench = rows.find((row) => row.source === "livebench" && row.sourceDate === "2026-12-03");
    // Reasoning mean (60 + 80) / 2 = 70, Coding 50: global (70 + 50) / 2 = 60.
    expect(livebench).toMatchObject({ value: "60.0000", setting: "xhigh", modelTested: "gpt-5.4-xhigh" });
  });

  it("scores models from earlier LiveBench releases, NYT Connections and Vectara under their own splits", async () => {
    const db = getHandle().db;
    // Rows dated today come from the fixtures; the bundled load's rows carry the sources' dates.
    const synced = async (modelId: string, source: string) =>
      (await listQualityScoresByModel({ db, modelId })).filter(
        (row) => row.source === source && row.sourceDate === "2026-12-03",
      );
    // Reasoning 60, Coding 80: the 2025-05-30 release's global average is 70.
    expect(await synced("gpt-5-codex", "livebench")).toMatchObject([
      { split: "global-average-2025-05-30", value: "70.0000" },
    ]);
    expect(await synced("deepseek-coder-v2-lite", "livebench")).toMatchObject([
      { split: "global-average-2024-07-26", value: "25.0000" },
    ]);
    // These fixture rows repeat the committed figures, so the bundled rows stand for them (same fingerprint).
    const maxPreview = await listQualityScoresByModel({ db, modelId: "qwen3.6-max-preview" });
    expect(maxPreview.find((row) => row.source === "nyt-connections")).toMatchObject({
      modelTested: "Qwen 3.6 Max Preview",
      split: "extended",
      value: "82.2000",
      sampleSize: 940,
    });
    const gpt52 = await listQualityScoresByModel({ db, modelId: "gpt-5.2" });
    expect(gpt52.find((row) => row.modelTested === "openai/gpt-5.2-high-2025-12-11")).toMatchObject({
      setting: "high",
      value: "89.2000",
    });
    const chimera = await listQualityScoresByModel({ db, modelId: "deepseek-r1t2-chimera" });
    expect(chimera.find((row) => row.source === "vectara")).toMatchObject({
      modelTested: "TNGTech DeepSeek-TNG-R1T2-Chimera",
      split: "hhem-2.3-factual-consistency-old-dataset",
      value: "94.5000",
    });
    // BullshitBench names OpenRouter slugs with the reasoning setting after "@reasoning=".
    const chat = await listQualityScoresByModel({ db, modelId: "gpt-5.1-chat" });
    expect(chat.find((row) => row.source === "bullshit-bench")).toMatchObject({
      modelTested: "openai/gpt-5.1-chat@reasoning=default",
      setting: "default",
      split: "v2-clear-pushback",
      value: "45.0000",
      sampleSize: 100,
      details: { meanGradeOutOf2: "1.0533", acceptedNonsensePercent: "36.00" },
    });
    const gemma = await listQualityScoresByModel({ db, modelId: "gemma-4-26b-a4b" });
    // The bundled data scores it with reasoning off and at xhigh, each its own row.
    expect(
      gemma
        .filter((row) => row.source === "bullshit-bench")
        .map((row) => [row.setting, row.value])
        .sort(),
    ).toEqual([
      ["none", "11.0000"],
      ["xhigh", "21.0000"],
    ]);
    // Vectara's Qwen3-4B is the April 2025 model, not the catalog's Qwen3-4B-Instruct-2507.
    expect(
      (await listQualityScoresByModel({ db, modelId: "qwen3-4b" })).filter((r) => r.source === "vectara"),
    ).toEqual([]);
  });

  it("appends only the score that changed on a second sync", async () => {
    const db = getHandle().db;
    const before = (await listQualityScores({ db })).length;
    const dir = mkdtempSync(path.join(tmpdir(), "quality-"));
    const changed = path.join(dir, "polyglot.yml");
    writeFileSync(
      changed,
      readFileSync(locations.aiderPolyglot, "utf8").replace("pass_rate_2: 23.1", "pass_rate_2: 25.3"),
    );
    const report = await syncQuality({ db, locations: { ...locations, aiderPolyglot: changed } });
    expect(report.added).toBe(1);
    const gpt4o = (await listQualityScoresByModel({ db, modelId: "gpt-4o" })).filter(
      (row) => row.source === "aider" && row.modelTested === "gpt-4o-2024-08-06",
    );
    expect(gpt4o.map((row) => row.value)).toEqual(["23.1000", "25.3000"]);
    expect((await listQualityScores({ db })).length).toBe(before + 1);
  });

  it("changes nothing when a leaderboard cannot be reached", async () => {
    const db = getHandle().db;
    const before = (await listQualityScores({ db })).length;
    const offline: typeof fetch = async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    };
    const attempt = syncQuality({
      db,
      fetch: offline,
      locations: { ...locations, lmarenaText: "https://raw.githubusercontent.com/x/leaderboard-text.json" },
    });
    await expect(attempt).rejects.toSatisfy(
      (error) => isSourceUnavailable(error) && /^Offline: could not reach lmarenaText/.test(error.message),
    );
    expect((await listQualityScores({ db })).length).toBe(before);
  });
});
