import type { IncomingHttpHeaders } from "node:http";

export type ProviderKind = "openai" | "anthropic" | "gemini";

export type UsageCounts = {
  /** Whole prompt, cached part included. */
  inputTokens: number;
  cachedInputTokens: number;
  /** Text tokens actually sent. */
  outputTokens: number;
  reasoningTokens: number;
};

export type FinishKind = "stop" | "length";

/** What the fake needs from a generation request, whatever the wire format. */
export type ParsedRequest = {
  model: string;
  stream: boolean;
  messageTexts: string[];
  lastUserMessage: string;
  maxOutputTokens?: number;
  /** OpenAI `stream_options.include_usage`. */
  includeUsage: boolean;
};

export type ReplyContext = {
  model: string;
  responseId: string;
  createdSec: number;
  /** The AI SDK package that sent the request (from its user-agent), e.g. "groq", "mistral". */
  client?: string;
  includeUsage: boolean;
};

/** Pieces of one provider's SSE stream; each returns ready-to-write wire text. */
export type StreamEncoder = {
  /** Preamble sent with the first token (OpenAI role chunk, Anthropic message_start…). */
  start(usage: UsageCounts): string;
  token(text: string, usageSoFar: UsageCounts): string;
  finish(usage: UsageCounts, finish: FinishKind): string;
  /** A syntactically broken event, as a flaky proxy or provider bug would produce. */
  malformed(): string;
};

export type Dialect = {
  kind: ProviderKind;
  apiKey(headers: IncomingHttpHeaders, query: URLSearchParams): string | undefined;
  parse(body: Record<string, unknown>, pathModel?: string): ParsedRequest;
  errorBody(status: number, model: string, client?: string): unknown;
  encoder(context: ReplyContext): StreamEncoder;
  completion(context: ReplyContext, text: string, usage: UsageCounts, finish: FinishKind): unknown;
};

/** Text of a message's content in any of the providers' shapes (string, or parts with `text`). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) =>
      part !== null && typeof part === "object" && typeof (part as { text?: unknown }).text === "string"
        ? (part as { text: string }).text
        : "",
    )
    .filter(Boolean)
    .join("\n");
}

export function asRecordArray(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === "object")
    : [];
}

export function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export type RequestOutcome =
  | "streaming"
  | "completed"
  | "failed"
  | "aborted"
  | "malformed"
  | "disconnected"
  | "hanging";

export type RecordedRequest = {
  id: number;
  /** Wall-clock time the request arrived (epoch ms). */
  receivedAtMs: number;
  method: string;
  /** Path and query, with a `key` query value masked. */
  path: string;
  provider: ProviderKind;
  /** AI SDK package named in the user-agent, e.g. "openai", "groq", "openai-compatible". */
  client?: string;
  model: string;
  stream: boolean;
  /** The client's port on its connection: two requests with the same one came over one kept-alive connection. */
  clientPort?: number;
  /** Request headers with credential values masked. */
  headers: Record<string, string>;
  body: unknown;
  status: number;
  outcome: RequestOutcome;
  inputTokens: number;
  tokensSent: number;
  /** Measured on the fake's side from the request's arrival, for subtracting from client-side TTFT. */
  firstTokenAfterMs?: number;
  endedAfterMs?: number;
};

/** A recorded request as the fake reports it. */
export type ReportedRequest = RecordedRequest & {
  /** The client closed the connection before the fake finished sending (outcome "aborted"). */
  aborted: boolean;
};

/** A record as reported: whether the client gave up follows from how the request ended. */
export const reported = (record: RecordedRequest): ReportedRequest => ({
  ...record,
  aborted: record.outcome === "aborted",
});
