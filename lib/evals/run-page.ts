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

/** A case as the run view holds it: its answers by model, each with the result id it was written as. */
interface FollowedCase {
  id: string;
  results: Record<string, { id: number; model: string }>;
}

/**
 * Puts a live poll's answers into the cases the view holds, each under its case and model (an answer
 * read twice replaces itself), and says from which result id following goes on. Null when an answer
 * names a case the view does not hold (the set changed under it): the view then reads the run whole.
 */
export function mergeNewResults<Case extends FollowedCase>(
  cases: readonly Case[],
  fresh: readonly (Case["results"][string] & { caseId: string })[],
  after: number,
): { cases: Case[]; after: number } | null {
  const merged = [...cases];
  const positions = new Map(merged.map((item, index) => [item.id, index]));
  let newest = after;
  for (const { caseId, ...result } of fresh) {
    const at = positions.get(caseId);
    const item = at === undefined ? undefined : merged[at];
    if (at === undefined || !item) return null;
    merged[at] = { ...item, results: { ...item.results, [result.model]: result } };
    newest = Math.max(newest, result.id);
  }
  return { cases: merged, after: newest };
}
