import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { anthropicDialect } from "./fake-upstream/anthropic";
import { geminiDialect } from "./fake-upstream/gemini";
import { listingResponse } from "./fake-upstream/listing";
import { openaiDialect } from "./fake-upstream/openai";
import { completeReply, streamReply } from "./fake-upstream/reply";
import {
  controlScenarioSchema,
  type Scenario,
  ScenarioStore,
  scenarioSchema,
} from "./fake-upstream/scenario";
import { countPromptTokens, replyTokens } from "./fake-upstream/text";
import {
  type Dialect,
  type ProviderKind,
  type RecordedRequest,
  type ReportedRequest,
  reported,
} from "./fake-upstream/types";

export type { Scenario } from "./fake-upstream/scenario";
export { countPromptTokens, replyText, replyTokens, splitIntoTokens } from "./fake-upstream/text";
export type { ProviderKind, RecordedRequest, ReportedRequest } from "./fake-upstream/types";

export type FakeUpstream = {
  /** Origin only, e.g. http://127.0.0.1:4010; providers add /v1 or /v1beta themselves. */
  url: string;
  port: number;
  setScenario(model: string | "*", scenario: Partial<Scenario>): void;
  /** Clears scenarios and recorded requests. */
  reset(): void;
  requests(): ReportedRequest[];
  close(): Promise<void>;
};

export type FakeUpstreamOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Names served by the Ollama discovery endpoint GET /api/tags. */
  ollamaModels?: string[];
};

/** Key that every provider rejects with 401; model ids with this prefix get 404. */
export const badApiKey = "bad-key";
export const missingModelPrefix = "missing-";

const maxBodyBytes = 20 * 1024 * 1024;
const secretHeaders = new Set(["authorization", "x-api-key", "x-goog-api-key", "api-key", "cookie"]);

function maskHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    // Keep the scheme so tests can still see how the client authenticated.
    headers[name] = secretHeaders.has(name) ? text.replace(/^(Bearer\s+)?.*$/i, "$1***") : text;
  }
  return headers;
}

