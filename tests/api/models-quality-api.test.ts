import { beforeAll, describe, expect, it, vi } from "vitest";

// The API reads the process-wide database; these tests give it a throwaway in-memory one.
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", "memory://");

const { GET: listRoute } = await import("@/app/api/models/route");
const { GET: detailRoute } = await import("@/app/api/models/[...id]/route");

type Quality = {
  index: number | null;
  indexSources: string[];
  scores: { source: string; split: string; value: string; sourceDate: string; url: string | null }[];
};
type Model = { id: string; canonicalModel: string; quality: Quality | null };

async function list(query: string) {
  const response = await listRoute(new Request(`http://test.local/api/models${query}`), {} as never);
  return { status: response.status, body: await response.json() };
}

describe("quality in GET /api/models", () => {
  beforeAll(async () => {
    await list("");
  }, 120_000);

  it("attaches a model's scores to every offering of it, and null where nothing is known", async () => {
    const { body } = await list("?deprecated=show");
    const models = body.models as Model[];
    const llama = models.filter((model) => model.canonicalModel === "llama-3.3-70b");
    expect(llama.length).toBeGreaterThan(3);
    expect(new Set(llama.map((model) => JSON.stringify(model.quality))).size).toBe(1);
    expect(llama[0]?.quality?.scores.some((score) => score.source === "lmarena")).toBe(true);
    expect(models.find((model) => model.canonicalModel === "text-embedding-3-small")?.quality).toBeNull();
  });

  it("builds the index only from two or more sources", async () => {
    const models = (await list("?deprecated=show")).body.models as Model[];
    for (const model of models) {
      if (!model.quality) continue;
      if (model.quality.index === null) expect(model.quality.indexSources).toEqual([]);
      else expect(model.quality.indexSources.length).toBeGreaterThanOrEqual(2);
    }
    expect(models.some((model) => model.quality?.index !== null && model.quality?.index !== undefined)).toBe(
      true,
    );
  });

  it("filters by minQuality, leaving out unknown quality", async () => {
    const { status, body } = await list("?minQuality=60");
    expect(status).toBe(200);
    const models = body.models as Model[];
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(model.quality?.index ?? -1).toBeGreaterThanOrEqual(60);
  });

  it("sorts by quality, best first, unknown last; dir=asc reverses the known ones", async () => {
    const desc = ((await list("?sort=quality")).body.models as Model[]).map((m) => m.quality?.index ?? null);
    const known = desc.filter((index): index is number => index !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(desc.slice(0, known.length)).toEqual(known);
    expect(desc.slice(known.length).every((index) => index === null)).toBe(true);
    const asc = ((await list("?sort=quality&dir=asc")).body.models as Model[]).map(
      (m) => m.quality?.index ?? null,
    );
    expect(asc.filter((index) => index !== null)).toEqual([...known].reverse());
    expect(asc.at(-1)).toBeNull();
  });

  it("answers a bad minQuality with a 400 naming the parameter", async () => {
    const { status, body } = await list("?minQuality=lots");
    expect(status).toBe(400);
    expect(JSON.stringify(body.error)).toContain("minQuality");
  });
});

describe("per-source minimums and sorts in GET /api/models", () => {
  const arenaOf = (model: Model) =>
    model.quality?.scores.find((score) => score.source === "lmarena" && score.split === "overall")?.value;

  it("keeps only models with that source's score at or above the minimum", async () => {
    const { status, body } = await list("?minScore=arena:1300&deprecated=show");
    expect(status).toBe(200);
    const models = body.models as Model[];
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(Number(arenaOf(model))).toBeGreaterThanOrEqual(1300);
    // Every model with a known rating at or above 1300 is there; unknown ratings are not.
    const all = (await list("?deprecated=show")).body.models as Model[];
    const expected = all.filter((model) => Number(arenaOf(model) ?? -1) >= 1300).map((model) => model.id);
    expect(models.map((model) => model.id).sort()).toEqual(expected.sort());
  });

  it("combines minimums from two sources, in one parameter or two", async () => {
    const one = (await list("?minScore=arena:1250,aider:50")).body.models as Model[];
    const two = (await list("?minScore=arena:1250&minScore=aider:50")).body.models as Model[];
    expect(one.map((model) => model.id)).toEqual(two.map((model) => model.id));
    for (const model of one) {
      const aider = model.quality?.scores.find((score) => score.source === "aider")?.value;
      expect(Number(aider)).toBeGreaterThanOrEqual(50);
    }
  });

  it("sorts by one source's score, best first by default, unknown last both ways", async () => {
    for (const dir of ["", "&dir=asc"]) {
      const values = ((await list(`?sort=arena${dir}`)).body.models as Model[]).map((model) => {
        const value = arenaOf(model);
        return value === undefined ? null : Number(value);
      });
      const known = values.filter((value): value is number => value !== null);
      expect(known.length).toBeGreaterThan(10);
      expect(values.slice(0, known.length)).toEqual(known);
      expect(known).toEqual([...known].sort((a, b) => (dir ? a - b : b - a)));
      expect(values.at(-1)).toBeNull();
    }
  });

  it("exports the index and each score in the CSV, with empty cells where unknown", async () => {
    const response = await listRoute(
      new Request("http://test.local/api/models?minScore=arena:1300&format=csv"),
      {} as never,
    );
    const [header = "", ...lines] = (await response.text()).trim().split("\n");
    const columns = header.split(",");
    const arena = columns.indexOf("score_arena");
    const swe = columns.indexOf("score_sweBench");
    expect(columns).toContain("quality_index");
    expect(arena).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
    // Names may hold quoted commas, but the quality columns come last and are plain numbers: count
    // them from the end of each line.
    const fromEnd = (row: string[], index: number) => row[row.length - (columns.length - index)];
    const cells = lines.map((line) => line.split(","));
    for (const row of cells) expect(Number(fromEnd(row, arena))).toBeGreaterThanOrEqual(1300);
    expect(cells.some((row) => fromEnd(row, swe) === "")).toBe(true);
    expect(cells.every((row) => fromEnd(row, swe) !== "0")).toBe(true);
  });

  it.each([
    ["?minScore=elo:1300", "minScore"],
    ["?minScore=arena", "minScore"],
    ["?minScore=arena:high", "minScore"],
    ["?minQuality=101", "minQuality"],
    ["?show=provider", "show"],
  ])("answers %s with a 400 naming %s", async (query, parameter) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request:catalog");
    expect(JSON.stringify(body.error)).toContain(parameter);
  });
});

describe("quality in GET /api/models/{id}", () => {
  it("returns the full score history with sources and dates", async () => {
    const models = (await list("?deprecated=show")).body.models as Model[];
    const sonnet = models.find((model) => model.canonicalModel === "claude-3.7-sonnet");
    if (!sonnet) throw new Error("the catalog lost Claude 3.7 Sonnet");
    const response = await detailRoute(new Request(`http://test.local/api/models/${sonnet.id}`), {
      params: Promise.resolve({ id: sonnet.id.split("/") }),
    });
    const body = (await response.json()) as { quality: Quality; qualityHistory: Quality["scores"] };
    expect(body.qualityHistory.map((score) => score.source)).toEqual(
      expect.arrayContaining(["lmarena", "aider"]),
    );
    for (const score of body.qualityHistory) expect(score.sourceDate).toMatch(/^\d{4}-\d{2}/);
    expect(body.quality.scores.length).toBeGreaterThan(0);
  });
});
