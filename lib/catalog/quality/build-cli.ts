import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadSnapshot } from "@/lib/catalog/store/snapshot";
import { buildQualityFile, type QualityInputs } from "./build";
import { unmatchedNames } from "./store";

/**
 * Rebuilds lib/catalog/data/quality.json from local clones (bare or not) of the leaderboard
 * repositories: `npx tsx lib/catalog/quality/build-cli.ts [mirrors-dir]`. Each repository is
 * expected at <mirrors-dir>/<owner>+<name>/repo, the layout `git clone --mirror` gives.
 */
const mirrors = process.argv[2] ?? "/work/.mirror";
export const QUALITY_PATH = path.join(process.cwd(), "lib", "catalog", "data", "quality.json");

function gitFile(repo: string, file: string, ref = "HEAD"): { text: string; sourceDate: string } {
  const dir = path.join(mirrors, repo, "repo");
  const text = execFileSync("git", ["-C", dir, "show", `${ref}:${file}`], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const date = execFileSync("git", ["-C", dir, "log", "-1", "--format=%cI", ref, "--", file], {
    encoding: "utf8",
  });
  return { text, sourceDate: date.trim().slice(0, 10) };
}

const inputs: QualityInputs = {
  lmarenaText: gitFile("lmarena+arena-catalog", "data/leaderboard-text.json"),
  lmarenaStyleControl: gitFile("lmarena+arena-catalog", "data/leaderboard-text-style-control.json"),
  aiderPolyglot: gitFile("Aider-AI+aider", "aider/website/_data/polyglot_leaderboard.yml"),
  sweBenchInstances: gitFile("SWE-bench+swe-bench.github.io", "data/info_for_leaderboard.json"),
  livebenchTable: gitFile("LiveBench+livebench.github.io", "public/table_2026_01_08.csv"),
  livebenchCategories: gitFile("LiveBench+livebench.github.io", "public/categories_2026_01_08.json"),
  livebench20250530Table: gitFile("LiveBench+livebench.github.io", "public/table_2025_05_30.csv"),
  livebench20250530Categories: gitFile("LiveBench+livebench.github.io", "public/categories_2025_05_30.json"),
  livebench20240726Table: gitFile("LiveBench+livebench.github.io", "public/table_2024_07_26.csv"),
  livebench20240726Categories: gitFile("LiveBench+livebench.github.io", "public/categories_2024_07_26.json"),
  nytConnectionsReadme: gitFile("lechmazur+nyt-connections", "README.md"),
  vectaraReadme: gitFile("vectara+hallucination-leaderboard", "README.md"),
  vectaraOldDatasetReadme: gitFile("vectara+hallucination-leaderboard", "README.md", "hhem-2.3-old-dataset"),
  bullshitBenchLeaderboard: gitFile("petergpt+bullshit-benchmark", "data/v2/latest/leaderboard.csv"),
};
const file = buildQualityFile(inputs);
writeFileSync(QUALITY_PATH, `${JSON.stringify(file, null, 1)}\n`);
const modelIds = new Set(loadSnapshot().models.map((model) => model.id));
const unmatched = unmatchedNames(file.scores, modelIds);
console.log(`${file.scores.length} scores from ${file.sources.length} sources written to ${QUALITY_PATH}`);
console.log(`${unmatched.length} leaderboard names match no catalog model:\n  ${unmatched.join("\n  ")}`);
