import fc from "fast-check";
import type { FuzzRoute } from "./routes";

export interface FuzzRequest {
  method: string;
  /** Raw request target, sent byte for byte: it may hold broken %-escapes on purpose. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** TRACE is refused on the Node server itself (lib/server-hook.ts). */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

/** Values that have broken a parser somewhere: bad escapes, double escapes, NUL, lone surrogates. */
const HOSTILE_TEXT = [
  "%",
  "%E0%A4%A",
  "%25",
  "%2541",
  "%00",
  "%ED%A0%80",
  "%C0%AF",
  "%FF",
  "..%2F..",
  "%2F",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "9999-12-31",
  "0000-01-01",
  "10000-01-01",
  "2025-02-30",
  "2025-01-01T25:61:00Z",
  "00000000-0000-4000-8000-000000000000",
  "openai/gpt-4o",
];

const MAX_TARGET_CHARS = 8000;

const escapedText = fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent);
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  escapedText,
  fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text.repeat(400))),
);

function pathFor(route: FuzzRoute): fc.Arbitrary<string> {
  const segment = fc.oneof(fc.uuid().map(String), hostileValue);
  return fc
    .tuple(segment, fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([id, rest, trailingSlash]) => {
      const path = route.path.replace(":id", id).replace(":rest", rest.join("/"));
      return trailingSlash ? `${path}/` : path;
    });
}

function queryFor(route: FuzzRoute): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...route.query, "x"), escapedText);
  const pair = fc.tuple(key, hostileValue).map(([name, value]) => `${name}=${value}`);
  return fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.join("&")}` : ""));
}

/** JSON that is almost what a route wants, JSON that is not, and bytes that are not JSON at all. */
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value).slice(0, -1)),
  fc
    .record(
      {
        title: fc.oneof(fc.string(), fc.constant("\u0000")),
        name: fc.oneof(fc.string({ unit: "binary" }), fc.constant("a\u0000\ud800")),
        state: fc.record({
          workloads: fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })), { maxLength: 2 }),
        }),
        runId: fc.oneof(fc.uuid(), fc.string()),
        text: fc.string({ maxLength: 200 }),
        models: fc.array(fc.string(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom('{"a":"\\u0000"}', '{"title":"\\ud800"}', "[]", "null", '"x"', ""),
  fc.nat({ max: 400 }).map((kilobytes) => `{"text":"${"x".repeat(kilobytes * 1024)}`),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain;application/json",
  "application/json; charset=latin1",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);

const origin = fc.constantFrom<Record<string, string>>(
  {},
  {},
  { origin: "https://evil.example" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
);

/** Malformed requests for one route: each mixes a method, path, query, headers and body. */
export function fuzzRequests(route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...route.methods) },
        fc.constantFrom(...METHODS),
      ),
      path: pathFor(route),
      query: queryFor(route),
      contentType,
      origin,
      body,
    })
    .map(({ method, path, query, contentType: type, origin: originHeaders, body: text }) => {
      const sendsBody = !["GET", "HEAD", "OPTIONS"].includes(method);
      const headers: Record<string, string> = { ...originHeaders };
      if (sendsBody && type) headers["content-type"] = type;
      // Node refuses request heads over 16 KB before the app sees them; a cut %-escape is welcome.
      const target = `${path}${query}`.slice(0, MAX_TARGET_CHARS);
      return { method, path: target, headers, ...(sendsBody ? { body: text } : {}) };
    });
}
