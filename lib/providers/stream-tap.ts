import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { encodeMessage } from "@/lib/sse";

/**
 * The fast lane for streamed answers. A provider package reads a stream by passing every token through
 * several web-stream stages (bytes, text, SSE events, JSON, a schema check, its own parts); with many
 * streams in flight that cost queues first tokens behind other streams' tokens and skews the time to
 * first token the product records. So the run engine taps the stream underneath the package:
 *
 * - The package still builds the request (URL, headers, body, each provider's quirks) and still reads
 *   everything but plain text: the first event, usage, finish reasons, reasoning, errors and anything
 *   this file does not recognise. Usage and faults therefore keep the package's own meaning.
 * - This fetch sends the request with node:http and reads the answer's server-sent events itself. An
 *   event that carries nothing but a piece of answer text goes straight to the engine, stamped where
 *   its bytes arrive, and is not passed on; every other event is passed on to the package unchanged.
 *
 * Only calls made with a signal from `tapSignal` are tapped, and only streams in a format listed in WIRES;
 * everything else (non-streamed calls, error answers, other formats) goes through the global fetch or
 * reaches the package as the plain response.
 */

export interface StreamTap {
  /** A piece of answer text, as soon as its event has arrived. */
  onText: (text: string) => void;
  /** Set once the answer's events are being read here rather than by the package. */
  engaged: boolean;
  /**
   * When the request was handed to the operating system (performance.now()), set when this file sends it.
   * The time to first token runs from here, as the provider's own clock runs from the request's
   * arrival: the package's work before it (building the request, waiting for this thread under load,
   * opening a new connection) is the product's time, not the model's.
   */
  sentAt?: number;
}

type Wire = "openai-chat" | "anthropic" | "google";

interface Decoded {
  /** Answer text in the event; "" when none. */
  text: string;
  /** Whether the event carries nothing else, so the package need not see it. */
  textOnly: boolean;
  /**
   * Usage so far in a text-only event (Gemini repeats it in every chunk). The package keeps only the
   * latest, so the latest dropped one is passed on before the next event it sees.
   */
  usage?: unknown;
}

const taps = new WeakMap<AbortSignal, StreamTap>();

/**
 * Taps the provider requests made with `signal` (the call's `abortSignal`, which the provider packages
 * hand to fetch as they got it) and returns that signal. A signal, not an AsyncLocalStorage: a store
 * turns on async hooks for every promise of the streaming thread, and cost more than it carried.
 */
export function tapSignal(tap: StreamTap, signal: AbortSignal = new AbortController().signal): AbortSignal {
  taps.set(signal, tap);
  return signal;
}

function wireOf(url: URL, body: unknown): Wire | null {
  const path = url.pathname;
  if (path.endsWith(":streamGenerateContent")) return "google";
  if (typeof body !== "string" || !/"stream"\s*:\s*true/.test(body)) return null;
  if (path.endsWith("/chat/completions")) return "openai-chat";
  if (path.endsWith("/messages")) return "anthropic";
  return null;
}

const OPENAI_CHUNK_KEYS = new Set([
  "id",
  "object",
  "created",
  "model",
  "system_fingerprint",
  "choices",
  "usage",
  "service_tier",
  "obfuscation",
]);
const OPENAI_CHOICE_KEYS = new Set(["index", "delta", "finish_reason", "logprobs"]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function onlyKeys(object: Json, allowed: Set<string>, nullable: readonly string[] = []): boolean {
  for (const key in object) {
    if (!allowed.has(key)) return false;
    if (nullable.includes(key) && object[key] != null) return false;
  }
  return true;
}

const NOTHING: Decoded = { text: "", textOnly: false };

/** Text of a chat-completions delta: a string, or (Mistral) a list of parts of which "text" ones count. */
function chatDeltaText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let text = "";
  for (const part of content)
    if (isObject(part) && part.type === "text" && typeof part.text === "string") text += part.text;
  return text;
}

/** Chat completions (OpenAI and the servers that speak it): `choices[0].delta.content`. */
function decodeOpenAiChat(data: unknown): Decoded {
  if (!isObject(data) || !Array.isArray(data.choices) || data.error != null) return NOTHING;
  const choice = data.choices[0];
  if (!isObject(choice) || !isObject(choice.delta)) return NOTHING;
  const content = choice.delta.content;
  const textOnly =
    data.choices.length === 1 &&
    typeof content === "string" &&
    onlyKeys(data, OPENAI_CHUNK_KEYS, ["usage"]) &&
    onlyKeys(choice, OPENAI_CHOICE_KEYS, ["finish_reason", "logprobs"]) &&
    Object.keys(choice.delta).every((key) => key === "content" || key === "role");
  return { text: chatDeltaText(content), textOnly };
}

