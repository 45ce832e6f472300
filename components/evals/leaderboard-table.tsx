import type { Leaderboard } from "@/lib/evals/grade/votes";
import { formatInteger } from "@/lib/format";
import { ciAxis, ciBar } from "./leaderboard-scale";

const headClass = "px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-muted";

/** Models ranked by rating, each with its 95% interval drawn on one shared axis and its vote counts. */
export function LeaderboardTable({ board }: { board: Leaderboard }) {
  if (board.ratings.length === 0) {
    return (
      <p data-testid="leaderboard-empty" className="text-sm text-zinc-600 dark:text-zinc-400">
        No rated votes yet. Vote on a run's answers to rank its models.
      </p>
    );
  }
  const axis = ciAxis(board.ratings);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table data-testid="leaderboard-table" className="w-full text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
          <tr>
            <th className={headClass}>#</th>
            <th className={headClass}>Model</th>
            <th className={`${headClass} text-right`}>Rating</th>
            <th className={`${headClass} hidden w-1/3 sm:table-cell`}>
              95% interval{" "}
              <span className="font-normal normal-case">
                ({axis.min}–{axis.max})
              </span>
            </th>
            <th
              className={`${headClass} hidden text-right sm:table-cell`}
              title="Wins / losses / ties / both bad"
            >
              W / L / T / ✗
            </th>
          </tr>
        </thead>
        <tbody>
          {board.ratings.map((rating, index) => {
            const bar = ciBar(rating, axis);
            const range = `${Math.round(rating.ciLow)} to ${Math.round(rating.ciHigh)}`;
            return (
              <tr
                key={rating.modelId}
                data-testid="leaderboard-row"
                data-model-id={rating.modelId}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
              >
                <td className="px-3 py-2 tabular text-muted">{index + 1}</td>
                <td className="max-w-[16rem] px-3 py-2">
                  <span className="block truncate font-mono text-xs">{rating.modelId}</span>
                  <span className="block text-[11px] text-muted tabular sm:hidden">
                    {rating.wins} W · {rating.losses} L · {rating.ties} T · {rating.bothBad} ✗
                  </span>
                </td>
                <td className="px-3 py-2 text-right font-semibold tabular" data-testid="leaderboard-rating">
                  {Math.round(rating.rating)}
                  <span className="block text-[11px] font-normal text-muted">
                    {Math.round(rating.ciLow)}–{Math.round(rating.ciHigh)}
                  </span>
                </td>
                {/* On a phone the interval shows as numbers under the rating instead of a bar. */}
                <td className="hidden px-3 py-2 sm:table-cell">
                  <div
                    className="relative h-3 rounded bg-zinc-100 dark:bg-zinc-800"
                    role="img"
                    aria-label={`95% interval ${range}`}
                    title={`95% interval ${range}`}
                  >
                    <div
                      className="absolute inset-y-0 rounded bg-accent-500/40"
                      style={{ left: `${bar.leftPct}%`, width: `${Math.max(bar.widthPct, 0.5)}%` }}
                    />
                    <div
                      className="absolute inset-y-[-2px] w-0.5 bg-accent-700 dark:bg-accent-100"
                      style={{ left: `${bar.pointPct}%` }}
                    />
                  </div>
                </td>
                <td className="hidden whitespace-nowrap px-3 py-2 text-right tabular text-xs sm:table-cell">
                  {formatInteger(rating.wins)} / {formatInteger(rating.losses)} / {formatInteger(rating.ties)}{" "}
                  / {formatInteger(rating.bothBad)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
