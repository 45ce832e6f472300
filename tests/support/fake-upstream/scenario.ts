import { z } from "zod";

/** How one model behaves. Every knob is optional in overrides; `resolve` fills in the defaults. */
export const scenarioSchema = z
  .object({
    ttftMs: z.number().min(0),
    tokensPerSecond: z.number().positive(),
    outputTokens: z.number().int().min(0),
    text: z.string(),
    reasoningTokens: z.number().int().min(0),
    cachedInputTokens: z.number().int().min(0),
    failStatus: z.number().int().min(400).max(599),
    failTimes: z.number().int().min(0),
    retryAfterSeconds: z.number().int().min(0),
    malformedAfterTokens: z.number().int().min(0),
    disconnectAfterTokens: z.number().int().min(0),
    hangAfterTokens: z.number().int().min(0),
  })
  .partial()
  .strict();

export type ScenarioOverrides = z.infer<typeof scenarioSchema>;

export type Scenario = {
  ttftMs: number;
  tokensPerSecond: number;
  outputTokens: number;
  /** Fixed reply; when set it replaces the generated text and `outputTokens` is ignored. */
  text?: string;
  reasoningTokens: number;
  /** Part of the prompt reported as served from the provider's prompt cache. */
  cachedInputTokens: number;
  failStatus?: number;
  /** Fail only the first N requests for the model; unset means every request fails. */
  failTimes?: number;
  retryAfterSeconds?: number;
  malformedAfterTokens?: number;
  disconnectAfterTokens?: number;
  hangAfterTokens?: number;
};

export const defaultScenario: Scenario = {
  ttftMs: 50,
  tokensPerSecond: 200,
  outputTokens: 40,
  reasoningTokens: 0,
  cachedInputTokens: 0,
};

export const controlScenarioSchema = scenarioSchema.extend({ model: z.string().min(1) });

/**
 * Per-model overrides layered over a "*" override and the defaults. Failure counters are per model id,
 * so `failTimes: 1` on "*" makes every model in a side-by-side run fail once, not only the first one.
 */
export class ScenarioStore {
  private overrides = new Map<string, ScenarioOverrides>();
  private failuresSent = new Map<string, number>();

  /** Replaces (does not merge with) the earlier override for the same key, so a test can drop a knob. */
  set(model: string, overrides: ScenarioOverrides): void {
    this.overrides.set(model, { ...overrides });
    if (model === "*") this.failuresSent.clear();
    else this.failuresSent.delete(model);
  }

  reset(): void {
    this.overrides.clear();
    this.failuresSent.clear();
  }

  resolve(model: string): Scenario {
    return { ...defaultScenario, ...this.overrides.get("*"), ...this.overrides.get(model) };
  }

  /** Decides whether this request fails, counting it against `failTimes`. */
  takeFailure(model: string, scenario: Scenario): number | undefined {
    if (scenario.failStatus === undefined) return undefined;
    const sent = this.failuresSent.get(model) ?? 0;
    if (scenario.failTimes !== undefined && sent >= scenario.failTimes) return undefined;
    this.failuresSent.set(model, sent + 1);
    return scenario.failStatus;
  }

  knownModels(): string[] {
    return [...this.overrides.keys()].filter((model) => model !== "*");
  }
}
