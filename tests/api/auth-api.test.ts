import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseEvents } from "@/lib/sse";

// A shared deployment: the issuer is never reached, because these callers use API tokens.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");
vi.stubEnv("AUTH_OIDC_ISSUER", "http://127.0.0.1:9/issuer");
vi.stubEnv("AUTH_OIDC_CLIENT_ID", "modelledger-unit");
vi.stubEnv("AUTH_OIDC_CLIENT_SECRET", "unit-client-secret");
vi.stubEnv("AUTH_SECRET", "unit-auth-secret-unit-auth-secret-0123");
vi.stubEnv("APP_ORIGIN", "http://test.local");

const sessionsRoute = await import("@/app/api/sessions/route");
const sessionRoute = await import("@/app/api/sessions/[id]/route");
const scenariosRoute = await import("@/app/api/scenarios/route");
const scenarioRoute = await import("@/app/api/scenarios/[id]/route");
const usageRoute = await import("@/app/api/usage/route");
const eventsRoute = await import("@/app/api/usage/events/route");
const healthRoute = await import("@/app/api/health/route");
const tokensRoute = await import("@/app/api/api-tokens/route");
const tokenRoute = await import("@/app/api/api-tokens/[id]/route");
const { POST: playgroundRoute } = await import("@/app/api/playground/runs/route");
const evalSetsRoute = await import("@/app/api/evals/route");
const evalSetRoute = await import("@/app/api/evals/[id]/route");
const evalImportRoute = await import("@/app/api/evals/[id]/import/route");
const evalRunsRoute = await import("@/app/api/evals/[id]/runs/route");
const evalRunRoute = await import("@/app/api/evals/runs/[runId]/route");
const evalCancelRoute = await import("@/app/api/evals/runs/[runId]/cancel/route");
const { getDb } = await import("@/db/client");
const { apiTokens, authUsers, sessions, usageEvents } = await import("@/db/schema");
const { createApiToken, hashApiToken } = await import("@/lib/auth/api-tokens");

const BASE = "http://test.local";
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field by the assertions.
type Json = Record<string, any>;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function read(response: Response | Promise<Response>) {
  const resolved = await response;
  const text = await resolved.text();
  return { status: resolved.status, text, body: (text ? JSON.parse(text) : null) as Json };
}

function as(token: string | null, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  return { ...init, headers };
}

const people = {
  admin: { id: "user-admin", name: "Ada Admin", email: "ada@example.com", role: "admin" as const },
  member: { id: "user-member", name: "Max Member", email: "max@example.com", role: "member" as const },
};
let adminToken = "";
let memberToken = "";

async function startSession(token: string, prompt: string): Promise<string> {
  const response = await playgroundRoute(
    new Request(
      `${BASE}/api/playground/runs`,
      as(token, { method: "POST", body: JSON.stringify({ prompt, models: ["demo/swift"] }) }),
    ),
    {} as never,
  );
  expect(response.status).toBe(200);
  const stream = await response.text();
  return String(parseEvents<{ sessionId?: string }>(stream)[0]?.sessionId);
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(authUsers).values([people.admin, people.member]);
  // Tokens are made as the product makes them; a member's is seeded directly, since only admins create them.
  adminToken = (await createApiToken(people.admin, "admin laptop")).token;
  memberToken = (await createApiToken(people.member, "member script")).token;
}, 60_000);

describe("without a session or API token", () => {
  it("answers every API route with the JSON 401 and keeps /api/health open", async () => {
    const refusals = [
      await read(sessionsRoute.GET(new Request(`${BASE}/api/sessions`), {} as never)),
      await read(usageRoute.GET(new Request(`${BASE}/api/usage`), {} as never)),
      await read(
        scenariosRoute.POST(
          new Request(`${BASE}/api/scenarios`, as(null, { method: "POST", body: "{}" })),
          {} as never,
        ),
      ),
      await read(
        sessionsRoute.GET(new Request(`${BASE}/api/sessions`, as("mlt_not-a-real-token")), {} as never),
      ),
      await read(
        sessionsRoute.GET(
          new Request(`${BASE}/api/sessions`, { headers: { authorization: "Basic YWRhOnNlY3JldA==" } }),
          {} as never,
        ),
      ),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      expect(refusal.body.error.code).toBe("unauthorized:auth");
      expect(refusal.body.error.message).toMatch(/sign in|API token/i);
    }
    const health = await healthRoute.GET(new Request(`${BASE}/api/health`), {} as never);
    expect(health.status).toBe(200);
  });
});