function sdkClient(userAgent: string | undefined): string | undefined {
  const packages = [...(userAgent ?? "").matchAll(/ai-sdk\/([a-z0-9-]+)\//g)].map((match) => match[1]);
  return packages.find((name) => name !== "provider-utils");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) req.destroy(new Error("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

const dialectOf: Record<ProviderKind, Dialect> = {
  openai: openaiDialect,
  anthropic: anthropicDialect,
  gemini: geminiDialect,
};

type Route = { dialect: Dialect; pathModel?: string; stream?: boolean };

function generationRoute(method: string, pathname: string): Route | undefined {
  if (method !== "POST") return undefined;
  if (pathname === "/v1/chat/completions") return { dialect: openaiDialect };
  if (pathname === "/v1/messages") return { dialect: anthropicDialect };
  const gemini =
    /^\/v1(?:beta|alpha)?\/((?:models|tunedModels)\/[^:]+):(streamGenerateContent|generateContent)$/.exec(
      pathname,
    );
  if (!gemini?.[1]) return undefined;
  const modelPath = decodeURIComponent(gemini[1]);
  return {
    dialect: geminiDialect,
    pathModel: modelPath.startsWith("models/") ? modelPath.slice("models/".length) : modelPath,
    stream: gemini[2] === "streamGenerateContent",
  };
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const scenarios = new ScenarioStore();
  let recorded: RecordedRequest[] = [];
  let nextId = 1;

  async function handleGeneration(req: IncomingMessage, res: ServerResponse, url: URL, route: Route) {
    const rawBody = await readBody(req);
    const startedAtMs = performance.now();
    const client = sdkClient(req.headers["user-agent"]);
    let body: Record<string, unknown> = {};
    let bodyIsValid = true;
    try {
      const parsedBody: unknown = JSON.parse(rawBody);
      if (parsedBody !== null && typeof parsedBody === "object") body = parsedBody as Record<string, unknown>;
      else bodyIsValid = false;
    } catch {
      bodyIsValid = false;
    }
    const parsed = route.dialect.parse(body, route.pathModel);
    const stream = route.stream ?? parsed.stream;
    const inputTokens = countPromptTokens(parsed.messageTexts);
    const maskedUrl = new URL(url);
    if (maskedUrl.searchParams.has("key")) maskedUrl.searchParams.set("key", "redacted");
    const record: RecordedRequest = {
      id: nextId++,
      receivedAtMs: Date.now(),
      method: req.method ?? "POST",
      path: maskedUrl.pathname + maskedUrl.search,
      provider: route.dialect.kind,
      client,
      model: parsed.model,
      stream,
      clientPort: req.socket.remotePort,
      headers: maskHeaders(req),
      body: bodyIsValid ? body : rawBody,
      status: 200,
      outcome: "streaming",
      inputTokens,
      tokensSent: 0,
    };
    recorded.push(record);

    const scenario = scenarios.resolve(parsed.model);
    const apiKey = route.dialect.apiKey(req.headers, url.searchParams);
    const failStatus = !bodyIsValid
      ? 400
      : !apiKey || apiKey === badApiKey
        ? 401
        : parsed.model.startsWith(missingModelPrefix)
          ? 404
          : scenarios.takeFailure(parsed.model, scenario);
    if (failStatus !== undefined) {
      record.status = failStatus;
      record.outcome = "failed";
      record.endedAfterMs = 0;
      const retryAfter =
        scenario.retryAfterSeconds !== undefined && (failStatus === 429 || failStatus === 503)
          ? { "retry-after": String(scenario.retryAfterSeconds) }
          : undefined;
      sendJson(res, failStatus, route.dialect.errorBody(failStatus, parsed.model, client), retryAfter);
      return;
    }

    const allTokens = replyTokens({
      lastUserMessage: parsed.lastUserMessage,
      model: parsed.model,
      outputTokens: scenario.outputTokens,
      text: scenario.text,
    });
    const limit = parsed.maxOutputTokens ?? Number.POSITIVE_INFINITY;
    const plan = {
      res,
      dialect: route.dialect,
      context: {
        model: parsed.model,
        responseId: `fake-${randomUUID()}`,
        createdSec: Math.floor(Date.now() / 1000),
        client,
        includeUsage: parsed.includeUsage,
      },
      scenario,
      tokens: allTokens.slice(0, limit),
      finish: allTokens.length > limit ? ("length" as const) : ("stop" as const),
      inputTokens,
      record,
      startedAtMs,
    };
    if (stream) streamReply(plan);
    else completeReply(plan);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method === "GET" && pathname === "/__fake/requests")
      return sendJson(res, 200, { requests: recorded.map(reported) });
    if (req.method === "GET" && pathname === "/__fake/completed")
      return sendJson(res, 200, { completed: completedStreams() });
    if (req.method === "POST" && pathname === "/__fake/reset") {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "POST" && pathname === "/__fake/scenario") {
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch {
        return sendJson(res, 400, { error: "body must be JSON: { model, ...scenario }" });
      }
      const parsed = controlScenarioSchema.safeParse(input);
      if (!parsed.success) {
        return sendJson(res, 400, { error: "invalid scenario", issues: parsed.error.issues });
      }
      const { model, ...scenario } = parsed.data;
      scenarios.set(model, scenario);
      return sendJson(res, 200, { ok: true, model, scenario: scenarios.resolve(model) });
    }
    sendJson(res, 404, { error: `no control route ${req.method} ${pathname}` });
  }

  async function handleListing(req: IncomingMessage, res: ServerResponse, url: URL) {
    const { status, body } = listingResponse(req, url, scenarios.knownModels(), options.ollamaModels);
    sendJson(res, status, body);
  }

  /**
   * Replies sent to the end, counted per (model, last user message), each with when it ended: a client
   * that must never ask for the same answer twice shows as a count above 1.
   */
  function completedStreams(): { model: string; prompt: string; count: number; endedAtMs: number[] }[] {
    const byKey = new Map<string, { model: string; prompt: string; count: number; endedAtMs: number[] }>();
    for (const record of recorded) {
      if (record.outcome !== "completed" || typeof record.body !== "object" || record.body === null) continue;
      const prompt = dialectOf[record.provider].parse(
        record.body as Record<string, unknown>,
        record.model,
      ).lastUserMessage;
      const key = JSON.stringify([record.model, prompt]);
      const entry = byKey.get(key) ?? { model: record.model, prompt, count: 0, endedAtMs: [] };
      entry.count += 1;
      entry.endedAtMs.push(record.receivedAtMs + (record.endedAfterMs ?? 0));
      byKey.set(key, entry);
    }
    return [...byKey.values()];
  }

  function reset() {
    scenarios.reset();
    recorded = [];
  }

  const server = createServer({ noDelay: true, keepAliveTimeout: 30_000 }, (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake.local");
    const route = generationRoute(req.method ?? "GET", url.pathname);
    const handled = route
      ? handleGeneration(req, res, url, route)
      : url.pathname.startsWith("/__fake/")
        ? handleControl(req, res, url.pathname)
        : handleListing(req, res, url);
    handled.catch((error: unknown) => {
      // A broken fake must fail loudly in the test that hit it rather than hang the client.
      if (!res.headersSent) sendJson(res, 500, { error: `fake upstream crashed: ${String(error)}` });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => socket.setNoDelay(true));
  // Dozens of parallel streams per test; keep Node's default backlog from ever being the bottleneck.
  server.maxConnections = 1024;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    setScenario: (model, scenario) => scenarios.set(model, scenarioSchema.parse(scenario)),
    reset,
    requests: () => recorded.map(reported),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging streams would otherwise keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
