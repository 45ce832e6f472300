import { z } from "zod";

export const MAX_MODELS = 6;
export const MAX_PROMPT_CHARS = 100_000;
export const MAX_SYSTEM_CHARS = 20_000;
/** The body cap sits above the text caps so an oversized prompt gets a clear 413, not a parse error. */
export const MAX_BODY_BYTES = 512 * 1024;

/** Postgres text cannot hold a NUL character, so a prompt with one could be answered but never saved. */
const noNul = (field: string) =>
  [
    (text: string) => !text.includes("\u0000"),
    `${field} contains a NUL character (\\u0000), which cannot be saved; remove it and send again`,
  ] as const;

const paramsSchema = z.object({
  temperature: z
    .number()
    .min(0, "temperature must be between 0 and 2")
    .max(2, "temperature must be between 0 and 2")
    .optional(),
  maxOutputTokens: z
    .number()
    .int("maxOutputTokens must be a whole number")
    .min(1, "maxOutputTokens must be at least 1")
    .max(65_536, "maxOutputTokens can be at most 65,536")
    .optional(),
});

export const playgroundRunRequestSchema = z
  .object({
    sessionId: z.uuid("sessionId must be a session id from GET /api/sessions").optional(),
    /** Re-run models inside an existing run (the pane's Retry) instead of starting a new turn. */
    runId: z.uuid("runId must be a run id from this session").optional(),
    prompt: z
      .string({ error: "prompt must be text" })
      .trim()
      .min(1, "Write a prompt first")
      .max(MAX_PROMPT_CHARS, `prompt can be at most ${MAX_PROMPT_CHARS.toLocaleString("en-US")} characters`)
      .refine(...noNul("prompt")),
    system: z
      .string({ error: "system must be text" })
      .max(MAX_SYSTEM_CHARS, `system can be at most ${MAX_SYSTEM_CHARS.toLocaleString("en-US")} characters`)
      .refine(...noNul("system"))
      .optional(),
    models: z
      .array(
        z
          .string()
          .min(1)
          .max(200)
          .refine(...noNul("a model id")),
        {
          error: "models must be a list of model ids",
        },
      )
      .min(1, "Pick at least one model")
      .max(MAX_MODELS, `Pick at most ${MAX_MODELS} models`)
      .refine((ids) => new Set(ids).size === ids.length, "Each model can appear only once"),
    overrides: z.record(z.string().refine(...noNul("an overrides key")), paramsSchema).optional(),
  })
  .extend(paramsSchema.shape)
  .refine((body) => !body.runId || body.sessionId, { message: "runId needs its sessionId", path: ["runId"] });

export type PlaygroundRunRequest = z.infer<typeof playgroundRunRequestSchema>;

export type PlaygroundEvent =
  | { type: "session"; sessionId: string; runId: string }
  | { type: "start"; model: string; simulated: boolean }
  | { type: "delta"; model: string; text: string }
  | { type: "retry"; model: string; attempt: number; waitMs: number; reason: string }
  | {
      type: "finish";
      model: string;
      status: "ok" | "stopped";
      usage: {
        inputTokens: number;
        outputTokens: number;
        reasoningTokens?: number;
        cachedInputTokens?: number;
      };
      estimated: boolean;
      costUsd: string | null;
      ttftMs: number | null;
      durationMs: number;
      tokensPerSecond: number | null;
    }
  | { type: "error"; model: string; code: string; message: string; partial: boolean }
  /** The pane's answer (shown already) could not be saved; its usage was recorded if it could be. */
  | { type: "save-error"; model: string; code: "answer_taken" | "save_failed"; message: string }
  | { type: "done" };
