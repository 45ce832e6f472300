import { selectModelSteps } from "./load-data";
import type { SelectModelStep } from "./types";

export interface SelectModelRequirements {
  costSensitive?: boolean;
  qualityThreshold?: "basic" | "good" | "best";
  taskType?: string;
  needsAudio?: boolean;
  contextLengthTokens?: number;
}

/** Runs the 2024 comparison's `select_model` as written: the first step whose conditions all hold wins. */
export function guideSelectModel(requirements: SelectModelRequirements): SelectModelStep {
  const holds = (condition: SelectModelStep["conditions"][number]) => {
    const actual = requirements[condition.field];
    if (condition.op === "gt") return typeof actual === "number" && actual > Number(condition.value);
    return actual === condition.value;
  };
  const step = selectModelSteps.find((candidate) => candidate.conditions.every(holds));
  if (!step) throw new Error("select_model has no default step");
  return step;
}
