import { createServer, request as httpRequest, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readJson, route } from "./http";
import { installServerHook, serveDirectly } from "./server-hook";

// A plain Node server stands in for Next: whatever reaches its own handler answers "next".
let server: Server;
let base: string;
let port: number;

const calls = { echo: 0 };
const released: { first?: () => void } = {};
const ended = { cancelled: false, aborted: false };
let pulledBytes = 0;
let floodCancelled = false;

const echoSchema = z.object({ text: z.string() });

beforeAll(async () => {
  installServerHook();
  serveDirectly(
    "POST",
    "/api/hook-test/echo",
    route(async (request) => {
      calls.echo += 1;
      const body = await readJson(request, echoSchema, { surface: "api", maxBytes: 1024 });
      return Response.json(
        {
          text: body.text,
          search: new URL(request.url).search,
          forwardedFor: request.headers.get("x-forwarded-for"),
          forwardedProto: request.headers.get("x-forwarded-proto"),
          authorization: request.headers.get("authorization"),
        },
        { headers: { "x-answer": "direct" } },
      );
    }),
  );
  serveDirectly("POST", "/api/hook-test/stream", async () => {
    const gate = new Promise<void>((resolve) => {
      released.first = resolve;
    });
    const encoder = new TextEncoder();
    return new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode("first;"));
          await gate;
          controller.enqueue(encoder.encode("second;"));
          controller.close();
        },
      }),
    );
  });
  serveDirectly("POST", "/api/hook-test/endless", async (request) => {
    request.signal.addEventListener("abort", () => {
      ended.aborted = true;
    });
    return new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode("tick;"));
          return new Promise((resolve) => setTimeout(resolve, 5));
        },
        cancel() {
          ended.cancelled = true;
        },
      }),
    );
  });
  serveDirectly("POST", "/api/hook-test/flood", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(97);
    return new Response(
      new ReadableStream<Uint8Array>({
        // A chunk a millisecond at most, so a writer that ignored the socket would run on, not hang.
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          pulledBytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          floodCancelled = true;
        },
      }),
    );
  });
  serveDirectly("POST", "/api/hook-test/broken", () => {
    throw new Error("broken before answering, key sk-test-1234567890abcdefghij");
  });
  server = createServer((_request, response) => response.end("next"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the Node server's request hook", () => {
  it("answers a registered route itself, with the front door's headers, and leaves every other request to the server", async () => {
    const direct = await postJson("/api/hook-test/echo?page=2", { text: "hello" });
    expect(direct.status).toBe(200);
    // As Next does, the X-Forwarded-* headers a client did not send are filled in from the socket.
    expect(await direct.json()).toEqual({
      text: "hello",
      search: "?page=2",
      forwardedFor: "127.0.0.1",
      forwardedProto: "http",
      authorization: null,
    });
    expect(direct.headers.get("x-answer")).toBe("direct");
    expect(direct.headers.get("content-type")).toContain("application/json");
    expect(direct.headers.get("x-frame-options")).toBe("DENY");
    expect(direct.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);

    for (const [method, path] of [
      ["GET", "/api/hook-test/echo"],
      ["POST", "/api/hook-test/echo/"],
      ["POST", "/api/hook-test/other"],
    ] as const) {
      const passed = await fetch(`${base}${path}`, { method, ...(method === "POST" ? { body: "{}" } : {}) });
      expect(await passed.text(), `${method} ${path}`).toBe("next");
    }
  });

  it("hands the body to the handler as it arrives, so its size limit and validation answer as in a route", async () => {
    const tooLarge = await postJson("/api/hook-test/echo", { text: "x".repeat(4_000) });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("payload_too_large:api");
    const invalid = await postJson("/api/hook-test/echo", { text: 42 });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details.fieldErrors.text).toBeDefined();
  });

  it("keeps the connection for the next request when a body was left unread", async () => {
    const text = "x".repeat(30_000);
    const chunked = (headers: string) =>
      `POST /api/hook-test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n${headers}transfer-encoding: chunked\r\n\r\n${Array.from({ length: 7 }, () => `${text.length.toString(16)}\r\n${text}\r\n`).join("")}0\r\n\r\n`;
    const small = `POST /api/hook-test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 12\r\n\r\n{"text":"a"}`;
    // Over the size limit with no Content-Length: the handler stops reading at the limit. Refused
    // as cross-site: nothing reads it.
    for (const [first, status] of [
      [chunked(""), "413"],
      [chunked("origin: http://evil.example\r\n"), "403"],
    ] as const) {
      const socket = connect(port, "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk;
      });
      const complete = () => expect(received).toMatch(/\r\n0\r\n\r\n$/);
      socket.write(first);
      await vi.waitFor(complete);
      const firstAnswer = received;
      socket.write(small);
      await vi.waitFor(() => {
        expect(received.length).toBeGreaterThan(firstAnswer.length);
        complete();
      });
      socket.destroy();
      expect(received.match(/^HTTP\/1\.1 \d+/gm)).toEqual([`HTTP/1.1 ${status}`, "HTTP/1.1 200"]);
      expect(received).toContain('{"text":"a","search":"",');
    }
  });

  it("refuses a cross-site write before the handler runs", async () => {
    const before = calls.echo;
    const refused = await postJson("/api/hook-test/echo", { text: "hi" }, { origin: "http://evil.example" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden:api");
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(calls.echo).toBe(before);
    const sameOrigin = await postJson("/api/hook-test/echo", { text: "hi" }, { origin: base });
    expect(sameOrigin.status).toBe(200);
  });

  it("writes each chunk to the socket as the handler produces it", async () => {
    const response = await fetch(`${base}/api/hook-test/stream`, { method: "POST" });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // The stream is still open, waiting on the gate: the first chunk must already be here.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("first;");
    released.first?.();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += decoder.decode(chunk.value);
    expect(rest).toBe("second;");
  });

  it("aborts the request and cancels the answer when the client goes away", async () => {
    const client = new AbortController();
    const response = await fetch(`${base}/api/hook-test/endless`, { method: "POST", signal: client.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    expect(ended).toEqual({ cancelled: false, aborted: false });
    client.abort();
    await vi.waitFor(() => expect(ended).toEqual({ cancelled: true, aborted: true }), { timeout: 2_000 });
  });

  it("reads no more of an answer than the socket takes while the client is not reading", async () => {
    const socket = connect(port, "127.0.0.1");
    socket.pause();
    socket.write("POST /api/hook-test/flood HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
    await vi.waitFor(() => expect(pulledBytes).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stalled = pulledBytes;
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Stopped at what the kernel's buffers hold (a few MB on loopback), not growing with time.
    expect(pulledBytes).toBe(stalled);
    expect(stalled).toBeLessThan(32 * 1024 * 1024);
    socket.resume();
    await vi.waitFor(() => expect(pulledBytes).toBeGreaterThan(stalled + 1024 * 1024), { timeout: 5_000 });
    // Gone while the writer may be waiting for the socket: the answer is cancelled, not left hanging.
    socket.destroy();
    await vi.waitFor(() => expect(floodCancelled).toBe(true), { timeout: 2_000 });
  });

  it("keeps a client's own X-Forwarded-For and the first of two Authorization headers, as Node and Next do", async () => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk;
    });
    const body = '{"text":"a"}';
    socket.write(
      `POST /api/hook-test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\nx-forwarded-for: 203.0.113.9\r\nauthorization: Bearer first\r\nauthorization: Bearer second\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
    await vi.waitFor(() => expect(received).toMatch(/\r\n0\r\n\r\n$/));
    socket.destroy();
    expect(received).toContain('"forwardedFor":"203.0.113.9"');
    expect(received).toContain('"authorization":"Bearer first"');
  });

  it("answers a fault of its own with the JSON 500 and the security headers, and logs no secret", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await postJson("/api/hook-test/broken", {});
      expect(answer.status).toBe(500);
      expect((await answer.json()).error.code).toBe("internal:api");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      const line = logged.mock.calls.map((call) => call.join(" ")).join("\n");
      expect(line).toContain("broken before answering");
      expect(line).not.toContain("sk-test-1234567890abcdefghij");
    } finally {
      logged.mockRestore();
    }
  });

  it("leaves a request whose Host makes no URL to the server's own handler", async () => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk;
    });
    socket.write("POST /api/hook-test/echo HTTP/1.1\r\nHost: [not-a-host\r\nContent-Length: 0\r\n\r\n");
    await vi.waitFor(() => expect(received).toMatch(/next$/));
    socket.destroy();
    expect(received).toMatch(/^HTTP\/1\.1 200/);
  });

  it("answers TRACE with the JSON 405 on any path", async () => {
    const answer = await new Promise<{
      status: number;
      body: string;
      frameOptions?: string | string[];
      allow?: string | string[];
    }>((resolve, reject) => {
      const sent = httpRequest(`${base}/anything`, { method: "TRACE" }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            frameOptions: response.headers["x-frame-options"],
            allow: response.headers.allow,
          }),
        );
      });
      sent.on("error", reject);
      sent.end();
    });
    expect(answer.status).toBe(405);
    expect(JSON.parse(answer.body).error.code).toBe("method_not_allowed:api");
    expect(answer.frameOptions).toBe("DENY");
    expect(answer.allow).toBe("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
  });
});
