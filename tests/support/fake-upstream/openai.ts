import {
  asRecordArray,
  contentText,
  type Dialect,
  type FinishKind,
  optionalNumber,
  type ReplyContext,
  sseData,
  type UsageCounts,
} from "./types";

/**
 * OpenAI chat completions, also spoken by groq, together, deepseek, fireworks, xai, mistral, openrouter
 * and Ollama's /v1. Two native SDK packages read usage differently, so the client is sniffed from the
 * user-agent: @ai-sdk/groq reads `x_groq.usage` and @ai-sdk/mistral reads usage from the finish chunk
 * (and rejects a delta without `content`); neither sends `stream_options`.
 */

function usageBody(usage: UsageCounts) {
  const completionTokens = usage.outputTokens + usage.reasoningTokens;
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: completionTokens,
    total_tokens: usage.inputTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}

function errorDetails(status: number, model: string): { message: string; type: string; code: string | null } {
  switch (status) {
    case 400:
      return { message: "Invalid request body.", type: "invalid_request_error", code: null };
    case 401:
      return {
        message:
          "Incorrect API key provided: bad-key. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        code: "invalid_api_key",
      };
    case 403:
      return {
        message: `You are not allowed to sample from ${model}.`,
        type: "invalid_request_error",
        code: null,
      };
    case 404:
      return {
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        type: "invalid_request_error",
        code: "model_not_found",
      };
    case 429:
      return {
        message: `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1.`,
        type: "requests",
        code: "rate_limit_exceeded",
      };
    case 503:
      return { message: "The server is overloaded or not ready yet.", type: "server_error", code: null };
    default:
      return status >= 500
        ? {
            message: "The server had an error while processing your request. Sorry about that!",
            type: "server_error",
            code: null,
          }
        : { message: `Request failed with status ${status}.`, type: "invalid_request_error", code: null };
  }
}

function chunk(context: ReplyContext, choices: unknown[], extra: Record<string, unknown> = {}) {
  return sseData({
    id: context.responseId,
    object: "chat.completion.chunk",
    created: context.createdSec,
    model: context.model,
    system_fingerprint: "fp_fake",
    choices,
    ...extra,
  });
}

function finishReason(finish: FinishKind) {
  return finish === "length" ? "length" : "stop";
}

export const openaiDialect: Dialect = {
  kind: "openai",

  apiKey(headers) {
    const authorization = headers.authorization;
    return authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : undefined;
  },

  parse(body) {
    const messages = asRecordArray(body.messages);
    const texts = messages.map((message) => contentText(message.content));
    const lastUser = messages.findLast((message) => message.role === "user");
    const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
    return {
      model: typeof body.model === "string" ? body.model : "",
      stream: body.stream === true,
      messageTexts: texts,
      lastUserMessage: lastUser ? contentText(lastUser.content) : "",
      maxOutputTokens: optionalNumber(body.max_completion_tokens) ?? optionalNumber(body.max_tokens),
      includeUsage: streamOptions?.include_usage === true,
    };
  },

  errorBody(status, model, client) {
    const details = errorDetails(status, model);
    if (client === "mistral") return { object: "error", ...details, param: null };
    return { error: { ...details, param: null } };
  },

  encoder(context) {
    return {
      start: () =>
        chunk(context, [
          {
            index: 0,
            delta: { role: "assistant", content: "", refusal: null },
            logprobs: null,
            finish_reason: null,
          },
        ]),
      token: (text) =>
        chunk(context, [{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]),
      finish(usage, finish) {
        const delta = context.client === "mistral" ? { content: "" } : {};
        const extra: Record<string, unknown> = {};
        if (context.client === "mistral") extra.usage = usageBody(usage);
        if (context.client === "groq")
          extra.x_groq = { id: `req_${context.responseId}`, usage: usageBody(usage) };
        let wire = chunk(
          context,
          [{ index: 0, delta, logprobs: null, finish_reason: finishReason(finish) }],
          extra,
        );
        if (context.includeUsage) wire += chunk(context, [], { usage: usageBody(usage) });
        return `${wire}data: [DONE]\n\n`;
      },
      malformed: () =>
        `data: {"id":"${context.responseId}","object":"chat.completion.chunk","choices":[{"delta":\n\n`,
    };
  },

  completion(context, text, usage, finish) {
    return {
      id: context.responseId,
      object: "chat.completion",
      created: context.createdSec,
      model: context.model,
      system_fingerprint: "fp_fake",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: text, refusal: null },
          logprobs: null,
          finish_reason: finishReason(finish),
        },
      ],
      usage: usageBody(usage),
    };
  },
};
