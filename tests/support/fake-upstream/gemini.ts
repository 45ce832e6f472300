import {
  asRecordArray,
  contentText,
  type Dialect,
  type FinishKind,
  optionalNumber,
  type ReplyContext,
  type UsageCounts,
} from "./types";

/**
 * Gemini generateContent / streamGenerateContent?alt=sse. The model comes from the URL path, and every
 * chunk repeats a running usageMetadata, as the real API does. Real frames end in CRLF pairs.
 */

function frame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

function usageMetadata(usage: UsageCounts) {
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: usage.outputTokens,
    totalTokenCount: usage.inputTokens + usage.outputTokens + usage.reasoningTokens,
    ...(usage.reasoningTokens > 0 ? { thoughtsTokenCount: usage.reasoningTokens } : {}),
    ...(usage.cachedInputTokens > 0 ? { cachedContentTokenCount: usage.cachedInputTokens } : {}),
    promptTokensDetails: [{ modality: "TEXT", tokenCount: usage.inputTokens }],
  };
}

function finishReason(finish: FinishKind) {
  return finish === "length" ? "MAX_TOKENS" : "STOP";
}

const statusNames: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

function errorMessage(status: number, model: string): string {
  switch (status) {
    case 401:
      return "API key not valid. Please pass a valid API key.";
    case 404:
      return `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
    case 429:
      return "Resource has been exhausted (e.g. check quota).";
    case 503:
      return "The model is overloaded. Please try again later.";
    default:
      return status >= 500 ? "An internal error has occurred." : `Request failed with status ${status}.`;
  }
}

export const geminiDialect: Dialect = {
  kind: "gemini",

  apiKey(headers, query) {
    const headerKey = headers["x-goog-api-key"];
    return typeof headerKey === "string" ? headerKey : (query.get("key") ?? undefined);
  },

  parse(body, pathModel) {
    const contents = asRecordArray(body.contents);
    const partsText = (entry: unknown) =>
      contentText((entry as { parts?: unknown } | undefined)?.parts ?? undefined);
    const system = partsText(body.systemInstruction);
    const lastUser = contents.findLast((entry) => entry.role === "user" || entry.role === undefined);
    const generationConfig = body.generationConfig as { maxOutputTokens?: unknown } | undefined;
    return {
      model: pathModel ?? "",
      stream: false,
      messageTexts: [...(system ? [system] : []), ...contents.map(partsText)],
      lastUserMessage: lastUser ? partsText(lastUser) : "",
      maxOutputTokens: optionalNumber(generationConfig?.maxOutputTokens),
      includeUsage: true,
    };
  },

  errorBody(status, model) {
    return {
      error: { code: status, message: errorMessage(status, model), status: statusNames[status] ?? "UNKNOWN" },
    };
  },

  encoder(context: ReplyContext) {
    const envelope = (candidate: Record<string, unknown>, usage: UsageCounts) => ({
      candidates: [{ ...candidate, index: 0 }],
      usageMetadata: usageMetadata(usage),
      modelVersion: context.model,
      responseId: context.responseId,
    });
    return {
      start: () => "",
      token: (text, usageSoFar) =>
        frame(envelope({ content: { parts: [{ text }], role: "model" } }, usageSoFar)),
      finish: (usage, finish) =>
        frame(
          envelope(
            { content: { parts: [{ text: "" }], role: "model" }, finishReason: finishReason(finish) },
            usage,
          ),
        ),
      malformed: () => 'data: {"candidates":[{"content":{"parts":[{"text":\r\n\r\n',
    };
  },

  completion(context, text, usage, finish) {
    return {
      candidates: [
        { content: { parts: [{ text }], role: "model" }, finishReason: finishReason(finish), index: 0 },
      ],
      usageMetadata: usageMetadata(usage),
      modelVersion: context.model,
      responseId: context.responseId,
    };
  },
};
