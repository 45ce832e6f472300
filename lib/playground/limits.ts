import "server-only";
import { type Db, getDb, getDbHandle } from "@/db/client";
import {
  acquireRunSlotByClient,
  deleteRunSlotByRun,
  listenForStops,
  notifyStopByRun,
  renewRunSlotByRun,
} from "@/db/queries/run-slots";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Concurrent runs per client. A client over the limit gets a 429 with Retry-After. With a Postgres
 * server the runs are counted in the database, so that every instance behind a load balancer shares
 * one limit: a run holds a lease on its slot, renewed while it streams and freed when it ends, however
 * it ends; the lease of an instance that crashed runs out, so its slots come free on their own.
 * An embedded database serves one process only (its folder is locked to it), so there the count is
 * kept in this process: the same limit, without two statements in front of every run.
 */
export const RUN_LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
const SLOT_ATTEMPTS = 3;

/** The one identity every caller shares when no trusted proxy says who is calling (see clientIdOf). */
export const SHARED_CLIENT_ID = "local";

/** Takes one of a client's `limit` slots for a run: a release, or null when all are taken. */
export type SlotStore = (
  clientId: string,
  runId: string,
  limit: number,
) => Promise<(() => Promise<void>) | null>;

/** Slots counted in this process (one process per embedded database). */
export function localSlotStore(): SlotStore {
  // Each taking is counted on its own, not by run id: a retry of a run reuses the run's id.
  const running = new Map<string, Set<object>>();
  return async (clientId, _runId, limit) => {
    const held = running.get(clientId) ?? new Set<object>();
    if (held.size >= limit) return null;
    const slot = {};
    held.add(slot);
    running.set(clientId, held);
    return async () => {
      held.delete(slot);
      if (held.size === 0 && running.get(clientId) === held) running.delete(clientId);
    };
  };
}

/** Slots leased in the database, shared by every instance that uses it. */
export function sharedSlotStore(db: Db): SlotStore {
  return async (clientId, runId, limit) => {
    let slot: number | null = null;
    // A request that lost a race for a free slot tries again; a full limit says no every time.
    for (let attempt = 0; attempt < SLOT_ATTEMPTS && slot === null; attempt++)
      slot = await acquireRunSlotByClient({ db, clientId, runId, limit, leaseMs: RUN_LEASE_MS });
    if (slot === null) return null;
    const lease = { db, clientId, slot, runId };
    const renewal = setInterval(() => {
      renewRunSlotByRun({ ...lease, leaseMs: RUN_LEASE_MS }).catch(() => {});
    }, RENEW_EVERY_MS);
    // A pending renewal must not keep a finished process (or test) alive.
    renewal.unref();
    return async () => {
      clearInterval(renewal);
      // If this fails the lease runs out on its own.
      await deleteRunSlotByRun(lease).catch(() => {});
    };
  };
}

const globalForSlots = globalThis as unknown as { __runSlots?: Promise<SlotStore> };

function slotStore(): Promise<SlotStore> {
  globalForSlots.__runSlots ??= getDbHandle().then(
    (handle) => (handle.driver === "pglite" ? localSlotStore() : sharedSlotStore(handle.db)),
    (error) => {
      globalForSlots.__runSlots = undefined;
      throw error;
    },
  );
  return globalForSlots.__runSlots;
}

export async function acquireRunSlot(
  clientId: string,
  runId: string,
  limit: number,
  store?: SlotStore,
): Promise<() => Promise<void>> {
  const free = await (store ?? (await slotStore()))(clientId, runId, limit);
  if (!free) {
    // With no trusted proxy the limit is the whole server's, so it is not this caller's own runs.
    const running =
      clientId === SHARED_CLIENT_ID
        ? `${limit} comparisons are already running on this server (the limit is shared until TRUST_PROXY is set).`
        : `You already have ${limit} comparisons running.`;
    throw new AppError(
      "rate_limited:playground",
      `${running} Wait for one to finish or stop it, then try again.`,
      { headers: { "retry-after": "2" }, details: { retryAfterSeconds: 2, limit } },
    );
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await free();
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

/** Stop handles of running panes, so POST /api/playground/stop can cut one pane's upstream call. */
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

/** Stops panes running in this process: one, or every pane of the run when no model is given. */
function stopLocalPanes(runId: string, model?: string): number {
  const panes = runningPanes.get(runId);
  if (!panes) return 0;
  const targets = model ? [panes.get(model)].filter(Boolean) : [...panes.values()];
  for (const controller of targets) controller?.abort(new DOMException("Stopped by the user", "AbortError"));
  return targets.length;
}

/**
 * Stops one pane (or the run) wherever it runs: here directly, on another instance through a
 * notification. Returns how many panes were stopped here, or 1 when another instance holds the run.
 */
export async function stopPanes(runId: string, model?: string): Promise<number> {
  const stoppedHere = stopLocalPanes(runId, model);
  if (stoppedHere > 0) return stoppedHere;
  const runningElsewhere = await notifyStopByRun({ db: await getDb(), runId, model });
  return runningElsewhere ? 1 : 0;
}

const globalForStops = globalThis as unknown as { __playgroundStopListener?: Promise<void> };

/** Listens once per process for stops sent through other instances; a run waits for it before it starts. */
export function listenForRemoteStops(): Promise<void> {
  if (!globalForStops.__playgroundStopListener) {
    globalForStops.__playgroundStopListener = getDb()
      .then((db) => listenForStops({ db, onStop: ({ runId, model }) => stopLocalPanes(runId, model) }))
      .catch((error) => {
        globalForStops.__playgroundStopListener = undefined;
        throw error;
      });
  }
  return globalForStops.__playgroundStopListener;
}
