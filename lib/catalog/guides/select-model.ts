import { ref } from "./models";
import { cite } from "./sources";
import type { SelectModelStep } from "./types";

// Seed 002's `select_model`, branch by branch. Order matters: the first matching step wins, and a
// cost-sensitive request with another quality threshold falls through to the later branches.
export const selectModelSteps: readonly SelectModelStep[] = [
  {
    id: "s002-select-1",
    order: 1,
    conditions: [
      { field: "costSensitive", op: "eq", value: true },
      { field: "qualityThreshold", op: "eq", value: "basic" },
    ],
    returns: ref("gpt-4o-mini", "gpt-4o-mini"),
    ...cite("seed-002", 'if requirements.quality_threshold == "basic":\nreturn "gpt-4o-mini"'),
  },
  {
    id: "s002-select-2",
    order: 2,
    conditions: [
      { field: "costSensitive", op: "eq", value: true },
      { field: "qualityThreshold", op: "eq", value: "good" },
    ],
    returns: ref("claude-3-haiku", "claude-3-haiku"),
    ...cite("seed-002", 'elif requirements.quality_threshold == "good":\nreturn "claude-3-haiku"'),
  },
  {
    id: "s002-select-3",
    order: 3,
    conditions: [{ field: "taskType", op: "eq", value: "coding" }],
    returns: ref("claude-3-5-sonnet", "claude-3-5-sonnet"),
    ...cite("seed-002", 'if requirements.task_type == "coding":\nreturn "claude-3-5-sonnet"'),
  },
  {
    id: "s002-select-4",
    order: 4,
    conditions: [{ field: "needsAudio", op: "eq", value: true }],
    returns: ref("gpt-4o", "gpt-4o"),
    ...cite("seed-002", 'if requirements.needs_audio:\nreturn "gpt-4o"'),
  },
  {
    id: "s002-select-5",
    order: 5,
    conditions: [{ field: "contextLengthTokens", op: "gt", value: 200_000 }],
    returns: ref("gemini-1.5-pro", "gemini-1.5-pro"),
    ...cite("seed-002", 'if requirements.context_length > 200000:\nreturn "gemini-1.5-pro"'),
  },
  {
    id: "s002-select-6",
    order: 6,
    conditions: [{ field: "qualityThreshold", op: "eq", value: "best" }],
    returns: ref("claude-3-5-sonnet", "claude-3-5-sonnet"),
    ...cite("seed-002", 'if requirements.quality_threshold == "best":\nreturn "claude-3-5-sonnet"'),
  },
  {
    id: "s002-select-default",
    order: 7,
    conditions: [],
    returns: ref("gpt-4o", "gpt-4o"),
    ...cite("seed-002", '# Default balanced choice\nreturn "gpt-4o"'),
  },
];

export interface SelectModelRequirements {
  costSensitive?: boolean;
  qualityThreshold?: "basic" | "good" | "best";
  taskType?: string;
  needsAudio?: boolean;
  contextLengthTokens?: number;
}

/** Runs seed 002's `select_model` as written: the first step whose conditions all hold wins. */
export function seedSelectModel(requirements: SelectModelRequirements): SelectModelStep {
  const holds = (condition: SelectModelStep["conditions"][number]) => {
    const actual = requirements[condition.field];
    if (condition.op === "gt") return typeof actual === "number" && actual > Number(condition.value);
    return actual === condition.value;
  };
  const step = selectModelSteps.find((candidate) => candidate.conditions.every(holds));
  if (!step) throw new Error("select_model has no default step");
  return step;
}
