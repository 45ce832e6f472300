"use client";

import { parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { type FormEvent, type ReactNode, useMemo, useTransition } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import type { WizardAnswers } from "@/lib/catalog/wizard";

export interface WizardQuestionView {
  id: string;
  prompt: string;
  answers: { value: string; label: string }[];
}

interface WizardFormProps {
  answers: WizardAnswers;
  /** The always-shown questions, in order; `more` are optional and start at "no preference". */
  core: WizardQuestionView[];
  more: WizardQuestionView[];
  defaults: Readonly<Record<string, string>>;
  contextOptionsTokens: readonly number[];
  defaultContextTokens: number;
  inputModalities: readonly string[];
}

const SEGMENTED_MAX_ANSWERS = 3;

function Field({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <fieldset className="min-w-0" data-testid={testId}>
      <legend className="mb-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
      {children}
    </fieldset>
  );
}

function contextLabel(tokens: number): string {
  return tokens >= 1_000_000 ? `${tokens / 1_000_000}M tokens` : `${tokens / 1000}K tokens`;
}

/**
 * The wizard's answers as a plain form: every change rewrites the URL, so the server page
 * recomputes the ranking and the result can be shared or reloaded.
 */
export function WizardForm(props: WizardFormProps) {
  const { answers, defaults, core, more } = props;
  const [pending, startTransition] = useTransition();
  // One URL key per question, plus the context size and the repeated `input`; parseWizardAnswers
  // (lib/catalog/wizard) reads them on the server.
  const urlKeys = useMemo(
    () => ({
      ...Object.fromEntries([...core, ...more].map((question) => [question.id, parseAsString])),
      context: parseAsString,
      input: parseAsNativeArrayOf(parseAsString),
    }),
    [core, more],
  );
  const [, setParams] = useQueryStates(urlKeys, {
    history: "replace",
    shallow: false,
    scroll: false,
    startTransition,
  });

  function onChange(event: FormEvent<HTMLFormElement>) {
    const values: Record<string, string | string[] | null> = Object.fromEntries(
      Object.keys(urlKeys).map((key) => [key, null]),
    );
    const inputs: string[] = [];
    for (const [key, value] of new FormData(event.currentTarget)) {
      const text = String(value);
      // Defaults stay out of the URL so shared links stay short.
      if (text === "" || defaults[key] === text) continue;
      if (key === "context" && Number(text) === props.defaultContextTokens) continue;
      if (key === "input") inputs.push(text);
      else values[key] = text;
    }
    values.input = inputs;
    void setParams(values);
  }

  const contextOptions = props.contextOptionsTokens.includes(answers.contextTokens)
    ? props.contextOptionsTokens
    : [...props.contextOptionsTokens, answers.contextTokens].sort((a, b) => a - b);

  const renderQuestion = (question: WizardQuestionView, optional: boolean) => {
    const current = answers.choices[question.id] ?? "";
    if (!optional && question.answers.length <= SEGMENTED_MAX_ANSWERS) {
      return (
        <Field key={question.id} label={question.prompt} testId={`wizard-answer-${question.id}`}>
          <div className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
            {question.answers.map((answer) => (
              <label
                key={answer.value}
                data-testid={`wizard-option-${question.id}-${answer.value}`}
                className="flex-1 cursor-pointer rounded px-2 py-1 text-center text-sm text-zinc-600 has-[:checked]:bg-accent-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 dark:text-zinc-300"
              >
                <input
                  type="radio"
                  name={question.id}
                  value={answer.value}
                  defaultChecked={current === answer.value}
                  className="sr-only"
                />
                {answer.label}
              </label>
            ))}
          </div>
        </Field>
      );
    }
    return (
      <Field key={question.id} label={question.prompt} testId={`wizard-answer-${question.id}`}>
        <Select wide name={question.id} defaultValue={current} aria-label={question.prompt}>
          {optional ? <option value="">No preference</option> : null}
          {question.answers.map((answer) => (
            <option key={answer.value} value={answer.value}>
              {answer.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <form
      data-testid="wizard-form"
      data-pending={pending ? "true" : "false"}
      onChange={onChange}
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-col gap-4"
    >
      {props.core.slice(0, 1).map((question) => renderQuestion(question, false))}
      <Field label="How much context per request?" testId="wizard-answer-context">
        <Select wide name="context" defaultValue={String(answers.contextTokens)} aria-label="Context needed">
          {contextOptions.map((tokens) => (
            <option key={tokens} value={tokens}>
              At least {contextLabel(tokens)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Which inputs besides text?" testId="wizard-answer-input">
        <div className="flex flex-wrap gap-2">
          {props.inputModalities.map((modality) => (
            <span key={modality} data-testid={`wizard-option-input-${modality}`}>
              <Checkbox
                name="input"
                value={modality}
                defaultChecked={answers.inputModalities.some((m) => m === modality)}
                className="cursor-pointer rounded-md border border-zinc-300 px-2.5 py-1 capitalize has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 has-[:checked]:text-accent-700 dark:border-zinc-700 dark:has-[:checked]:bg-accent-600/20 dark:has-[:checked]:text-white"
              >
                {modality}
              </Checkbox>
            </span>
          ))}
        </div>
      </Field>
      {props.core.slice(1).map((question) => renderQuestion(question, false))}
      <details className="group rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <summary className="cursor-pointer text-sm font-medium text-zinc-700 dark:text-zinc-300">
          More questions from the guides
        </summary>
        <div className="mt-3 flex flex-col gap-3">
          {props.more.map((question) => renderQuestion(question, true))}
        </div>
      </details>
      <p className="h-4 text-xs text-muted" aria-live="polite" data-testid="wizard-status">
        {pending ? "Updating the ranking…" : ""}
      </p>
    </form>
  );
}