/** Anthropic messages: `content_block_delta` events of type `text_delta`; pings carry nothing. */
function decodeAnthropic(data: unknown): Decoded {
  if (!isObject(data)) return NOTHING;
  if (data.type === "ping") return { text: "", textOnly: true };
  if (data.type !== "content_block_delta" || !isObject(data.delta)) return NOTHING;
  const delta = data.delta;
  if (delta.type !== "text_delta" || typeof delta.text !== "string") return NOTHING;
  return { text: delta.text, textOnly: Object.keys(delta).length === 2 };
}

const GOOGLE_CHUNK_KEYS = new Set(["candidates", "modelVersion", "responseId", "usageMetadata"]);
const GOOGLE_CANDIDATE_KEYS = new Set(["content", "index"]);

/** Gemini: the candidate's parts that hold text and are not thoughts. */
function decodeGoogle(data: unknown): Decoded {
  if (!isObject(data) || !Array.isArray(data.candidates)) return NOTHING;
  const candidate = data.candidates[0];
  if (!isObject(candidate) || !isObject(candidate.content) || !Array.isArray(candidate.content.parts))
    return NOTHING;
  let text = "";
  let textOnly =
    data.candidates.length === 1 &&
    onlyKeys(data, GOOGLE_CHUNK_KEYS) &&
    onlyKeys(candidate, GOOGLE_CANDIDATE_KEYS) &&
    Object.keys(candidate.content).every((key) => key === "parts" || key === "role");
  for (const part of candidate.content.parts) {
    if (!isObject(part)) return NOTHING;
    if (typeof part.text === "string" && part.thought !== true) text += part.text;
    if (typeof part.text !== "string" || Object.keys(part).length !== 1) textOnly = false;
  }
  return { text, textOnly, usage: data.usageMetadata };
}

const DECODERS: Record<Wire, (data: unknown) => Decoded> = {
  "openai-chat": decodeOpenAiChat,
  anthropic: decodeAnthropic,
  google: decodeGoogle,
};

function decodeEvent(wire: Wire, event: EventSourceMessage): Decoded {
  if (event.data === "[DONE]") return { text: "", textOnly: false };
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    // Malformed: the package reports it as it always has.
    return { text: "", textOnly: false };
  }
  return DECODERS[wire](data);
}

/** The key before the text in a text-only event, for the wires whose text events differ only there. */
const TEXT_KEYS: Partial<Record<Wire, string>> = { "openai-chat": '"content":', anthropic: '"text":' };

/**
 * The text events of one stream are the same JSON but for their piece of text (same id, model, index
 * and keys). Once one has been parsed whole and found text-only, the text events after it are
 * recognised by being, outside the text's JSON string, character for character the same as that one;
 * only the string is read. Parsing every event whole was the largest part of reading a stream under
 * load (bench:ttft). The result is exactly what decodeEvent would give: anything else (another key, an
 * unusual string, Gemini's changing usage) is not the same shape and is parsed whole.
 */
export class TextEventShape {
  private prefix: string | null = null;
  private suffix = "";
  constructor(private readonly wire: Wire) {}

  decode(event: EventSourceMessage): Decoded {
    const fast = this.prefix === null ? null : this.match(event.data);
    if (fast !== null) return { text: fast, textOnly: true };
    const decoded = decodeEvent(this.wire, event);
    if (decoded.textOnly && decoded.text && decoded.usage === undefined) this.learn(event.data, decoded.text);
    return decoded;
  }

  private learn(data: string, text: string) {
    const key = TEXT_KEYS[this.wire];
    if (!key) return;
    const at = data.indexOf(key);
    // One text key only, followed by the text exactly as JSON.stringify writes it.
    if (at < 0 || at !== data.lastIndexOf(key)) return;
    const literal = JSON.stringify(text);
    const start = at + key.length;
    if (!data.startsWith(literal, start)) return;
    this.prefix = data.slice(0, start);
    this.suffix = data.slice(start + literal.length);
  }

  /** The text of an event of the learned shape, or null when it is not one. */
  private match(data: string): string | null {
    const prefix = this.prefix as string;
    const end = data.length - this.suffix.length;
    // Compared as slices: String.prototype.startsWith on a long prefix measured ~15 times slower.
    if (end - prefix.length < 2 || data.slice(0, prefix.length) !== prefix || data.slice(end) !== this.suffix)
      return null;
    if (data.charCodeAt(prefix.length) !== 34 || data.charCodeAt(end - 1) !== 34) return null;
    let escaped = false;
    for (let index = prefix.length + 1; index < end - 1; index++) {
      const code = data.charCodeAt(index);
      // A quote or a control character inside would make it another JSON document; parse it whole.
      if (code === 34 || code < 32) return null;
      if (code === 92) {
        escaped = true;
        index++;
      }
    }
    const literal = data.slice(prefix.length, end);
    if (!escaped) return literal.slice(1, -1);
    try {
      const text = JSON.parse(literal);
      return typeof text === "string" ? text : null;
    } catch {
      return null;
    }
  }
}

