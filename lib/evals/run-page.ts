/** The run view reads a run this many cases at a time (the API's largest page). */
export const RUN_PAGE_SIZE = 500;

/**
 * One page of a run as the run view reads it. The run's page asks the browser to fetch the first one
 * while its scripts load (a preload of this exact URL), so the same string must be used on both sides.
 */
export function runPageUrl(runId: string, cursor: number | null = null): string {
  const base = `/api/evals/runs/${encodeURIComponent(runId)}?limit=${RUN_PAGE_SIZE}`;
  return cursor === null ? base : `${base}&cursor=${cursor}`;
}

/** What a live run view polls: status, progress, summary and the answers written after result `afterId`. */
export function runNewsUrl(runId: string, afterId: number): string {
  return `${runPageUrl(runId)}&afterResult=${afterId}`;
}
