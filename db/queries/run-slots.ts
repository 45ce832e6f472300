import { and, eq, gt, sql } from "drizzle-orm";
import { type Db, dbError, executeRows } from "../client";
import { runSlots } from "../schema";

/** Channel on which any instance asks the one running a pane to stop it. */
const STOP_CHANNEL = "playground_stop";

/**
 * Takes the first free run slot of a client, in one statement every instance shares. A slot is free
 * when it was never taken or its lease ran out (its instance crashed). Two requests racing for one
 * slot meet on the primary key: the loser gets no slot rather than a second one (the caller tries
 * again); a random free slot rather than the lowest makes such collisions rare.
 */
export async function acquireRunSlotByClient({
  db,
  clientId,
  runId,
  limit,
  leaseMs,
}: {
  db: Db;
  clientId: string;
  runId: string;
  limit: number;
  leaseMs: number;
}): Promise<number | null> {
  try {
    const rows = await executeRows<{ slot: number }>(
      db,
      sql`insert into ${runSlots} (client_id, slot, run_id, expires_at)
        select ${clientId}, candidate, ${runId}, now() + ${leaseMs} * interval '1 millisecond'
        from generate_series(1, ${limit}::int) as candidate
        where not exists (
          select 1 from ${runSlots} taken
          where taken.client_id = ${clientId} and taken.slot = candidate and taken.expires_at > now()
        )
        order by random()
        limit 1
        on conflict (client_id, slot) do update
          set run_id = excluded.run_id, expires_at = excluded.expires_at
          where ${runSlots.expiresAt} <= now()
        returning slot`,
    );
    return rows[0]?.slot ?? null;
  } catch (error) {
    throw dbError("check the run limit", error);
  }
}

/** A slot as its run holds it: the run id guards against freeing a slot another run took over. */
interface HeldSlot {
  db: Db;
  clientId: string;
  slot: number;
  runId: string;
}

const heldBy = ({ clientId, slot, runId }: HeldSlot) =>
  and(eq(runSlots.clientId, clientId), eq(runSlots.slot, slot), eq(runSlots.runId, runId));

/** Extends a running run's lease; a run that lost its slot (lease ran out) keeps running regardless. */
export async function renewRunSlotByRun(held: HeldSlot & { leaseMs: number }): Promise<void> {
  const { db, leaseMs } = held;
  try {
    await db
      .update(runSlots)
      .set({ expiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'` })
      .where(heldBy(held));
  } catch (error) {
    throw dbError("renew the run's slot", error);
  }
}

export async function deleteRunSlotByRun(held: HeldSlot): Promise<void> {
  try {
    await held.db.delete(runSlots).where(heldBy(held));
  } catch (error) {
    throw dbError("free the run's slot", error);
  }
}

/**
 * Tells every instance to stop a run's pane (or all its panes), and says whether the run holds a live
 * slot anywhere, that is whether some instance is still running it to hear the request.
 */
export async function notifyStopByRun({
  db,
  runId,
  model,
}: {
  db: Db;
  runId: string;
  model?: string;
}): Promise<boolean> {
  try {
    const payload = JSON.stringify({ runId, model });
    const [row] = await executeRows<{ running: boolean }>(
      db,
      sql`select pg_notify(${STOP_CHANNEL}, ${payload}), exists (
        select 1 from ${runSlots} where ${and(eq(runSlots.runId, runId), gt(runSlots.expiresAt, sql`now()`))}
      ) as running`,
    );
    return row?.running === true;
  } catch (error) {
    throw dbError("send the stop request", error);
  }
}

/** The raw client's LISTEN: postgres.js and PGlite both take (channel, callback with the payload). */
interface Listener {
  listen(channel: string, onPayload: (payload: string) => void): Promise<unknown>;
}

/** Subscribes this process to stop requests; resolves once the subscription is live. */
export async function listenForStops({
  db,
  onStop,
}: {
  db: Db;
  onStop: (request: { runId: string; model?: string }) => void;
}): Promise<void> {
  try {
    const client = (db as unknown as { $client: Listener }).$client;
    await client.listen(STOP_CHANNEL, (payload) => {
      try {
        onStop(JSON.parse(payload) as { runId: string; model?: string });
      } catch {
        // Only this module writes to the channel; a payload it cannot read stops nothing.
      }
    });
  } catch (error) {
    throw dbError("listen for stop requests", error);
  }
}
