import type { IncomingMessage } from "node:http";

/** Model listing endpoints, for the app's discovery code, plus a health check for Playwright's webServer. */

const defaultOpenAIModels = ["gpt-4o-mini", "gpt-4o", "o3-mini"];
const defaultAnthropicModels = ["claude-3-5-haiku-latest", "claude-sonnet-4-5"];
const defaultGeminiModels = ["gemini-2.0-flash", "gemini-2.5-pro"];
const defaultOllamaModels = ["llama3.2:latest", "qwen2.5:0.5b"];
const fixedDate = "2025-01-01T00:00:00Z";

function json(status: number, body: unknown) {
  return { status, body };
}

function unique(models: string[]): string[] {
  return [...new Set(models)];
}

export function listingResponse(
  req: IncomingMessage,
  url: URL,
  scenarioModels: string[],
  ollamaModels = defaultOllamaModels,
): { status: number; body: unknown } {
  const path = url.pathname;
  if (req.method !== "GET") return json(404, { error: `fake upstream: no route ${req.method} ${path}` });
  if (path === "/" || path === "/health") return json(200, { ok: true });

  // Anthropic and OpenAI share the path; the anthropic-version header tells them apart as it does upstream.
  if (path === "/v1/models" && req.headers["anthropic-version"]) {
    const data = unique([
      ...defaultAnthropicModels,
      ...scenarioModels.filter((id) => id.startsWith("claude")),
    ]).map((id) => ({ type: "model", id, display_name: id, created_at: fixedDate }));
    return json(200, {
      data,
      has_more: false,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    });
  }
  if (path === "/v1/models") {
    const data = unique([...defaultOpenAIModels, ...scenarioModels]).map((id) => ({
      id,
      object: "model",
      created: 1735689600,
      owned_by: "fake-upstream",
    }));
    return json(200, { object: "list", data });
  }
  if (path === "/v1beta/models") {
    const models = unique([
      ...defaultGeminiModels,
      ...scenarioModels.filter((id) => id.startsWith("gemini")),
    ]).map((id) => ({
      name: `models/${id}`,
      displayName: id,
      supportedGenerationMethods: ["generateContent", "streamGenerateContent"],
    }));
    return json(200, { models });
  }
  if (path === "/api/tags") {
    const models = ollamaModels.map((name) => ({
      name,
      model: name,
      modified_at: fixedDate,
      size: 1_000_000_000,
      digest: "0".repeat(64),
      details: { format: "gguf", family: "llama", parameter_size: "1B", quantization_level: "Q4_K_M" },
    }));
    return json(200, { models });
  }
  if (path === "/api/version") return json(200, { version: "0.6.0" });
  return json(404, { error: `fake upstream: no route GET ${path}` });
}
