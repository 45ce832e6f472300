import { DEMO_PROFILES, isDemoModelId } from "@/lib/providers/demo-models";
import type { SessionRuns } from "./use-calculator-api";

export interface MeasuredModel {
  /** The model as it ran in the playground. */
  sourceModel: string;
  /** The catalog model the estimate prices; a simulated model is priced as the one it mirrors. */
  catalogModel: string;
  simulated: boolean;
  samples: number;
  inputTokens: number;
  outputTokens: number;
}

const mirrorOf = new Map(DEMO_PROFILES.map((profile) => [profile.id, profile.mirrorsOfferingId]));

/**
 * Average input and output tokens per model over a session's successful answers. Models outside the
 * catalog (local, custom endpoints) have no price to apply the lengths to, so they are skipped.
 */
export function measureSession(
  session: SessionRuns,
  isCatalogModel: (id: string) => boolean,
): { measured: MeasuredModel[]; skipped: string[] } {
  const sums = new Map<string, { input: number; output: number; samples: number; simulated: boolean }>();
  for (const run of session.runs) {
    for (const result of run.results) {
      if (result.status !== "ok" || result.inputTokens === null || result.outputTokens === null) continue;
      const sum = sums.get(result.modelId) ?? {
        input: 0,
        output: 0,
        samples: 0,
        simulated: result.simulated,
      };
      sum.input += result.inputTokens;
      sum.output += result.outputTokens;
      sum.samples++;
      sums.set(result.modelId, sum);
    }
  }
  const measured: MeasuredModel[] = [];
  const skipped: string[] = [];
  for (const [model, sum] of sums) {
    const demo = isDemoModelId(model);
    const catalogModel = demo ? mirrorOf.get(model) : model;
    if (!catalogModel || !isCatalogModel(catalogModel)) {
      skipped.push(model);
      continue;
    }
    measured.push({
      sourceModel: model,
      catalogModel,
      simulated: demo || sum.simulated,
      samples: sum.samples,
      inputTokens: Math.round(sum.input / sum.samples),
      outputTokens: Math.round(sum.output / sum.samples),
    });
  }
  return { measured, skipped };
}
