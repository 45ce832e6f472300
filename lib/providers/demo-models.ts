import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from "@ai-sdk/provider";
import { oneLine } from "@/lib/format";
import { type DemoSolution, demoVerdict, solveDemoTask } from "./demo-tasks";

/**
 * Built-in "Simulated" models, so a new user with no keys can try the whole playground. They stream
 * deterministic text with distinct latency and speed; their usage is flagged simulated and kept out
 * of real spend. Each mirrors a real offering's price so the cost shown is illustrative.
 */
export interface DemoProfile {
  id: string;
  label: string;
  ttftMs: number;
  tokensPerSecond: number;
  style: "brief" | "balanced" | "thorough";
  reasoningTokens: number;
  mirrorsOfferingId: string;
  description: string;
  /** Share of recognised tasks (see demo-tasks.ts) answered right, 0–100. */
  accuracyPercent: number;
}

export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    id: "demo/swift",
    label: "Swift (Simulated)",
    ttftMs: 180,
    tokensPerSecond: 140,
    style: "brief",
    reasoningTokens: 0,
    mirrorsOfferingId: "openai/gpt-4o-mini",
    description: "Fast and short, priced like GPT-4o mini.",
    accuracyPercent: 60,
  },
  {
    id: "demo/steady",
    label: "Steady (Simulated)",
    ttftMs: 650,
    tokensPerSecond: 60,
    style: "balanced",
    reasoningTokens: 0,
    mirrorsOfferingId: "anthropic/claude-3-5-haiku-latest",
    description: "Medium latency, balanced answers, priced like Claude 3.5 Haiku.",
    accuracyPercent: 80,
  },
  {
    id: "demo/deliberate",
    label: "Deliberate (Simulated)",
    ttftMs: 1400,
    tokensPerSecond: 35,
    style: "thorough",
    reasoningTokens: 96,
    mirrorsOfferingId: "openai/o3-mini",
    description: "Thinks first, then answers at length; priced like o3-mini.",
    accuracyPercent: 95,
  },
];

export function isDemoModelId(id: string): boolean {
  return id.startsWith("demo/");
}

export function lastUserText(prompt: LanguageModelV3Prompt): string {
  for (let index = prompt.length - 1; index >= 0; index--) {
    const message = prompt[index];
    if (message?.role !== "user") continue;
    return message.content
      .map((part) => (part.type === "text" ? part.text : ""))
      .join(" ")
      .trim();
  }
  return "";
}

/** Every text of the prompt, system included: a judge's rubric may sit in either. */
function allText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((message) =>
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "")).join(" "),
    )
    .join("\n");
}

/** A cheap deterministic hash so the same prompt always gives the same answer. */
function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

const POINTS = [
  "Start from the workload: estimate input and output tokens per request before comparing prices.",
  "Output tokens usually cost three to five times more than input tokens, so verbose models cost more than their list price suggests.",
  "Measure time to first token on your own prompts; published ranges vary with prompt length and load.",
  "Keep a fallback on a second provider so a rate limit or outage does not take your feature down.",
  "Route simple requests to a small model and escalate hard ones; most traffic rarely needs the flagship.",
  "Cache long, repeated system prompts where the provider discounts cached input.",
  "Check the context window against your largest realistic input, not the average one.",
  "Re-run the comparison when prices change; they have fallen sharply year over year.",
];

/** A task the simulated models recognise, answered in the profile's style. */
function solvedAnswer(profile: DemoProfile, solution: DemoSolution): string {
  if (profile.style === "brief") return solution.answer;
  if (profile.style === "balanced") return `The answer is ${solution.answer}`;
  const steps = solution.steps.map((step, index) => `${index + 1}. ${step}`);
  return [
    "Let me work through this step by step.",
    "",
    ...steps,
    "",
    `Final answer: ${solution.answer}`,
  ].join("\n");
}

/** Deterministic markdown answer: same prompt and profile, same text. */
export function demoAnswer(profile: DemoProfile, prompt: string, fullPrompt = prompt): string {
  const topic = oneLine(prompt, 80) || "your question";
  const seed = hash(`${profile.id}|${prompt}`);
  const verdict = demoVerdict(fullPrompt, seed);
  if (verdict) return verdict;
  const solution = solveDemoTask(prompt, seed % 100 >= profile.accuracyPercent);
  if (solution) return solvedAnswer(profile, solution);
  const count = profile.style === "brief" ? 2 : profile.style === "balanced" ? 4 : 6;
  const points = Array.from(
    { length: count },
    (_, index) => POINTS[(seed + index * 3) % POINTS.length] ?? "",
  );
  const intro =
    profile.style === "brief"
      ? `Short answer on "${topic}":`
      : profile.style === "balanced"
        ? `Here is a balanced take on "${topic}".`
        : `Let me work through "${topic}" step by step.`;
  const list = points.map((point, index) =>
    profile.style === "thorough" ? `${index + 1}. ${point}` : `- ${point}`,
  );
  const code =
    profile.style === "thorough"
      ? [
          "",
          "```ts",
          "const monthlyUsd = requestsPerMonth * (inputTokens * inputPerMTok + outputTokens * outputPerMTok) / 1e6;",
          "```",
        ]
      : [];
  const outro =
    profile.style === "brief"
      ? []
      : ["", "_This is a simulated model: the text is canned, the timing is realistic._"];
  return [intro, "", ...list, ...code, ...outro].join("\n");
}

/** Splits text into the word-sized pieces a real stream would send. */
export function demoTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException("Aborted", "AbortError"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException("Aborted", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createDemoModel(profile: DemoProfile): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: "demo",
    modelId: profile.id,
    supportedUrls: {},
    async doGenerate() {
      throw new Error("Simulated models only stream.");
    },
    async doStream(options: LanguageModelV3CallOptions) {
      const prompt = lastUserText(options.prompt);
      const fullPrompt = allText(options.prompt);
      const answer = demoAnswer(profile, prompt, fullPrompt);
      const tokens = demoTokens(answer).slice(0, options.maxOutputTokens ?? Number.POSITIVE_INFINITY);
      const inputTokens = Math.max(1, Math.round(JSON.stringify(options.prompt).length / 4));
      const signal = options.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          try {
            controller.enqueue({ type: "stream-start", warnings: [] });
            await sleep(profile.ttftMs, signal);
            controller.enqueue({ type: "text-start", id: "0" });
            const started = Date.now();
            for (let index = 0; index < tokens.length; index++) {
              // Scheduled against the start so timer drift does not slow the stream down.
              const due = started + (index * 1000) / profile.tokensPerSecond;
              const wait = due - Date.now();
              if (wait > 0) await sleep(wait, signal);
              controller.enqueue({ type: "text-delta", id: "0", delta: tokens[index] ?? "" });
            }
            controller.enqueue({ type: "text-end", id: "0" });
            controller.enqueue({
              type: "finish",
              finishReason: {
                unified: tokens.length < demoTokens(answer).length ? "length" : "stop",
                raw: "stop",
              },
              usage: {
                inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
                outputTokens: {
                  total: tokens.length + profile.reasoningTokens,
                  text: tokens.length,
                  reasoning: profile.reasoningTokens,
                },
              },
            });
            controller.close();
          } catch (error) {
            controller.error(error);
          }
        },
      });
      return { stream };
    },
  };
}
