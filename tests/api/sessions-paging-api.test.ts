import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The real route on a throwaway in-memory database, with more sessions than one page holds.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const { GET } = await import("@/app/api/sessions/route");
const { getDb } = await import("@/db/client");
const { sessions } = await import("@/db/schema");

const TIED = 120;
const SPREAD = 35;

async function list(query: string) {
  const response = await GET(new Request(`http://test.local/api/sessions?${query}`), {} as never);
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  const db = await getDb();
  // One statement gives every row the same now(), so only the id can order them: the hardest case for a cursor.
  await db
    .insert(sessions)
    .values(Array.from({ length: TIED }, (_, n) => ({ title: `Tied ${n}`, clientId: null })));
  for (let n = 0; n < SPREAD; n++) {
    await db.insert(sessions).values({
      title: `Spread ${n}`,
      clientId: null,
      updatedAt: sql`now() - ${n} * interval '1 microsecond'`,
    });
  }
}, 60_000);

describe("GET /api/sessions paging", () => {
  it("walks every session once, newest first, in pages of the asked size", async () => {
    const seen: string[] = [];
    const updated: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=40${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.sessions.length).toBeLessThanOrEqual(40);
      seen.push(...page.body.sessions.map((session: { id: string }) => session.id));
      updated.push(...page.body.sessions.map((session: { updatedAt: string }) => session.updatedAt));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil((TIED + SPREAD) / 40));
    expect(seen).toHaveLength(TIED + SPREAD);
    expect(new Set(seen).size).toBe(TIED + SPREAD);
    expect([...updated].sort().reverse()).toEqual(updated);
  });

  it("keeps the first page of 100 without a cursor, as before paging existed", async () => {
    const first = await list("");
    expect(first.body.sessions).toHaveLength(100);
    expect(typeof first.body.nextCursor).toBe("string");
    const rest = await list(`cursor=${first.body.nextCursor}`);
    expect(rest.body.sessions).toHaveLength(TIED + SPREAD - 100);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("answers a cursor it did not give out, or a limit out of range, with a 400 naming the field", async () => {
    for (const cursor of ["garbage", "", Buffer.from("12.not-a-uuid").toString("base64url")]) {
      const bad = await list(`cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fieldErrors.cursor[0]).toContain("nextCursor");
    }
    expect((await list("limit=101")).body.error.details.fieldErrors.limit).toBeDefined();
    expect((await list("limit=0")).status).toBe(400);
  });
});
