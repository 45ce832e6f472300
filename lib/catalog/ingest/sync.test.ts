import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { waitForUpdate } from "@pydantic/genai-prices";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listCatalogTables } from "@/db/queries/catalog";
import { forEachTestDatabase } from "@/db/test-databases";
import { currentObservation } from "../store/load";
import { describeSyncReport, isSourceUnavailable, type SyncReport, syncCatalog } from "./sync";

/**
 * Fixtures are a few real entries of each source in its published wire format (genai-prices'
 * data.json leaves date constraints untyped), served by a local HTTP server on 127.0.0.1.
 */
const FIXTURES = new URL("../../../tests/fixtures/catalog-sync/", import.meta.url);
const GENAI_PATH = fileURLToPath(new URL("genai-prices.json", FIXTURES));
const MODELS_DEV_PATH = fileURLToPath(new URL("models-dev.json", FIXTURES));
// Before claude-opus-4-6's dated 2026-03-13 change, so the current price depends on reading it.
const TODAY = "2026-02-01";

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as plain JSON
type Json = any;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8"));
const baseGenai = readJson(GENAI_PATH);
const baseModelsDev = readJson(MODELS_DEV_PATH);

interface Route {
  status?: number;
  body?: string;
  /** Accept the request and never answer, to exercise the timeout. */
  hang?: boolean;
}

const routes = new Map<string, Route>();
let server: Server;
let origin = "";
let refusedOrigin = "";

function serve(path: string, value: Json) {
  routes.set(path, { body: JSON.stringify(value) });
}

async function listen(target: Server): Promise<number> {
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  return (target.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = routes.get(request.url ?? "");
    if (route?.hang) return;
    if (!route) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(route.status ?? 200, {
      "content-type": "application/json",
      "last-modified": "Sun, 01 Feb 2026 00:00:00 GMT",
    });
    response.end(route.body ?? "");
  });
  origin = `http://127.0.0.1:${await listen(server)}`;
  // A port that was just free and is closed again: connecting to it is refused.
  const closed = createServer();
  const port = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  refusedOrigin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function counts(db: Db) {
  const tables = await listCatalogTables({ db });
  return {
    providers: tables.providers.length,
    offerings: tables.offerings.length,
    removed: tables.offerings.filter((offering) => offering.removedAt).length,
    observations: tables.observations.length,
  };
}

async function observationsOf(db: Db, offeringId: string) {
  const tables = await listCatalogTables({ db });
  return tables.observations.filter((row) => row.offeringId === offeringId);
}