describe("ownership", () => {
  let adminSession = "";
  let memberSession = "";

  beforeAll(async () => {
    adminSession = await startSession(adminToken, "Admin asks about embeddings");
    memberSession = await startSession(memberToken, "Member asks about rerankers");
  }, 60_000);

  it("records who started each session and made each call, and shows the team every session", async () => {
    const db = await getDb();
    const [row] = await db.select().from(sessions).where(eq(sessions.id, adminSession));
    expect(row?.createdBy).toBe(people.admin.id);
    const calls = await db.select().from(usageEvents).where(eq(usageEvents.sessionId, memberSession));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.createdBy === people.member.id)).toBe(true);

    const list = await read(
      sessionsRoute.GET(new Request(`${BASE}/api/sessions`, as(memberToken)), {} as never),
    );
    expect(list.status).toBe(200);
    const byId = new Map(list.body.sessions.map((session: Json) => [session.id, session]));
    expect((byId.get(adminSession) as Json)?.createdByName).toBe("Ada Admin");
    expect((byId.get(memberSession) as Json)?.createdByName).toBe("Max Member");
    expect((byId.get(adminSession) as Json)?.canChange).toBe(false);
    expect((byId.get(memberSession) as Json)?.canChange).toBe(true);
  });

  it("refuses a member adding a turn to someone else's session with 403 and saves nothing; the owner may", async () => {
    const db = await getDb();
    const turn = (token: string) =>
      playgroundRoute(
        new Request(
          `${BASE}/api/playground/runs`,
          as(token, {
            method: "POST",
            body: JSON.stringify({
              prompt: "And for code search?",
              models: ["demo/swift"],
              sessionId: adminSession,
            }),
          }),
        ),
        {} as never,
      );
    const countCalls = async () =>
      (await db.select().from(usageEvents).where(eq(usageEvents.sessionId, adminSession))).length;
    const before = await countCalls();
    const refused = await read(turn(memberToken));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden:playground");
    expect(refused.body.error.message).toContain("Run again");
    expect(await countCalls()).toBe(before);

    const allowed = await turn(adminToken);
    expect(allowed.status).toBe(200);
    await allowed.text();
    expect(await countCalls()).toBeGreaterThan(before);
  });

  it("refuses a member renaming or deleting someone else's session with 403, and lets owners and admins", async () => {
    const rename = (token: string, id: string, title: string) =>
      read(
        sessionRoute.PATCH(
          new Request(
            `${BASE}/api/sessions/${id}`,
            as(token, { method: "PATCH", body: JSON.stringify({ title }) }),
          ),
          ctx(id),
        ),
      );
    const remove = (token: string, id: string) =>
      read(
        sessionRoute.DELETE(
          new Request(`${BASE}/api/sessions/${id}`, as(token, { method: "DELETE" })),
          ctx(id),
        ),
      );

    const renamed = await rename(memberToken, adminSession, "Taken over");
    expect(renamed.status).toBe(403);
    expect(renamed.body.error.code).toBe("forbidden:history");
    const deleted = await remove(memberToken, adminSession);
    expect(deleted.status).toBe(403);
    const still = await read(
      sessionRoute.GET(
        new Request(`${BASE}/api/sessions/${adminSession}`, as(memberToken)),
        ctx(adminSession),
      ),
    );
    expect(still.body.title).toBe("Admin asks about embeddings");

    expect((await rename(memberToken, memberSession, "Rerankers")).status).toBe(200);
    expect((await rename(adminToken, memberSession, "Rerankers, reviewed")).body.title).toBe(
      "Rerankers, reviewed",
    );
    expect((await remove(adminToken, memberSession)).status).toBe(204);
  });

  it("lets only a scenario's author or an admin replace or delete it", async () => {
    const state = {
      workloads: [{ name: "Chat", inputTokens: 500, outputTokens: 200, requestsPerMonth: 3_000 }],
    };
    const created = await read(
      scenariosRoute.POST(
        new Request(
          `${BASE}/api/scenarios`,
          as(adminToken, { method: "POST", body: JSON.stringify({ name: "Plan", state }) }),
        ),
        {} as never,
      ),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.createdBy).toBe(people.admin.id);
    const id = created.body.id as string;
    const put = (token: string) =>
      read(
        scenarioRoute.PUT(
          new Request(
            `${BASE}/api/scenarios/${id}`,
            as(token, { method: "PUT", body: JSON.stringify({ name: "Mine now", state }) }),
          ),
          ctx(id),
        ),
      );
    expect((await put(memberToken)).status).toBe(403);
    const refused = await read(
      scenarioRoute.DELETE(
        new Request(`${BASE}/api/scenarios/${id}`, as(memberToken, { method: "DELETE" })),
        ctx(id),
      ),
    );
    expect(refused.body.error.code).toBe("forbidden:calculator");
    expect((await put(adminToken)).status).toBe(200);
  });

  it("names who made an eval set and started each run, and lets only the set's maker or an admin change it", async () => {
    const post = (path: string, token: string, body: unknown) =>
      new Request(`${BASE}${path}`, as(token, { method: "POST", body: JSON.stringify(body) }));
    const created = await read(
      evalSetsRoute.POST(
        post("/api/evals", adminToken, {
          name: "Admin's set",
          cases: [{ prompt: "Say hi", expected: "hi" }],
        }),
        {} as never,
      ),
    );
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const getSet = (token: string) =>
      read(evalSetRoute.GET(new Request(`${BASE}/api/evals/${id}`, as(token)), ctx(id)));

    const seenByMember = await getSet(memberToken);
    expect(seenByMember.body).toMatchObject({ createdByName: "Ada Admin", canChange: false });
    expect((await getSet(adminToken)).body.canChange).toBe(true);
    const listed = await read(
      evalSetsRoute.GET(new Request(`${BASE}/api/evals`, as(memberToken)), {} as never),
    );
    expect(listed.body.sets.find((set: Json) => set.id === id)?.createdByName).toBe("Ada Admin");

    // The member may not rename, import into or delete it; nothing changes.
    const patch = await read(
      evalSetRoute.PATCH(
        new Request(
          `${BASE}/api/evals/${id}`,
          as(memberToken, { method: "PATCH", body: JSON.stringify({ name: "Mine now" }) }),
        ),
        ctx(id),
      ),
    );
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe("forbidden:evals");
    const imported = await read(
      evalImportRoute.POST(
        post(`/api/evals/${id}/import`, memberToken, { format: "jsonl", text: '{"prompt":"Extra"}' }),
        ctx(id),
      ),
    );
    expect(imported.status).toBe(403);
    const removed = await read(
      evalSetRoute.DELETE(
        new Request(`${BASE}/api/evals/${id}`, as(memberToken, { method: "DELETE" })),
        ctx(id),
      ),
    );
    expect(removed.status).toBe(403);
    const after = await getSet(adminToken);
    expect(after.body).toMatchObject({ name: "Admin's set", version: 1 });
    expect(after.body.cases).toHaveLength(1);

    // Anyone may run it; the run names who started it.
    const started = await read(
      evalRunsRoute.POST(post(`/api/evals/${id}/runs`, memberToken, { models: ["demo/swift"] }), ctx(id)),
    );
    expect(started.status, started.text).toBe(201);
    const runId = started.body.runId as string;
    const view = await read(
      evalRunRoute.GET(new Request(`${BASE}/api/evals/runs/${runId}`, as(adminToken)), {
        params: Promise.resolve({ runId }),
      }),
    );
    expect(view.body).toMatchObject({ setName: "Admin's set", createdByName: "Max Member" });
    expect((await getSet(adminToken)).body.runs.map((run: Json) => run.createdByName)).toEqual([
      "Max Member",
    ]);
    expect(view.body.canChange).toBe(true);

    // A run is cancelled by whoever started it or an admin.
    const adminRun = await read(
      evalRunsRoute.POST(post(`/api/evals/${id}/runs`, adminToken, { models: ["demo/swift"] }), ctx(id)),
    );
    const adminRunId = adminRun.body.runId as string;
    const asMember = await read(
      evalRunRoute.GET(new Request(`${BASE}/api/evals/runs/${adminRunId}`, as(memberToken)), {
        params: Promise.resolve({ runId: adminRunId }),
      }),
    );
    expect(asMember.body).toMatchObject({ createdByName: "Ada Admin", canChange: false });
    const cancel = (token: string) =>
      read(
        evalCancelRoute.POST(
          new Request(`${BASE}/api/evals/runs/${adminRunId}/cancel`, as(token, { method: "POST" })),
          { params: Promise.resolve({ runId: adminRunId }) },
        ),
      );
    const refusedCancel = await cancel(memberToken);
    expect(refusedCancel.status).toBe(403);
    expect(refusedCancel.body.error.code).toBe("forbidden:evals");
    expect((await cancel(adminToken)).status).toBe(200);
    expect((await getSet(adminToken)).body.runCount).toBe(2);

    // The admin may delete it.
    const deleted = await evalSetRoute.DELETE(
      new Request(`${BASE}/api/evals/${id}`, as(adminToken, { method: "DELETE" })),
      ctx(id),
    );
    expect(deleted.status).toBe(204);
  });

  it("groups and filters usage by member, in the report and the CSV export", async () => {
    const report = await read(
      usageRoute.GET(
        new Request(`${BASE}/api/usage?groupBy=member&includeSimulated=1`, as(memberToken)),
        {} as never,
      ),
    );
    expect(report.status, report.text).toBe(200);
    const keys = report.body.buckets.map((bucket: Json) => bucket.key);
    expect(keys).toEqual(expect.arrayContaining([people.admin.email, people.member.email]));

    const onlyMax = await read(
      eventsRoute.GET(
        new Request(`${BASE}/api/usage/events?includeSimulated=1&member=MAX@example.com`, as(adminToken)),
        {} as never,
      ),
    );
    expect(onlyMax.body.events.length).toBeGreaterThan(0);
    expect(onlyMax.body.events.every((event: Json) => event.member === people.member.email)).toBe(true);

    const csvText = await (
      await eventsRoute.GET(
        new Request(`${BASE}/api/usage/events?includeSimulated=1&format=csv`, as(adminToken)),
        {} as never,
      )
    ).text();
    const [header, ...rows] = csvText.trim().split("\n");
    expect(header?.split(",").at(-1)).toBe("member");
    expect(rows.some((line) => line.endsWith(`,${people.admin.email}`))).toBe(true);
  });
});

