import { parseAider } from "./ingest/aider";
import { BULLSHIT_BENCH_URL, parseBullshitBench } from "./ingest/bullshit-bench";
import { buyingGuideScores } from "./ingest/buying-guides";
import { parseLivebench } from "./ingest/livebench";
import { LMARENA_URL, parseLmarena } from "./ingest/lmarena";
import { NYT_CONNECTIONS_URL, parseNytConnections } from "./ingest/nyt-connections";
import { parseSweBenchInstances } from "./ingest/swe-bench";
import { parseVectara, VECTARA_URL } from "./ingest/vectara";
import { type QualityFile, type QualitySource, qualityFileSchema } from "./types";

/** Raw leaderboard files with the date each was last changed upstream. */
export interface QualityInputs {
  lmarenaText: { text: string; sourceDate: string };
  lmarenaStyleControl: { text: string; sourceDate: string };
  aiderPolyglot: { text: string; sourceDate: string };
  sweBenchInstances: { text: string; sourceDate: string };
  livebenchTable: { text: string; sourceDate: string };
  livebenchCategories: { text: string; sourceDate: string };
  /** Earlier LiveBench releases, for models the current table no longer lists. */
  livebench20250530Table: { text: string; sourceDate: string };
  livebench20250530Categories: { text: string; sourceDate: string };
  livebench20240726Table: { text: string; sourceDate: string };
  livebench20240726Categories: { text: string; sourceDate: string };
  nytConnectionsReadme: { text: string; sourceDate: string };
  vectaraReadme: { text: string; sourceDate: string };
  /** The archived table on Vectara's earlier document set (final 2025-10-16). */
  vectaraOldDatasetReadme: { text: string; sourceDate: string };
  bullshitBenchLeaderboard: { text: string; sourceDate: string };
}

/** Licences as read from each repository (LICENSE file or README) when the data was built. */
function sources(inputs: QualityInputs): QualitySource[] {
  return [
    {
      id: "lmarena",
      name: "LMArena text leaderboard (arena-catalog)",
      url: LMARENA_URL,
      licence: "No licence file in the repository; figures are cited as published facts with a link.",
      sourceDate: inputs.lmarenaText.sourceDate,
    },
    {
      id: "aider",
      name: "Aider polyglot coding leaderboard",
      url: "https://github.com/Aider-AI/aider/blob/main/aider/website/_data/polyglot_leaderboard.yml",
      licence: "Apache-2.0 (LICENSE.txt)",
      sourceDate: inputs.aiderPolyglot.sourceDate,
    },
    {
      id: "swe-bench",
      name: "SWE-bench Verified, bash-only (swe-bench.github.io)",
      url: "https://github.com/SWE-bench/swe-bench.github.io/blob/main/data/info_for_leaderboard.json",
      licence: "CC BY-NC 4.0 (LICENSE): attribution required, no commercial use of the data.",
      sourceDate: inputs.sweBenchInstances.sourceDate,
    },
    {
      id: "livebench",
      name: "LiveBench (livebench.github.io table)",
      url: "https://github.com/LiveBench/livebench.github.io",
      licence: "No licence file in the site repository; cited as published figures with a link.",
      sourceDate: inputs.livebenchTable.sourceDate,
    },
    {
      id: "nyt-connections",
      name: "Extended NYT Connections (Lech Mazur)",
      url: NYT_CONNECTIONS_URL,
      licence: "No licence file in the repository; figures are cited as published facts with a link.",
      sourceDate: inputs.nytConnectionsReadme.sourceDate,
    },
    {
      id: "vectara",
      name: "Vectara hallucination leaderboard (HHEM-2.3)",
      url: VECTARA_URL,
      licence: "Apache-2.0 (LICENSE)",
      sourceDate: inputs.vectaraReadme.sourceDate,
    },
    {
      id: "bullshit-bench",
      name: "BullshitBench v2 (Peter Gostev)",
      url: BULLSHIT_BENCH_URL,
      licence: "MIT (LICENSE)",
      sourceDate: inputs.bullshitBenchLeaderboard.sourceDate,
    },
    {
      id: "buying-guides",
      name: "Buying guide: 2024 production comparison (benchmark table)",
      url: null,
      licence: "Quoted from the committed buying guides with citation.",
      sourceDate: "2024-11-01",
    },
  ];
}

export function buildQualityFile(inputs: QualityInputs, generatedAt = new Date()): QualityFile {
  const scores = [
    ...parseLmarena(JSON.parse(inputs.lmarenaText.text), inputs.lmarenaText.sourceDate, false),
    ...parseLmarena(JSON.parse(inputs.lmarenaStyleControl.text), inputs.lmarenaStyleControl.sourceDate, true),
    ...parseAider(inputs.aiderPolyglot.text),
    ...parseSweBenchInstances(JSON.parse(inputs.sweBenchInstances.text), inputs.sweBenchInstances.sourceDate),
    ...parseLivebench(
      inputs.livebenchTable.text,
      JSON.parse(inputs.livebenchCategories.text),
      inputs.livebenchTable.sourceDate,
    ),
    ...parseLivebench(
      inputs.livebench20250530Table.text,
      JSON.parse(inputs.livebench20250530Categories.text),
      inputs.livebench20250530Table.sourceDate,
      "global-average-2025-05-30",
    ),
    ...parseLivebench(
      inputs.livebench20240726Table.text,
      JSON.parse(inputs.livebench20240726Categories.text),
      inputs.livebench20240726Table.sourceDate,
      "global-average-2024-07-26",
    ),
    ...parseNytConnections(inputs.nytConnectionsReadme.text, inputs.nytConnectionsReadme.sourceDate),
    ...parseVectara(inputs.vectaraReadme.text, inputs.vectaraReadme.sourceDate),
    ...parseVectara(
      inputs.vectaraOldDatasetReadme.text,
      inputs.vectaraOldDatasetReadme.sourceDate,
      "hhem-2.3-factual-consistency-old-dataset",
    ),
    ...parseBullshitBench(inputs.bullshitBenchLeaderboard.text, inputs.bullshitBenchLeaderboard.sourceDate),
    ...buyingGuideScores(),
  ];
  return qualityFileSchema.parse({
    generatedAt: generatedAt.toISOString(),
    sources: sources(inputs),
    scores,
  });
}
