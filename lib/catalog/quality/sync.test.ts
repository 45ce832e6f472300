import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { listQualityScores, listQualityScoresByModel } from "@/db/queries/quality";
import { forEachTestDatabase } from "@/db/test-databases";
import { ensureBundledCatalog } from "@/lib/catalog/load";
import { isSourceUnavailable } from "@/lib/catalog/sync";
import { type QualityLocations, syncQuality } from "./sync";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "quality");
const locations: QualityLocations = {
  lmarenaText: path.join(fixtures, "lmarena-text.json"),
  lmarenaStyleControl: path.join(fixtures, "lmarena-text-style-control.json"),
  aiderPolyglot: path.join(fixtures, "polyglot-leaderboard.yml"),
  sweBenchInstances: path.join(fixtures, "swe-bench-instances.json"),
  livebenchTable: path.join(fixtures, "livebench-table.csv"),
  livebenchCategories: path.join(fixtures, "livebench-categories.json"),
};

forEachTestDatabase((getHandle) => {
  beforeAll(async () => {
    await ensureBundledCatalog(getHandle().db);
  }, 120_000);

  it("reads fixture files, attaches scores to models and lists the names it cannot match", async () => {
    const report = await syncQuality({ db: getHandle().db, locations, today: "2026-12-03" });
    expect(report.unmatched).toEqual(["livebench: elephant-alpha", "lmarena: vicuna-13b"]);
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