describe("API tokens", () => {
  it("lets only admins list and create them, shows the secret once and stores only its hash", async () => {
    const refused = await read(
      tokensRoute.GET(new Request(`${BASE}/api/api-tokens`, as(memberToken)), {} as never),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden:settings");

    const created = await read(
      tokensRoute.POST(
        new Request(
          `${BASE}/api/api-tokens`,
          as(adminToken, { method: "POST", body: JSON.stringify({ name: "CI export" }) }),
        ),
        {} as never,
      ),
    );
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^mlt_[A-Za-z0-9_-]{43}$/);
    expect(created.body.listing).not.toHaveProperty("tokenHash");

    const db = await getDb();
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.body.listing.id));
    expect(stored?.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const listed = await read(
      tokensRoute.GET(new Request(`${BASE}/api/api-tokens`, as(adminToken)), {} as never),
    );
    const names = listed.body.tokens.map((token: Json) => token.name);
    expect(names).toEqual(expect.arrayContaining(["CI export", "admin laptop"]));
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(stored?.tokenHash);
  });

  it("marks a token used, and a revoked token stops working at once", async () => {
    const { token, listing } = await createApiToken(people.admin, "short-lived");
    const before = await read(sessionsRoute.GET(new Request(`${BASE}/api/sessions`, as(token)), {} as never));
    expect(before.status).toBe(200);
    const db = await getDb();
    const [used] = await db.select().from(apiTokens).where(eq(apiTokens.id, listing.id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);

    const memberRevoke = await read(
      tokenRoute.DELETE(
        new Request(`${BASE}/api/api-tokens/${listing.id}`, as(memberToken, { method: "DELETE" })),
        ctx(listing.id),
      ),
    );
    expect(memberRevoke.status).toBe(403);
    const revoked = await tokenRoute.DELETE(
      new Request(`${BASE}/api/api-tokens/${listing.id}`, as(adminToken, { method: "DELETE" })),
      ctx(listing.id),
    );
    expect(revoked.status).toBe(204);
    const after = await read(sessionsRoute.GET(new Request(`${BASE}/api/sessions`, as(token)), {} as never));
    expect(after.status).toBe(401);
    const again = await read(
      tokenRoute.DELETE(
        new Request(`${BASE}/api/api-tokens/${listing.id}`, as(adminToken, { method: "DELETE" })),
        ctx(listing.id),
      ),
    );
    expect(again.status).toBe(404);
  });
});
