import {
  formatScore,
  INDEX_FORMULA,
  SCORE_DEFINITIONS,
  type ScoreKey,
  sourceName,
  type TableQuality,
} from "@/lib/catalog/quality/views/scores";
import { formatDate } from "@/lib/format";
import { Unknown } from "./cells";

/** The quality index with the number of sources behind it; a one-source model says so, never a number. */
export function QualityIndexCell({ quality }: { quality: TableQuality | null }) {
  if (quality?.index === null || quality?.index === undefined) {
    const sources = quality?.headlineSources ?? [];
    if (sources.length === 0) return <Unknown />;
    return (
      <span
        title={`No index: it needs at least ${INDEX_FORMULA.minSources} sources, and only ${sources.map(sourceName).join(", ")} scores this model.`}
        data-testid="quality-index-too-few"
      >
        <Unknown label={`${sources.length} source only`} />
      </span>
    );
  }
  return (
    <span
      className="tabular"
      title={`Mean percentile over ${quality.indexSources.map(sourceName).join(", ")}`}
      data-testid="quality-index"
    >
      {formatScore("quality", quality.index)}{" "}
      <span className="text-[11px] text-muted">· {quality.indexSources.length} src</span>
    </span>
  );
}

export function ScoreValueCell({ quality, scoreKey }: { quality: TableQuality | null; scoreKey: ScoreKey }) {
  const score = quality?.scores[scoreKey];
  if (!score) return <Unknown />;
  return (
    <span
      className="tabular"
      title={`${SCORE_DEFINITIONS[scoreKey].label}: ${score.text}, tested as ${score.tested}, ${formatDate(score.date)}`}
    >
      {formatScore(scoreKey, score.value)}
    </span>
  );
}

/** The index's formula in words: shown under the catalog table and wherever the index appears. */
export function QualityIndexNote() {
  return (
    <p id="quality-index" className="text-xs text-muted" data-testid="quality-index-help">
      <strong className="font-medium text-zinc-700 dark:text-zinc-300">Quality index</strong> = the mean, over
      the headline benchmarks a model has ({INDEX_FORMULA.headline.join("; ")}), of its percentile rank among
      the catalog models scored on that benchmark (0 lowest, 100 highest), using the model&apos;s best-scoring
      tested setting. It is given only when at least {INDEX_FORMULA.minSources} different sources score the
      model, and each value says how many it rests on (&ldquo;3 src&rdquo;); with fewer it is unknown, never
      computed from one source. Unknown scores sort last either way.
    </p>
  );
}
