import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { forEachTestDatabase } from "../test-databases";
import { acquireRunSlotByClient, deleteRunSlotByRun, notifyStopByRun } from "./run-slots";

forEachTestDatabase((getHandle) => {
  it("never hands out more slots than the limit, however many requests race for them", async () => {
    const { db } = getHandle();
    const clientId = `race-${randomUUID()}`;
    const slots = await Promise.all(
      Array.from({ length: 8 }, () =>
        acquireRunSlotByClient({ db, clientId, runId: randomUUID(), limit: 3, leaseMs: 60_000 }),
      ),
    );
    const taken = slots.filter((slot) => slot !== null);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThanOrEqual(3);
    expect(new Set(taken).size).toBe(taken.length);
  });

  it("frees a slot when its run ends, and says whether a run is held anywhere", async () => {
    const { db } = getHandle();
    const clientId = `free-${randomUUID()}`;
    const runId = randomUUID();
    const slot = await acquireRunSlotByClient({ db, clientId, runId, limit: 1, leaseMs: 60_000 });
    expect(slot).toBe(1);
    expect(await notifyStopByRun({ db, runId })).toBe(true);
    const other = randomUUID();
    expect(
      await acquireRunSlotByClient({ db, clientId, runId: other, limit: 1, leaseMs: 60_000 }),
    ).toBeNull();
    await deleteRunSlotByRun({ db, clientId, slot: 1, runId });
    expect(await notifyStopByRun({ db, runId })).toBe(false);
    expect(await acquireRunSlotByClient({ db, clientId, runId: other, limit: 1, leaseMs: 60_000 })).toBe(1);
  });
});
