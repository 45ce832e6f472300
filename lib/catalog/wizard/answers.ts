import { decisionRules } from "../guides";

export const INPUT_MODALITIES = ["image", "audio", "video"] as const;
export type InputModality = (typeof INPUT_MODALITIES)[number];
export const CONTEXT_OPTIONS_TOKENS = [8_000, 32_000, 128_000, 200_000, 500_000, 1_000_000] as const;
export const DEFAULT_CONTEXT_TOKENS = 32_000;
// The guides' questions the form always shows; the rest are optional ("no preference").
export const DEFAULT_CHOICES: Readonly<Record<string, string>> = {
  "task-type": "general-chat",
  "budget-sensitivity": "moderate",
  "quality-bar": "good",
  "data-privacy": "cloud-ok",
  "eu-hosting": "no",
  "latency-priority": "normal",
};
// Answered through the numeric context field and the modality checkboxes instead.
const DERIVED_QUESTIONS = new Set(["context-needed", "modality"]);

export interface WizardAnswers {
  /** The guides' own questions: question id → answer value. */
  choices: Record<string, string>;
  contextTokens: number;
  inputModalities: InputModality[];
}

type Params = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function paramValues(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Reads answers from the URL; anything missing or invalid falls back to the default. */
export function parseWizardAnswers(params: Params): WizardAnswers {
  const choices: Record<string, string> = {};
  for (const question of decisionRules().questions) {
    if (DERIVED_QUESTIONS.has(question.id)) continue;
    const value = paramValues(params, question.id)[0];
    const fallback = DEFAULT_CHOICES[question.id];
    if (value && question.answers.some((answer) => answer.value === value)) choices[question.id] = value;
    else if (fallback) choices[question.id] = fallback;
  }
  const contextTokens = Number(paramValues(params, "context")[0]);
  const wanted = new Set(paramValues(params, "input").flatMap((value) => value.split(",")));
  return {
    choices,
    contextTokens:
      Number.isSafeInteger(contextTokens) && contextTokens > 0 && contextTokens <= 10_000_000
        ? contextTokens
        : DEFAULT_CONTEXT_TOKENS,
    inputModalities: INPUT_MODALITIES.filter((modality) => wanted.has(modality)),
  };
}

/** The shortest query string that restores the answers; defaults are left out. */
export function serializeWizardAnswers(answers: WizardAnswers): string {
  const params = new URLSearchParams();
  for (const [id, value] of Object.entries(answers.choices)) {
    if (DEFAULT_CHOICES[id] !== value) params.set(id, value);
  }
  if (answers.contextTokens !== DEFAULT_CONTEXT_TOKENS) params.set("context", String(answers.contextTokens));
  for (const modality of answers.inputModalities) params.append("input", modality);
  return params.toString();
}

/** The guides' questions for the form: the always-shown ones in order, then the optional rest. */
export function wizardQuestions() {
  const questions = decisionRules().questions.filter((question) => !DERIVED_QUESTIONS.has(question.id));
  const core = Object.keys(DEFAULT_CHOICES).flatMap((id) =>
    questions.filter((question) => question.id === id),
  );
  return { core, more: questions.filter((question) => !(question.id in DEFAULT_CHOICES)) };
}

/** Voice and video tasks need those inputs whether or not the boxes are ticked. */
export function requiredInputs(answers: WizardAnswers): InputModality[] {
  const task = answers.choices["task-type"];
  const extra: InputModality[] = task === "voice" ? ["audio"] : task === "video-analysis" ? ["video"] : [];
  return INPUT_MODALITIES.filter((m) => answers.inputModalities.includes(m) || extra.includes(m));
}

export function guideAnswers(answers: WizardAnswers): Map<string, Set<string>> {
  const map = new Map(Object.entries(answers.choices).map(([id, value]) => [id, new Set([value])]));
  const tokens = answers.contextTokens;
  map.set(
    "context-needed",
    new Set([tokens > 200_000 ? "over-200k" : tokens > 128_000 ? "128k-200k" : "under-128k"]),
  );
  const inputs = requiredInputs(answers);
  map.set("modality", new Set(inputs.length > 0 ? inputs : ["none"]));
  return map;
}
