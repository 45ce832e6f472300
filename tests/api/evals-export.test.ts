import { afterAll, describe, expect, it, vi } from "vitest";

// Export and import through the real route handlers on a throwaway database (Postgres when DATABASE_URL is set).
if (!process.env.DATABASE_URL) vi.stubEnv("PGLITE_DIR", "memory://");

const sets = await import("@/app/api/evals/route");
const oneSet = await import("@/app/api/evals/[id]/route");
const exportRoute = await import("@/app/api/evals/[id]/export/route");
const importRoute = await import("@/app/api/evals/[id]/import/route");
const { getDbHandle } = await import("@/db/client");

afterAll(async () => {
  await (await getDbHandle()).close();
});

const request = (path: string, init: RequestInit = {}) => new Request(`http://test.local${path}`, init);
const post = (path: string, body: unknown) =>
  request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function createSet(name: string, cases: unknown[]) {
  const response = await sets.POST(post("/api/evals", { name, cases }), {} as never);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

const CASES = [
  {
    prompt: "Translate {{text}} to French",
    system: "Answer with the translation only.",
    vars: { text: "good morning" },
    expected: "bonjour",
    assert: [
      { type: "icontains", value: "bonjour" },
      { type: "max-length", threshold: 40 },
    ],
  },
  { prompt: "What is 6 × 7?", assert: [{ type: "contains", value: "42" }] },
  { prompt: "Say hi" },
];

describe("GET /api/evals/{id}/export", () => {
  it("writes the set's cases as JSONL that an import into another set reads back unchanged", async () => {
    const source = await createSet("Support: tone & facts", CASES);
    const exported = await exportRoute.GET(
      request(`/api/evals/${source.id}/export`),
      params({ id: source.id }),
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    expect(exported.headers.get("content-disposition")).toBe(
      'attachment; filename="support-tone-facts.jsonl"',
    );
    const text = await exported.text();
    expect(text.trim().split("\n")).toHaveLength(3);
    expect(JSON.parse(text.split("\n")[0] ?? "")).toEqual(CASES[0]);

    const copy = await createSet("Copy", []);
    const imported = await importRoute.POST(
      post(`/api/evals/${copy.id}/import`, { format: "jsonl", text }),
      params({ id: copy.id }),
    );
    expect(imported.status).toBe(200);
    const read = await oneSet.GET(request(`/api/evals/${copy.id}`), params({ id: copy.id }));
    const body = (await read.json()) as { cases: Record<string, unknown>[] };
    const stripped = body.cases.map(({ prompt, system, vars, expected, assert }) =>
      Object.fromEntries(
        Object.entries({ prompt, system, vars, expected, assert }).filter(([, value]) => value !== null),
      ),
    );
    expect(stripped).toEqual(CASES);
  });

  it("answers 404 for a set that does not exist and 400 for an id that is not one", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const gone = await exportRoute.GET(request(`/api/evals/${missing}/export`), params({ id: missing }));
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("not_found:evals");
    const bad = await exportRoute.GET(request("/api/evals/nope/export"), params({ id: "nope" }));
    expect(bad.status).toBe(400);
  });

  it("refuses other methods with a JSON 405", async () => {
    const response = await exportRoute.POST(request("/api/evals/x/export", { method: "POST" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
