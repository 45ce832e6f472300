/**
 * Group commit: writes that arrive while one is being made (or within `gatherMs` of the first) go
 * to the database together in one call of `writeMany`. On the embedded database every statement runs
 * on the server's own thread, and a statement of 50 rows costs about as much as a statement of one,
 * so under load the statements are paid once per batch instead of once per write. A write waits at
 * most for the batch in progress and its gathering time, then its own.
 *
 * `writeMany` answers one result per item, in order. When a batch fails, each of its items is written
 * again, alone, once: one bad write (a session deleted meanwhile) never takes the others down with it,
 * and a write whose transaction committed but whose reply was lost (a dropped connection) is found
 * already made, if `writeMany` recognises its own rows (the playground's and the evals' writes do, by
 * ids made before the write). An item that fails again rejects its own promise only.
 */
export interface GroupCommitOptions {
  /** How long the first write of a batch waits for others; 0 writes at once when nothing is running. */
  gatherMs?: number;
  maxBatch?: number;
  /** Told when a batch of several fails and its items are written alone (never the items themselves: they may hold answers). */
  onBatchFailed?: (size: number, error: unknown) => void;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function groupCommit<T, R>(
  writeMany: (items: T[]) => Promise<R[]>,
  { gatherMs = 0, maxBatch = 100, onBatchFailed }: GroupCommitOptions = {},
): (item: T) => Promise<R> {
  const waiting: Waiting<T, R>[] = [];
  let busy = false;

  // A writeMany that throws before its promise is treated like one that rejects.
  const write = (items: T[]) => Promise.resolve().then(() => writeMany(items));
  const writeBatch = async (batch: Waiting<T, R>[]) => {
    try {
      const results = await write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        entry.resolve(results[index] as R);
      });
      return;
    } catch (error) {
      if (batch.length > 1) onBatchFailed?.(batch.length, error);
    }
    for (const entry of batch) {
      await write([entry.item]).then(([result]) => entry.resolve(result as R), entry.reject);
    }
  };

  const drain = async () => {
    try {
      while (waiting.length > 0) await writeBatch(waiting.splice(0, maxBatch));
    } finally {
      busy = false;
    }
  };

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (busy) return;
      busy = true;
      if (gatherMs > 0) setTimeout(() => void drain(), gatherMs);
      else void drain();
    });
}
