import { benchmarkLabel as shortBenchmarkLabel } from "@/lib/catalog/quality/cite";
import type { ApiScore } from "@/lib/catalog/quality/read";
import {
  formatScore,
  INDEX_FORMULA,
  SCORE_DEFINITIONS,
  scoreKeyOf,
  scoreSourceName,
  sourceName,
} from "@/lib/catalog/quality/views/scores";
import type { Standing } from "@/lib/catalog/quality/views/standing";
import type { ModelQualityDetail } from "@/lib/catalog/quality/views/summary";
import { formatDate, trimDecimal } from "@/lib/format";

const linkClass = "text-accent-600 dark:text-accent-300 underline decoration-dotted hover:text-accent-700";

/** A headline benchmark by its full definition, any other by its short name (cite.ts). */
function benchmarkLabel(score: Pick<ApiScore, "source" | "benchmark" | "split">): string {
  const key = scoreKeyOf(score);
  return key ? SCORE_DEFINITIONS[key].label : shortBenchmarkLabel(score);
}

function ScoreValue({ score }: { score: Pick<ApiScore, "value" | "unit" | "ciLow" | "ciHigh"> }) {
  const unit = score.unit === "percent" ? "%" : "";
  return (
    <>
      {trimDecimal(score.value)}
      {unit}
      {score.ciLow !== null && score.ciHigh !== null ? (
        <span className="block text-[11px] text-muted">
          95% CI {trimDecimal(score.ciLow)}–{trimDecimal(score.ciHigh)}
        </span>
      ) : null}
    </>
  );
}

function testedAs(score: Pick<ApiScore, "modelTested" | "setting">): string {
  return score.setting ? `${score.modelTested} · setting: ${score.setting}` : score.modelTested;
}

function SourceLink({ url }: { url: string | null }) {
  return url ? (
    <a href={url} className={linkClass} target="_blank" rel="noreferrer">
      source
    </a>
  ) : (
    <span className="text-muted">committed guide</span>
  );
}

/** Percentile as a bar, so ranks from different sources can be compared at a glance. */
function RankBar({ standing }: { standing: Standing }) {
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-20 shrink-0 rounded bg-zinc-200 dark:bg-zinc-700" aria-hidden>
        <div className="h-1.5 rounded bg-accent-600" style={{ width: `${standing.percentile}%` }} />
      </div>
      <span className="tabular text-xs">
        #{standing.rank} of {standing.of}
        <span className="text-muted"> · {standing.percentile.toFixed(0)}th pct</span>
      </span>
    </div>
  );
}

export function QualityPanel({ detail }: { detail: ModelQualityDetail }) {
  const { quality, standings, disagreements, history } = detail;
  if (!quality || quality.scores.length === 0)
    return (
      <p className="text-sm text-muted" data-testid="quality-none">
        No benchmark or arena source in the catalog scores this model. Quality is unknown, not zero.
      </p>
    );
  const standingOf = (score: ApiScore) => standings.find((standing) => standing.key === scoreKeyOf(score));
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="quality-index-summary">
        {quality.index === null ? (
          <>
            Quality index: <span className="italic text-muted">unknown</span>. It needs scores from at least{" "}
            {INDEX_FORMULA.minSources} of the headline sources, and this model has{" "}
            {new Set(quality.scores.map((score) => score.source)).size === 1 ? "only one source" : "too few"}.
          </>
        ) : (
          <>
            Quality index <strong className="tabular">{formatScore("quality", quality.index)}</strong> of 100,
            from {quality.indexSources.length} sources ({quality.indexSources.map(sourceName).join(", ")}):
            the mean of its percentile ranks on those sources&apos; headline benchmarks.
          </>
        )}
      </p>

      {disagreements.length > 0 ? (
        <ul
          className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="quality-disagreements"
        >
          {disagreements.map((item) => (
            <li key={`${item.high.key}-${item.low.key}`}>Sources disagree: {item.text}</li>
          ))}
        </ul>
      ) : null}

      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] text-sm" data-testid="quality-scores">
          <thead className="text-left text-xs uppercase text-muted">
            <tr>
              <th className="py-1.5 pr-3">Benchmark</th>
              <th className="py-1.5 pr-3 text-right">Score</th>
              <th className="py-1.5 pr-3">Rank among catalog models</th>
              <th className="py-1.5 pr-3">Tested as</th>
              <th className="py-1.5 pr-3">Source date</th>
              <th className="py-1.5">Link</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {quality.scores.map((score) => {
              const standing = standingOf(score);
              return (
                <tr
                  key={`${score.source}|${score.benchmark}|${score.split}`}
                  data-testid="quality-score-row"
                  data-source={score.source}
                >
                  <td className="py-1.5 pr-3">
                    {benchmarkLabel(score)}
                    <span className="block text-[11px] text-muted">{scoreSourceName(score)}</span>
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular">
                    <ScoreValue score={score} />
                  </td>
                  <td className="py-1.5 pr-3">{standing ? <RankBar standing={standing} /> : null}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs" data-testid="quality-tested-as">
                    {testedAs(score)}
                  </td>
                  <td className="py-1.5 pr-3 tabular" data-testid="quality-source-date">
                    {formatDate(score.sourceDate)}
                  </td>
                  <td className="py-1.5">
                    <SourceLink url={score.url} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">
        Each benchmark shows the model&apos;s best-scoring tested setting; every setting is in the history
        below. Ranks are among the catalog models that source scores.
      </p>

      <details data-testid="quality-history">
        <summary className="cursor-pointer text-sm font-medium">
          Score history ({history.length} stored row{history.length === 1 ? "" : "s"}, append-only)
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[720px] text-sm">
            <thead className="text-left text-xs uppercase text-muted">
              <tr>
                <th className="py-1.5 pr-3">Recorded</th>
                <th className="py-1.5 pr-3">Benchmark</th>
                <th className="py-1.5 pr-3">Tested as</th>
                <th className="py-1.5 pr-3 text-right">Score</th>
                <th className="py-1.5 pr-3">Source date</th>
                <th className="py-1.5">Link</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {history.map((score, index) => (
                <tr key={`${score.observedAt}-${index}`} data-testid="quality-history-row">
                  <td className="py-1.5 pr-3 tabular">{formatDate(score.observedAt.slice(0, 10))}</td>
                  <td className="py-1.5 pr-3">{benchmarkLabel(score)}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{testedAs(score)}</td>
                  <td className="py-1.5 pr-3 text-right tabular">
                    <ScoreValue score={score} />
                  </td>
                  <td className="py-1.5 pr-3 tabular">{formatDate(score.sourceDate)}</td>
                  <td className="py-1.5">
                    <SourceLink url={score.url} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-xs text-muted">
          A changed score is a new row; earlier rows are kept, never overwritten.
        </p>
      </details>
    </div>
  );
}
