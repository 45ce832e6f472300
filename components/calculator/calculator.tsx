"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { SCENARIO_PARAM } from "@/lib/calculator/scenario-url";
import type { EstimateRequest, Workload } from "@/lib/calculator/schema";
import { AppError } from "@/lib/errors";
import { formatInteger } from "@/lib/format";
import { isDemoModelId } from "@/lib/providers/demo-models";
import { ResultsPanel } from "./results-panel";
import { ScenarioBar } from "./scenario-bar";
import {
  blankWorkload,
  type CalculatorPresetOption,
  canAddWorkload,
  defaultScenario,
  presetRangeText,
  presetSourceLabel,
  requestsPerMonthOf,
  uniqueWorkloadName,
  volumeOf,
  workloadFromPreset,
} from "./scenario-state";
import { useEstimate } from "./use-calculator-api";
import { useRowKeys } from "./use-row-keys";
import { useScenario } from "./use-scenario";
import { WorkloadCard } from "./workload-card";

/** API field errors ("workloads.1.routing") for one workload, and the ones that belong to none. */
function splitFieldErrors(
  error: unknown,
  count: number,
): { perWorkload: string[][]; general: string | null } {
  const perWorkload: string[][] = Array.from({ length: count }, () => []);
  if (!error) return { perWorkload, general: null };
  const fieldErrors =
    error instanceof AppError
      ? (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors
      : undefined;
  let placed = false;
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    const match = /^workloads\.(\d+)\./.exec(field);
    const list = match ? perWorkload[Number(match[1])] : undefined;
    if (list) {
      list.push(...messages);
      placed = true;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { perWorkload, general: placed ? `Fix the workload marked below. ${message}` : message };
}

export function Calculator({
  presets,
  initialScenarioParam,
  highlightModels,
}: {
  presets: readonly CalculatorPresetOption[];
  initialScenarioParam: string | null;
  highlightModels: readonly string[];
}) {
  const makeDefault = useCallback(() => defaultScenario(presets), [presets]);
  const { state, setState, encoded, linkBroken } = useScenario(initialScenarioParam, makeDefault);
  const estimate = useEstimate(state && state.workloads.length > 0 ? state : null);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const highlighted = useMemo(() => new Set(highlightModels), [highlightModels]);
  const data = estimate.data;
  const knownModels = useMemo(
    () =>
      data ? new Set([...data.results, ...data.unpriced, ...data.excluded].map((item) => item.model)) : null,
    [data],
  );
  const isCatalogModel = useCallback(
    (id: string) => (knownModels ? knownModels.has(id) : id.includes("/") && !isDemoModelId(id)),
    [knownModels],
  );

  // Cards keep state of their own (pasted text, open sections), so their keys follow the workloads.
  const cardKeys = useRowKeys(state?.workloads.length ?? 0);

  if (!state) return <p className="text-sm text-muted">Opening the shared scenario…</p>;

  const patchState = (patch: Partial<EstimateRequest>) => setState({ ...state, ...patch });
  const setWorkload = (index: number, workload: Workload) =>
    patchState({ workloads: state.workloads.map((item, at) => (at === index ? workload : item)) });
  const addWorkload = (workload: Workload) =>
    patchState({
      workloads: [
        ...state.workloads,
        { ...workload, name: uniqueWorkloadName(workload.name, state.workloads) },
      ],
    });

  const { perWorkload, general } = splitFieldErrors(estimate.error, state.workloads.length);
  const shareParams = new URLSearchParams();
  if (encoded) shareParams.set(SCENARIO_PARAM, encoded);
  if (highlightModels.length > 0) shareParams.set("models", highlightModels.join(","));
  const shareUrl = `${origin}/calculator?${shareParams.toString()}`;
  const explanations = !estimate.pending ? data?.requestsPerMonth : undefined;
  const totalRequests = state.workloads.reduce(
    (sum, workload) => sum + requestsPerMonthOf(volumeOf(workload)),
    0,
  );

  return (
    <div className="space-y-4">
      {linkBroken ? (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
          The scenario in this link could not be read, so the calculator starts from the example.
        </p>
      ) : null}
      <ScenarioBar state={state} shareUrl={shareUrl} onOpen={(scenario) => setState(scenario.state)} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <section className="min-w-0 space-y-3" aria-label="Workloads">
          <div className="flex items-baseline justify-between gap-2">
            <h2 className="font-semibold">Workloads</h2>
            <span className="text-xs text-muted">
              {formatInteger(Math.round(totalRequests))} requests / month in all
            </span>
          </div>
          {state.workloads.map((workload, index) => (
            <WorkloadCard
              key={cardKeys.keyOf(index)}
              workload={workload}
              index={index}
              preset={presets.find((preset) => preset.id === workload.preset)}
              explanation={explanations?.[index]?.explanation}
              errors={perWorkload[index] ?? []}
              isCatalogModel={isCatalogModel}
              onChange={(next) => setWorkload(index, next)}
              onRemove={() => {
                cardKeys.remove(index);
                patchState({ workloads: state.workloads.filter((_, at) => at !== index) });
              }}
            />
          ))}
          {state.workloads.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-muted dark:border-zinc-700">
              Add a workload from a typical use case below, or start blank.
            </p>
          ) : null}
          {canAddWorkload(state) ? (
            <div className="space-y-1.5">
              <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Add a workload</p>
              <div className="flex flex-wrap gap-1.5">
                {presets.map((preset) => (
                  <Button
                    size="xs"
                    key={preset.id}
                    data-testid={`add-preset-${preset.id}`}
                    title={`${presetRangeText(preset)} (${presetSourceLabel(preset)})`}
                    onClick={() => addWorkload(workloadFromPreset(preset))}
                  >
                    + {preset.name}
                  </Button>
                ))}
                <Button
                  size="xs"
                  data-testid="add-workload"
                  onClick={() => addWorkload(blankWorkload("Workload"))}
                >
                  + Blank
                </Button>
              </div>
            </div>
          ) : null}
        </section>
        <section className="min-w-0" aria-label="Estimate">
          {state.workloads.length === 0 ? (
            <p className="py-10 text-center text-sm text-muted">
              Add a workload to see what it costs on every model.
            </p>
          ) : (
            <ResultsPanel
              state={state}
              estimate={data}
              pending={estimate.pending}
              error={general}
              highlighted={highlighted}
              onChange={patchState}
            />
          )}
        </section>
      </div>
    </div>
  );
}
