import {
  asRecordArray,
  contentText,
  type Dialect,
  type FinishKind,
  optionalNumber,
  type ReplyContext,
  type UsageCounts,
} from "./types";

/** Anthropic Messages API: named SSE events, usage split between message_start and message_delta. */

function event(type: string, payload: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...payload })}\n\n`;
}

// Anthropic counts cache reads outside `input_tokens`, unlike OpenAI and Gemini.
function inputUsage(usage: UsageCounts) {
  return {
    input_tokens: usage.inputTokens - usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: usage.cachedInputTokens,
  };
}

function stopReason(finish: FinishKind) {
  return finish === "length" ? "max_tokens" : "end_turn";
}

function errorDetails(status: number, model: string): { type: string; message: string } {
  switch (status) {
    case 400:
      return { type: "invalid_request_error", message: "Invalid request body." };
    case 401:
      return { type: "authentication_error", message: "invalid x-api-key" };
    case 403:
      return {
        type: "permission_error",
        message: "Your API key does not have permission to use the specified resource.",
      };
    case 404:
      return { type: "not_found_error", message: `model: ${model}` };
    case 413:
      return { type: "request_too_large", message: "Request exceeds the maximum allowed number of bytes." };
    case 429:
      return {
        type: "rate_limit_error",
        message:
          "This request would exceed the rate limit for your organization of 50 requests per minute. Please try again later.",
      };
    case 503:
    case 529:
      return { type: "overloaded_error", message: "Overloaded" };
    default:
      return status >= 500
        ? { type: "api_error", message: "Internal server error" }
        : { type: "invalid_request_error", message: `Request failed with status ${status}.` };
  }
}

export const anthropicDialect: Dialect = {
  kind: "anthropic",

  apiKey(headers) {
    const apiKey = headers["x-api-key"];
    if (typeof apiKey === "string") return apiKey;
    // The SDK's `authToken` option sends a bearer token instead.
    const authorization = headers.authorization;
    return authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : undefined;
  },

  parse(body) {
    const messages = asRecordArray(body.messages);
    const system = contentText(body.system);
    const texts = [...(system ? [system] : []), ...messages.map((message) => contentText(message.content))];
    const lastUser = messages.findLast((message) => message.role === "user");
    return {
      model: typeof body.model === "string" ? body.model : "",
      stream: body.stream === true,
      messageTexts: texts,
      lastUserMessage: lastUser ? contentText(lastUser.content) : "",
      maxOutputTokens: optionalNumber(body.max_tokens),
      includeUsage: true,
    };
  },

  errorBody(status, model) {
    return { type: "error", error: errorDetails(status, model), request_id: "req_fake" };
  },

  encoder(context: ReplyContext) {
    return {
      start: (usage) =>
        event("message_start", {
          message: {
            id: context.responseId,
            type: "message",
            role: "assistant",
            model: context.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { ...inputUsage(usage), output_tokens: 1 },
          },
        }) +
        event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }) +
        event("ping", {}),
      token: (text) => event("content_block_delta", { index: 0, delta: { type: "text_delta", text } }),
      finish: (usage, finish) =>
        event("content_block_stop", { index: 0 }) +
        event("message_delta", {
          delta: { stop_reason: stopReason(finish), stop_sequence: null },
          usage: {
            output_tokens: usage.outputTokens + usage.reasoningTokens,
            ...(usage.reasoningTokens > 0
              ? { output_tokens_details: { thinking_tokens: usage.reasoningTokens } }
              : {}),
          },
        }) +
        event("message_stop", {}),
      malformed: () =>
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\n\n',
    };
  },

  completion(context, text, usage, finish) {
    return {
      id: context.responseId,
      type: "message",
      role: "assistant",
      model: context.model,
      content: [{ type: "text", text }],
      stop_reason: stopReason(finish),
      stop_sequence: null,
      usage: { ...inputUsage(usage), output_tokens: usage.outputTokens + usage.reasoningTokens },
    };
  },
};
