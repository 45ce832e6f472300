import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");
const {
  acquireRunSlot,
  clientIdOf,
  listenForRemoteStops,
  localSlotStore,
  registerPane,
  sharedSlotStore,
  stopPanes,
} = await import("./limits");
const { executeRows, getDb } = await import("@/db/client");
const { acquireRunSlotByClient } = await import("@/db/queries/run-slots");

const slotFor = (clientId: string, limit: number) => acquireRunSlot(clientId, randomUUID(), limit);

describe("the client id of the run limit", () => {
  const request = (forwardedFor?: string) =>
    new Request("http://test.local/api/playground/runs", {
      headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    });

  it("ignores X-Forwarded-For by default, so a made-up header does not dodge the limit", async () => {
    expect(clientIdOf(request("198.51.100.1"), 0)).toBe(clientIdOf(request("198.51.100.2"), 0));
    const release = await slotFor(clientIdOf(request("198.51.100.3"), 0), 1);
    try {
      await expect(slotFor(clientIdOf(request("198.51.100.4"), 0), 1)).rejects.toThrow(AppError);
    } finally {
      await release();
    }
  });

  it("behind trusted proxies, counts the address the outermost one saw, not what the client wrote", () => {
    expect(clientIdOf(request("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIdOf(request("made-up, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIdOf(request("made-up, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIdOf(request("203.0.113.7"), 2)).toBe("local");
    expect(clientIdOf(request(), 1)).toBe("local");
  });

  it("says the limit is the server's when every caller shares it, and the caller's own otherwise", async () => {
    const messageOver = async (clientId: string) => {
      const release = await slotFor(clientId, 1);
      try {
        await slotFor(clientId, 1);
        return "";
      } catch (error) {
        return error instanceof AppError ? error.message : "";
      } finally {
        await release();
      }
    };
    expect(await messageOver(clientIdOf(request("198.51.100.5"), 0))).toMatch(
      /already running on this server.*TRUST_PROXY/,
    );
    expect(await messageOver(clientIdOf(request("203.0.113.9"), 1))).toMatch(
      /^You already have 1 comparisons running\./,
    );
  });
});

describe("the run limit's two counts", () => {
  const stores = {
    "in this process": async () => localSlotStore(),
    "in the database": async () => sharedSlotStore(await getDb()),
  };
  for (const [name, makeStore] of Object.entries(stores)) {
    it(`counts runs ${name}: up to the limit per client, each freed once`, async () => {
      const store = await makeStore();
      const client = `count-${randomUUID()}`;
      const first = await acquireRunSlot(client, randomUUID(), 2, store);
      const second = await acquireRunSlot(client, randomUUID(), 2, store);
      await expect(acquireRunSlot(client, randomUUID(), 2, store)).rejects.toMatchObject({ status: 429 });
      // Another client has limits of its own.
      const other = await acquireRunSlot(`other-${client}`, randomUUID(), 1, store);
      await first();
      await first();
      const third = await acquireRunSlot(client, randomUUID(), 2, store);
      await expect(acquireRunSlot(client, randomUUID(), 2, store)).rejects.toMatchObject({ status: 429 });
      await Promise.all([second(), third(), other()]);
      // A retry reuses its run's id, and still takes a slot of its own.
      const runId = randomUUID();
      const run = await acquireRunSlot(client, runId, 2, store);
      const retry = await acquireRunSlot(client, runId, 2, store);
      await expect(acquireRunSlot(client, randomUUID(), 2, store)).rejects.toMatchObject({ status: 429 });
      await run();
      // The run's slot is free again; the retry still holds its own.
      const next = await acquireRunSlot(client, randomUUID(), 2, store);
      await expect(acquireRunSlot(client, randomUUID(), 2, store)).rejects.toMatchObject({ status: 429 });
      await Promise.all([retry(), next()]);
      const again = await Promise.all([1, 2].map(() => acquireRunSlot(client, randomUUID(), 2, store)));
      await Promise.all(again.map((release) => release()));
    });
  }

  it("counts in this process on the embedded database, which only this process can open", async () => {
    const client = `embedded-${randomUUID()}`;
    const release = await acquireRunSlot(client, randomUUID(), 1);
    try {
      const db = await getDb();
      const rows = await executeRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from run_slots where client_id = ${client}`,
      );
      expect(rows[0]?.count).toBe(0);
      await expect(acquireRunSlot(client, randomUUID(), 1)).rejects.toMatchObject({ status: 429 });
    } finally {
      await release();
    }
  });
});

describe("the run limit across instances", () => {
  it("holds one slot per run up to the limit, and frees a slot whose lease ran out", async () => {
    const db = await getDb();
    const clientId = `lease-${randomUUID()}`;
    const take = (leaseMs: number) =>
      acquireRunSlotByClient({ db, clientId, runId: randomUUID(), limit: 2, leaseMs });
    const held = await take(60_000);
    // A crashed instance's run: its lease is already over, so its slot is free again.
    const expired = await take(-1);
    expect([held, expired].sort()).toEqual([1, 2]);
    expect(await take(60_000)).toBe(expired);
    expect(await take(60_000)).toBeNull();
  });

  it("stops a pane through a notification when this process does not hold it", async () => {
    await listenForRemoteStops();
    const runId = randomUUID();
    const db = await getDb();
    await acquireRunSlotByClient({ db, clientId: `stop-${runId}`, runId, limit: 1, leaseMs: 60_000 });
    const controller = new AbortController();
    registerPane(runId, "demo/swift", controller);
    // As if the stop had landed on another instance: only the notification reaches the pane.
    const { notifyStopByRun } = await import("@/db/queries/run-slots");
    expect(await notifyStopByRun({ db, runId, model: "demo/swift" })).toBe(true);
    await vi.waitFor(() => expect(controller.signal.aborted).toBe(true));
    expect(await stopPanes(randomUUID())).toBe(0);
  });
});
