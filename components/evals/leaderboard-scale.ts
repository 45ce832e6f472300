/** Where a rating and its interval sit on a shared axis, as percentages of the bar's width. */
export interface CiBar {
  leftPct: number;
  widthPct: number;
  pointPct: number;
}

interface RatedInterval {
  rating: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * One axis for every row, from the lowest interval end to the highest, padded a little and
 * rounded out to tens, so bars compare at a glance and no bar touches the edge.
 */
export function ciAxis(ratings: RatedInterval[]): { min: number; max: number } {
  if (ratings.length === 0) return { min: 900, max: 1100 };
  const low = Math.min(...ratings.map((rating) => rating.ciLow));
  const high = Math.max(...ratings.map((rating) => rating.ciHigh));
  const pad = Math.max(10, (high - low) * 0.05);
  return { min: Math.floor((low - pad) / 10) * 10, max: Math.ceil((high + pad) / 10) * 10 };
}

export function ciBar(rating: RatedInterval, axis: { min: number; max: number }): CiBar {
  const span = axis.max - axis.min || 1;
  const at = (value: number) => Math.min(100, Math.max(0, ((value - axis.min) / span) * 100));
  const leftPct = at(rating.ciLow);
  return { leftPct, widthPct: at(rating.ciHigh) - leftPct, pointPct: at(rating.rating) };
}
