import { describe, expect, it, vi } from "vitest";

// Characters Postgres text and jsonb cannot hold, sent through the real routes to a real database.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const sessionsRoute = await import("@/app/api/sessions/route");
const sessionRoute = await import("@/app/api/sessions/[id]/route");
const scenariosRoute = await import("@/app/api/scenarios/route");
const usageRoute = await import("@/app/api/usage/route");
const eventsRoute = await import("@/app/api/usage/events/route");
const { getDb } = await import("@/db/client");
const { insertSession } = await import("@/db/queries/sessions");

const BASE = "http://test.local";
const LONE_SURROGATE = "\ud800";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field by the assertions.
async function read(response: Response | Promise<Response>): Promise<{ status: number; body: any }> {
  const resolved = await response;
  return { status: resolved.status, body: await resolved.json() };
}

const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("text Postgres cannot store", () => {
  it("saves a session title with NUL and a lone surrogate, dropping NUL and replacing the surrogate", async () => {
    const session = await insertSession({ db: await getDb(), title: "before", clientId: null });
    const title = `Q3\u0000 review ${LONE_SURROGATE}`;
    const renamed = await read(
      sessionRoute.PATCH(
        new Request(`${BASE}/api/sessions/${session.id}`, jsonInit("PATCH", { title })),
        ctx(session.id),
      ),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe("Q3 review \ufffd");
  });

  it("refuses a title that is only NUL with a 400 naming the field", async () => {
    const session = await insertSession({ db: await getDb(), title: "kept", clientId: null });
    const { status, body } = await read(
      sessionRoute.PATCH(
        new Request(`${BASE}/api/sessions/${session.id}`, jsonInit("PATCH", { title: "\u0000\u0000" })),
        ctx(session.id),
      ),
    );
    expect(status).toBe(400);
    expect(Object.keys(body.error.details.fieldErrors)).toEqual(["title"]);
  });

  it("searches with NUL and lone surrogates instead of failing", async () => {
    await insertSession({ db: await getDb(), title: "needle in history", clientId: null });
    const q = encodeURIComponent(`need\u0000le`).replace("le", "le%ED%A0%80");
    const { status, body } = await read(
      sessionsRoute.GET(new Request(`${BASE}/api/sessions?q=${q}`), {} as never),
    );
    expect(status).toBe(200);
    expect(Array.isArray(body.sessions)).toBe(true);
    const plain = await read(
      sessionsRoute.GET(
        new Request(`${BASE}/api/sessions?q=${encodeURIComponent("nee\u0000dle")}`),
        {} as never,
      ),
    );
    expect(plain.body.sessions.map((session: { title: string }) => session.title)).toContain(
      "needle in history",
    );
  });

  it("saves a scenario whose names hold NUL and lone surrogates", async () => {
    const scenario = {
      name: `Plan\u0000 A${LONE_SURROGATE}`,
      state: {
        workloads: [
          {
            name: `bot\u0000`,
            inputTokens: 100,
            outputTokens: 50,
            requestsPerMonth: 10,
            measuredOutputTokens: { [`m\u0000${LONE_SURROGATE}`]: 5 },
          },
        ],
        models: ["openai/gpt-4o"],
      },
    };
    const { status, body } = await read(
      scenariosRoute.POST(new Request(`${BASE}/api/scenarios`, jsonInit("POST", scenario)), {} as never),
    );
    expect(status).toBe(201);
    expect(body.name).toBe("Plan A\ufffd");
    expect(body.state.workloads[0].name).toBe("bot");
    expect(Object.keys(body.state.workloads[0].measuredOutputTokens)).toEqual(["m\ufffd"]);
  });

  it("filters usage by a model name holding NUL", async () => {
    const { status } = await read(
      eventsRoute.GET(
        new Request(`${BASE}/api/usage/events?model=${encodeURIComponent("gpt\u0000")}`),
        {} as never,
      ),
    );
    expect(status).toBe(200);
  });
});

describe("dates outside the range Postgres takes", () => {
  it.each([
    ["to=9999-12-31", "to"],
    ["to=0000-01-01", "to"],
    ["from=0001-01-01&to=0002-01-01", "from"],
    ["from=9999-01-01T00:00:00Z", "from"],
  ])("refuses %s with a 400 naming %s", async (query, field) => {
    const { status, body } = await read(
      usageRoute.GET(new Request(`${BASE}/api/usage?${query}`), {} as never),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:history");
    expect(Object.keys(body.error.details.fieldErrors)).toContain(field);
  });

  it("still answers the last day it accepts", async () => {
    const { status } = await read(
      usageRoute.GET(new Request(`${BASE}/api/usage?from=9998-12-01&to=9998-12-31`), {} as never),
    );
    expect(status).toBe(200);
  });
});