/**
 * Reading a stream in batches once its first text is in. A provider writes an answer a few tokens at a
 * time, and reading each write as it lands costs a wake-up, a read, the HTTP parser and an event per
 * write: with many streams in flight that was about a fifth of what the streaming thread spent on a
 * stream (bench:ttft).
 * After a stream's first text has been stamped, its socket is left unread for a pause, so that one
 * read takes everything the provider sent meanwhile; one timer, ticking every READ_BATCH_MS while any
 * socket waits, resumes them. The time to first token is unaffected (it is stamped before the first
 * pause). The pause grows with the answer: READ_BATCH_MS at first, then by steps of READ_BATCH_MS up
 * to MAX_READ_BATCH_MS, never more than READ_BATCH_SHARE of the time since the first text; a pause
 * ends at the tick nearest its end, up to half a tick either side. So an answer's end is read at most
 * about 12 ms late while its text has come for less than 0.64 s, and otherwise at most about 1/40 of
 * that time plus 4 ms (36 ms at most; a timer that fires late adds its delay): a total time is at
 * most about 3% long. A model at its usual 100 tokens a second, whose writes come 10 ms apart, is
 * read about three writes at a time instead of one (bench:ttft's paced phase).
 * The pause is the socket handle's own readStop/readStart: the kernel holds the bytes, and a socket
 * the connection pool takes back is reading again first.
 */
export const READ_BATCH_MS = 8;
export const MAX_READ_BATCH_MS = 32;
export const READ_BATCH_SHARE = 1 / 40;

/** How long a stream whose first text came `sinceFirstTextMs` ago is left unread before its next read. */
export function readPauseMs(sinceFirstTextMs: number): number {
  const steps = Math.floor((sinceFirstTextMs * READ_BATCH_SHARE) / READ_BATCH_MS);
  return Math.min(MAX_READ_BATCH_MS, Math.max(1, steps) * READ_BATCH_MS);
}

interface ReadHandle {
  readStop(): number;
  readStart(): number;
  /** Node's own record of whether it wants the socket read; false while it holds reads back itself. */
  reading?: boolean;
}
/** Sockets left unread, with when each is to be read again (performance.now()). */
const unread = new Map<Socket, number>();
let resumeTimer: NodeJS.Timeout | null = null;

function readHandle(socket: Socket | null): ReadHandle | null {
  const handle = (socket as unknown as { _handle?: Partial<ReadHandle> } | null)?._handle;
  return handle && typeof handle.readStop === "function" && typeof handle.readStart === "function"
    ? (handle as ReadHandle)
    : null;
}

function resumeDue() {
  resumeTimer = null;
  // Due within half a tick counts as due: pauses are whole ticks.
  const now = performance.now() + READ_BATCH_MS / 2;
  for (const [socket, resumeAt] of unread) {
    if (resumeAt > now) continue;
    unread.delete(socket);
    restartReads(socket);
  }
  if (unread.size > 0) resumeTimer = setTimeout(resumeDue, READ_BATCH_MS);
}

/** Leaves the socket unread for `pauseMs`; the bytes wait in the kernel. */
function pauseReads(socket: Socket | null, pauseMs: number) {
  if (!socket || socket.destroyed || unread.has(socket)) return;
  const handle = readHandle(socket);
  // A socket Node has stopped itself (back-pressure) is left to Node.
  if (!handle || handle.reading === false || handle.readStop() !== 0) return;
  unread.set(socket, performance.now() + pauseMs);
  if (resumeTimer === null) resumeTimer = setTimeout(resumeDue, READ_BATCH_MS);
}

/** Reads the socket again now (its answer ended, or it goes back to the pool). */
function resumeReads(socket: Socket | null) {
  if (socket && unread.delete(socket)) restartReads(socket);
}

/** Restarts reads only where Node itself still wants them, so its own back-pressure is never undone. */
function restartReads(socket: Socket) {
  const handle = socket.destroyed ? null : readHandle(socket);
  if (handle && handle.reading !== false) handle.readStart();
}

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

