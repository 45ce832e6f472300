import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Concurrent runs per client, held in this process. A client over the limit gets a 429 with
 * Retry-After; the slot is released when its run ends, however it ends.
 */
const active = new Map<string, number>();

/** The one identity every caller shares when no trusted proxy says who is calling (see clientIdOf). */
export const SHARED_CLIENT_ID = "local";

export function acquireRunSlot(clientId: string, limit: number): () => void {
  const current = active.get(clientId) ?? 0;
  if (current >= limit) {
    // With no trusted proxy the limit is the whole server's, so it is not this caller's own runs.
    const running =
      clientId === SHARED_CLIENT_ID
        ? `${current} comparisons are already running on this server (the limit is shared until TRUST_PROXY is set).`
        : `You already have ${current} comparisons running.`;
    throw new AppError(
      "rate_limited:playground",
      `${running} Wait for one to finish or stop it, then try again.`,
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

/**
 * The caller's identity for the run limit. A client can send any X-Forwarded-For, and Next.js fills
 * it in with the socket address only when it is missing, so the header is believed only as far as the
 * `trustedProxies` proxies in front of the app wrote it: each appends the address it was called from,
 * and the entry that many places from the end is the caller as the outermost proxy saw it.
 * Without a trusted proxy every caller shares one identity.
 */
export function clientIdOf(request: Request, trustedProxies = env().TRUST_PROXY): string {
  if (trustedProxies === 0) return SHARED_CLIENT_ID;
  const hops = request.headers.get("x-forwarded-for")?.split(",") ?? [];
  return hops[hops.length - trustedProxies]?.trim() || SHARED_CLIENT_ID;
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