forEachTestDatabase((getHandle) => {
  // Each test builds on the catalog the previous one left, like successive daily syncs.
  const genai: Json = structuredClone(baseGenai);
  const modelsDev: Json = structuredClone(baseModelsDev);
  const sync = (extra: Partial<Parameters<typeof syncCatalog>[0]> = {}) => {
    serve("/genai.json", genai);
    serve("/api.json", modelsDev);
    return syncCatalog({
      db: getHandle().db,
      modelsDevUrl: `${origin}/api.json`,
      genaiPricesUrl: `${origin}/genai.json`,
      today: TODAY,
      ...extra,
    });
  };
  const openaiPrices = () => genai.find((provider: Json) => provider.id === "openai");

  it("loads both live sources through the package's own normalizer", async () => {
    const bundledProviders = (await waitForUpdate())?.length;
    const report = await sync();
    expect(report.applied).toBe(true);
    expect(report.offerings).toBeGreaterThanOrEqual(6);
    expect(report.observationsAdded).toBeGreaterThan(0);
    expect(report.sources.map((source) => source.version)).toEqual([
      expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
      expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
    ]);
    expect(report.sources[0]?.lastModified).toBe("Sun, 01 Feb 2026 00:00:00 GMT");

    // The untyped start_date constraint was read: before 2026-03-13 the tiered price is current.
    const rows = await observationsOf(getHandle().db, "anthropic/claude-opus-4-6");
    expect(rows.some((row) => row.effectiveFrom === "2026-03-13")).toBe(true);
    const current = rows[currentObservation(rows, TODAY) ?? -1];
    expect((current?.rules as { tiers?: unknown[] } | undefined)?.tiers?.length).toBeGreaterThan(0);
    // calcPrice elsewhere in the process still sees the bundled data, not the fetched fixture.
    expect((await waitForUpdate())?.length).toBe(bundledProviders);
  });

  it("adds nothing when the sources have not changed", async () => {
    const before = await counts(getHandle().db);
    const report = await sync();
    expect(report).toMatchObject({ observationsAdded: 0, changedPrices: [], newOfferings: [] });
    expect(report.removedOfferings).toEqual([]);
    expect(await counts(getHandle().db)).toEqual(before);
  });

  it("records a changed price as a new observation and keeps the old one", async () => {
    const gpt4o = openaiPrices().models.find((model: Json) => model.id === "gpt-4o");
    gpt4o.prices.input_mtok = 2.75;
    const before = await observationsOf(getHandle().db, "openai/gpt-4o");

    const report = await sync();
    expect(report.changedPrices).toEqual(["openai/gpt-4o"]);
    expect(report.observationsAdded).toBe(1);
    const after = await observationsOf(getHandle().db, "openai/gpt-4o");
    expect(after.map((row) => row.id)).toEqual(expect.arrayContaining(before.map((row) => row.id)));
    expect(after.length).toBe(before.length + 1);
    expect(after[currentObservation(after, TODAY) ?? -1]?.inputPerMTok).toMatch(/^2\.750*$/);
  });

  it("adds a model that appeared upstream", async () => {
    const models = modelsDev.openai.models;
    models["gpt-4.1-mini"] = { ...models["gpt-4.1-nano"], id: "gpt-4.1-mini", name: "GPT-4.1 mini" };
    const report = await sync();
    expect(report.newOfferings).toEqual(["openai/gpt-4.1-mini"]);
    const { offerings } = await listCatalogTables({ db: getHandle().db });
    expect(offerings.find((offering) => offering.id === "openai/gpt-4.1-mini")?.removedAt).toBeNull();
  });

  it("marks a model that disappeared upstream as removed and keeps its history", async () => {
    const historyBefore = await observationsOf(getHandle().db, "openai/o3");
    openaiPrices().models = openaiPrices().models.filter((model: Json) => model.id !== "o3");
    delete modelsDev.openai.models.o3;
    const report = await sync();
    expect(report.removedOfferings).toEqual(["openai/o3"]);
    const { offerings } = await listCatalogTables({ db: getHandle().db });
    expect(offerings.find((offering) => offering.id === "openai/o3")?.removedAt).toBeInstanceOf(Date);
    expect(await observationsOf(getHandle().db, "openai/o3")).toHaveLength(historyBefore.length);
  });

  it("reports a dry run from local files without writing", async () => {
    const before = await counts(getHandle().db);
    // The committed fixtures still list o3 and the old gpt-4o price.
    const report = await syncCatalog({
      db: getHandle().db,
      modelsDevUrl: MODELS_DEV_PATH,
      genaiPricesUrl: GENAI_PATH,
      today: TODAY,
      dryRun: true,
    });
    expect(report).toMatchObject({ applied: false, dryRun: true, changedPrices: ["openai/gpt-4o"] });
    // o3 comes back: it is un-removed, which ApplyResult does not count as new.
    expect(report.newOfferings).toEqual([]);
    expect(report.removedOfferings).toEqual(["openai/gpt-4.1-mini"]);
    expect(report.observationsAdded).toBe(1);
    expect(await counts(getHandle().db)).toEqual(before);
  });

  describe("when a source fails, names it and changes nothing", () => {
    const cases: { name: string; source: string; kind: string; reason: RegExp; setup: () => object }[] = [
      {
        name: "connection refused",
        source: "models.dev",
        kind: "network",
        reason: /^connection refused$/,
        setup: () => ({ modelsDevUrl: `${refusedOrigin}/api.json` }),
      },
      {
        name: "HTTP 500",
        source: "genai-prices",
        kind: "http",
        reason: /^HTTP 500/,
        setup: () => {
          routes.set("/broken.json", { status: 500, body: "upstream exploded" });
          return { genaiPricesUrl: `${origin}/broken.json` };
        },
      },
      {
        name: "malformed JSON",
        source: "models.dev",
        kind: "json",
        reason: /^invalid JSON/,
        setup: () => {
          routes.set("/truncated.json", { body: JSON.stringify(modelsDev).slice(0, 200) });
          return { modelsDevUrl: `${origin}/truncated.json` };
        },
      },
      {
        name: "JSON of the wrong shape",
        source: "genai-prices",
        kind: "shape",
        reason: /^unexpected shape at \(root\): .*array/,
        setup: () => {
          routes.set("/object.json", { body: JSON.stringify({ providers: genai }) });
          return { genaiPricesUrl: `${origin}/object.json` };
        },
      },
      {
        name: "a constraint the package rejects",
        source: "genai-prices",
        kind: "shape",
        reason: /constraint/,
        setup: () => {
          const bad = structuredClone(genai);
          const dated = bad[0].models.find((model: Json) => Array.isArray(model.prices));
          dated.prices[1].constraint = { weekday: "monday" };
          routes.set("/bad-constraint.json", { body: JSON.stringify(bad) });
          return { genaiPricesUrl: `${origin}/bad-constraint.json` };
        },
      },
      {
        name: "a timeout",
        source: "models.dev",
        kind: "timeout",
        reason: /^timed out after 300 ms$/,
        setup: () => {
          routes.set("/slow.json", { hang: true });
          return { modelsDevUrl: `${origin}/slow.json`, timeoutMs: 300 };
        },
      },
      {
        name: "a DNS failure",
        source: "genai-prices",
        kind: "network",
        reason: /^DNS lookup failed/,
        setup: () => ({
          genaiPricesUrl: "https://prices.invalid/data.json",
          fetch: (async (input: string | URL | Request, init?: RequestInit) => {
            if (String(input).includes(".invalid")) {
              throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
            }
            return fetch(input, init);
          }) as typeof fetch,
        }),
      },
    ];

    for (const testCase of cases) {
      it(testCase.name, async () => {
        const before = await counts(getHandle().db);
        const error = await sync(testCase.setup()).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        if (!isSourceUnavailable(error)) throw new Error(`expected a source failure, got ${String(error)}`);
        expect(error.details).toEqual([
          expect.objectContaining({
            source: testCase.source,
            kind: testCase.kind,
            reason: expect.any(String),
          }),
        ]);
        expect(error.details[0]?.reason).toMatch(testCase.reason);
        expect(error.message).toContain(testCase.source);
        expect(error.message).toMatch(/The catalog was not changed\.$/);
        expect(await counts(getHandle().db)).toEqual(before);
      });
    }

    it("names both sources when both are unreachable", async () => {
      const error = await sync({
        modelsDevUrl: `${refusedOrigin}/api.json`,
        genaiPricesUrl: `${refusedOrigin}/data.json`,
      }).catch((thrown: unknown) => thrown);
      expect((error as Error).message).toBe(
        "Offline: could not reach models.dev (connection refused) and genai-prices (connection refused). " +
          "The catalog was not changed.",
      );
    });
  });
});

describe("describeSyncReport", () => {
  const report: SyncReport = {
    applied: true,
    dryRun: false,
    asOf: TODAY,
    generatedAt: `${TODAY}T00:00:00.000Z`,
    offerings: 2156,
    newOfferings: ["a/1", "a/2", "a/3"],
    removedOfferings: ["b/1"],
    changedPrices: ["c/1", "c/2", "c/3", "c/4", "c/5"],
    observationsAdded: 12,
    sources: [],
  };

  it("summarizes counts and caps the listed ids", () => {
    const text = describeSyncReport(report, 2);
    expect(text.split("\n")).toEqual([
      "Catalog synced: 2156 offerings, 3 new, 1 removed, 5 price changes (12 new observations), as of 2026-02-01.",
      "  price changes: c/1, c/2 … and 3 more",
      "  new: a/1, a/2 … and 1 more",
      "  removed: b/1",
    ]);
  });
});
