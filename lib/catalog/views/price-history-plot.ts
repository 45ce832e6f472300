import type { PriceHistoryPoint } from "../read/detail";
import type { CatalogEntry } from "../schema";

/**
 * Price history lines for the log price axis. Imported by the price history chart in the browser,
 * so runtime imports stay out of this module.
 */

export interface HistorySeries {
  offeringId: string;
  label: string;
  points: PriceHistoryPoint[];
}

export interface HistoryPlotPoint {
  dateMs: number;
  date: string;
  value: number;
  perMTok: string;
  source: string;
  kind: "data" | "guide";
  current: boolean;
}

export interface HistoryLine {
  offeringId: string;
  label: string;
  metric: "input" | "output";
  points: HistoryPlotPoint[];
}

/** "2024-11" → the first of the month in UTC; guides date prices by month only. */
export function dateToMs(date: string): number {
  const [year = "1970", month = "1", day = "1"] = date.split("-");
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

/**
 * Lines for a log price axis, one per offering and metric, in date order. A point is dated by
 * `effectiveFrom ?? sourceDate`, except an undated package price that an already dated package price
 * follows: it was in force before that change, at an unknown time, so it is left out and counted.
 */
export function historyLines(series: readonly HistorySeries[]): { lines: HistoryLine[]; leftOut: number } {
  const lines: HistoryLine[] = [];
  let leftOut = 0;
  for (const { offeringId, label, points } of series) {
    const firstDated = points
      .filter((point) => point.kind === "data" && point.effectiveFrom !== null)
      .map((point) => point.effectiveFrom as string)
      .sort()[0];
    const plotted: (PriceHistoryPoint & { date: string })[] = [];
    for (const point of points) {
      const date = point.effectiveFrom ?? point.sourceDate;
      const superseded =
        point.effectiveFrom === null && point.kind === "data" && firstDated !== undefined && date !== null
          ? date >= firstDated
          : false;
      const priced = [point.inputPerMTok, point.outputPerMTok].some(
        (value) => value !== null && Number(value) > 0,
      );
      if (date === null || superseded || !priced) leftOut++;
      else plotted.push({ ...point, date });
    }
    plotted.sort((a, b) => dateToMs(a.date) - dateToMs(b.date) || a.kind.localeCompare(b.kind));
    for (const metric of ["input", "output"] as const) {
      const linePoints = plotted.flatMap((point) => {
        const perMTok = metric === "input" ? point.inputPerMTok : point.outputPerMTok;
        if (perMTok === null || Number(perMTok) <= 0) return [];
        return [
          {
            dateMs: dateToMs(point.date),
            date: point.date,
            value: Number(perMTok),
            perMTok,
            source: point.source,
            kind: point.kind,
            current: point.current,
          },
        ];
      });
      if (linePoints.length > 0) lines.push({ offeringId, label, metric, points: linePoints });
    }
  }
  return { lines, leftOut };
}

/** The picked offerings' histories; ids not in the catalog (say, from an old link) are reported back. */
export function historySeries(
  byId: ReadonlyMap<string, CatalogEntry>,
  ids: readonly string[],
  historyOf: (id: string) => PriceHistoryPoint[],
): { series: HistorySeries[]; missing: string[] } {
  const series: HistorySeries[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const entry = byId.get(id);
    if (entry)
      series.push({ offeringId: id, label: `${entry.name} · ${entry.providerName}`, points: historyOf(id) });
    else missing.push(id);
  }
  return { series, missing };
}
