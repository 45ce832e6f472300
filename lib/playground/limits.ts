import { AppError } from "@/lib/errors";

/**
 * Concurrent runs per client, held in this process. A client over the limit gets a 429 with
 * Retry-After; the slot is released when its run ends, however it ends.
 */
const active = new Map<string, number>();

export function acquireRunSlot(clientId: string, limit: number): () => void {
  const current = active.get(clientId) ?? 0;
  if (current >= limit) {
    throw new AppError(
      "rate_limited:playground",
      `You already have ${current} comparisons running. Wait for one to finish or stop it, then try again.`,
      { headers: { "retry-after": "2" }, details: { retryAfterSeconds: 2, limit } },
    );
  }
  active.set(clientId, current + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (active.get(clientId) ?? 1) - 1;
    if (left <= 0) active.delete(clientId);
    else active.set(clientId, left);
  };
}

/** A stable-enough client identity: the first forwarded address, else the connection's. */
export function clientIdOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}

/** Stop handles of running panes, so POST /api/compare/stop can cut one pane's upstream call. */
const runningPanes = new Map<string, Map<string, AbortController>>();

export function registerPane(runId: string, model: string, controller: AbortController): () => void {
  const panes = runningPanes.get(runId) ?? new Map<string, AbortController>();
  panes.set(model, controller);
  runningPanes.set(runId, panes);
  return () => {
    // A retry of the same pane may have registered since; only remove our own handle.
    if (panes.get(model) === controller) panes.delete(model);
    if (panes.size === 0) runningPanes.delete(runId);
  };
}

/** Stops one pane, or every pane of the run when no model is given; returns how many were stopped. */
export function stopPanes(runId: string, model?: string): number {
  const panes = runningPanes.get(runId);
  if (!panes) return 0;
  const targets = model ? [panes.get(model)].filter(Boolean) : [...panes.values()];
  for (const controller of targets) controller?.abort(new DOMException("Stopped by the user", "AbortError"));
  return targets.length;
}