function responseHeaders(message: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  return headers;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** A cut connection, worded as the global fetch words it, so it is classified the same way. */
function connectionCut(cause: unknown): Error {
  return new TypeError("terminated", { cause: cause ?? new Error("other side closed") });
}

function tappedRequest(tap: StreamTap, wire: Wire, url: URL, init: RequestInit): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    let forward: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = typeof init.body === "string" ? init.body : undefined;
    const headers = headerRecord(init.headers);
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const request = transport.request(url, {
      method: init.method ?? "POST",
      headers,
      agent: agents[url.protocol as keyof typeof agents],
    });
    const onAbort = () => {
      const reason = abortReason(signal as AbortSignal);
      request.destroy();
      if (!settled) {
        settled = true;
        reject(reason);
      } else forward?.error(reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);

    request.on("error", (error) => {
      done();
      if (!settled) {
        settled = true;
        reject(error);
      } else if (!signal?.aborted) forward?.error(connectionCut(error));
    });
    request.on("response", (message) => {
      const status = message.statusCode ?? 0;
      const eventStream = /text\/event-stream/i.test(String(message.headers["content-type"] ?? ""));
      if (status !== 200 || !eventStream) {
        // An error or an unexpected answer: the package reads it whole, as from its own fetch.
        const chunks: Buffer[] = [];
        message.on("data", (chunk: Buffer) => chunks.push(chunk));
        message.on("end", () => {
          done();
          settled = true;
          const bodyless = status === 204 || status === 304;
          resolve(
            new Response(bodyless ? null : Buffer.concat(chunks), {
              status,
              statusText: message.statusMessage,
              headers: responseHeaders(message),
            }),
          );
        });
        return;
      }
      tap.engaged = true;
      const encoder = new TextEncoder();
      let heldUsage: unknown;
      const passOnHeldUsage = () => {
        if (heldUsage === undefined) return;
        forward?.enqueue(encoder.encode(`data: ${JSON.stringify({ usageMetadata: heldUsage })}\n\n`));
        heldUsage = undefined;
      };
      const shape = new TextEventShape(wire);
      const socket = message.socket;
      /** When the first text was read (performance.now()), or null before it. */
      let firstTextAt: number | null = null;
      const parser = createParser({
        onEvent(event) {
          const decoded = shape.decode(event);
          if (decoded.text) {
            firstTextAt ??= performance.now();
            tap.onText(decoded.text);
          }
          if (decoded.textOnly) {
            if (decoded.usage != null) heldUsage = decoded.usage;
            return;
          }
          passOnHeldUsage();
          forward?.enqueue(encoder.encode(encodeMessage(event)));
        },
      });
      const passedOn = new ReadableStream<Uint8Array>({
        start(controller) {
          forward = controller;
        },
        cancel() {
          request.destroy();
        },
      });
      message.setEncoding("utf8");
      message.on("data", (chunk: string) => {
        parser.feed(chunk);
        if (firstTextAt !== null && !message.complete)
          pauseReads(socket, readPauseMs(performance.now() - firstTextAt));
      });
      message.on("close", () => resumeReads(socket));
      message.on("end", () => {
        resumeReads(socket);
        done();
        // An unterminated last event is passed on as it is, for the package to judge.
        parser.reset({ consume: true });
        passOnHeldUsage();
        try {
          forward?.close();
        } catch {
          // already errored
        }
      });
      message.on("aborted", () => {
        if (!signal?.aborted) forward?.error(connectionCut(null));
      });
      settled = true;
      resolve(
        new Response(passedOn, {
          status,
          statusText: message.statusMessage,
          headers: responseHeaders(message),
        }),
      );
    });
    // The clock starts when the request's last bytes are handed to the operating system ('finish'),
    // not when end() is called: on a busy thread the write waits for the rest of the current turn
    // (other streams' requests being built, answers ending), up to tens of milliseconds with many
    // streams starting together, and that wait is the product's time, not the model's; so is opening
    // a new connection (TCP and TLS), which 'finish' also follows. The stamp taken before end() stands
    // only until then (a request that fails before it is flushed has no text to time).
    tap.sentAt = performance.now();
    request.once("finish", () => {
      tap.sentAt = performance.now();
    });
    request.end(body);
  });
}

/**
 * The fetch every provider is built with. Without a signal from `tapSignal`, or for a request that is not a
 * stream in a known format, it is the global fetch.
 */
export const tappedFetch: typeof fetch = (input, init) => {
  const tap = init?.signal ? taps.get(init.signal) : undefined;
  if (!tap || tap.engaged || !init || input instanceof Request) return fetch(input, init);
  const url = new URL(String(input));
  const wire = wireOf(url, init.body);
  if (!wire || (url.protocol !== "http:" && url.protocol !== "https:")) return fetch(input, init);
  return tappedRequest(tap, wire, url, init);
};
