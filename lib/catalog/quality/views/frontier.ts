/**
 * The cost-efficiency frontier: the points no other point beats on both price and quality, i.e. no
 * other point is at most as expensive and at least as good while strictly better on one of the two.
 * Points with an unknown price or quality are never on it (unknown is not free and not 0).
 */
export interface PricedQuality {
  id: string;
  /** USD per 1M tokens; null when unknown. */
  price: number | null;
  /** Higher is better; null when unknown. */
  quality: number | null;
}

type Known<T extends PricedQuality> = T & { price: number; quality: number };

const isKnown = <T extends PricedQuality>(point: T): point is Known<T> =>
  point.price !== null &&
  point.quality !== null &&
  Number.isFinite(point.price) &&
  Number.isFinite(point.quality);

/** Frontier points, cheapest first. Points tied on both price and quality are all kept. */
export function costFrontier<T extends PricedQuality>(points: readonly T[]): Known<T>[] {
  const known = points
    .filter(isKnown)
    .sort((a, b) => a.price - b.price || b.quality - a.quality || a.id.localeCompare(b.id));
  const frontier: Known<T>[] = [];
  let bestCheaper = Number.NEGATIVE_INFINITY;
  let index = 0;
  while (index < known.length) {
    const price = known[index]!.price;
    const group: Known<T>[] = [];
    while (index < known.length && known[index]!.price === price) group.push(known[index++]!);
    // Sorted best first, so the group's leaders are the ones equal to its first point.
    const top = group[0]!.quality;
    if (top > bestCheaper) {
      frontier.push(...group.filter((point) => point.quality === top));
      bestCheaper = top;
    }
  }
  return frontier;
}

/** Points at or above the bar, cheapest first (better first at equal price); unknowns never qualify. */
export function cheapestAbove<T extends PricedQuality>(
  points: readonly T[],
  bar: number,
  limit: number,
): Known<T>[] {
  return points
    .filter(isKnown)
    .filter((point) => point.quality >= bar)
    .sort((a, b) => a.price - b.price || b.quality - a.quality || a.id.localeCompare(b.id))
    .slice(0, limit);
}
