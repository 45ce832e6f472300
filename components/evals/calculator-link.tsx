"use client";

import { useEffect, useMemo, useState } from "react";
import { NumberInput } from "@/components/calculator/field";
import { Card } from "@/components/ui/card";
import { encodeScenario, SCENARIO_PARAM } from "@/lib/calculator/scenario-url";
import { evalDecision, evalScenario, startingBar } from "@/lib/evals/decision";
import type { ModelSummary } from "@/lib/evals/summary";
import { formatUsd } from "@/lib/format";

/**
 * The decision a run supports: a pass-rate bar the team chooses, the models that meet it (cheapest
 * per answer first), the routing mix the guides describe, and "Use in calculator", which carries the
 * measured tokens, the bar and the mix to the calculator to price at the team's volume.
 */
export function CalculatorLink({
  summary,
  run,
}: {
  summary: ModelSummary[];
  run: { id: string; setName: string; date: string };
}) {
  // undefined: not touched yet (the starting bar); null: the field is empty while being retyped.
  const [bar, setBar] = useState<number | null | undefined>(undefined);
  const start = startingBar(summary);
  // An empty field means no bar yet: nothing is suggested and nothing is carried to the calculator.
  const barPercent = bar === undefined ? start : bar;
  const decision = useMemo(() => evalDecision(summary, barPercent ?? 0), [summary, barPercent]);
  const [href, setHref] = useState<string | null>(null);
  const scenario = useMemo(
    () => JSON.stringify(barPercent === null ? null : evalScenario(run, summary, barPercent)),
    [run, summary, barPercent],
  );
  useEffect(() => {
    // The link of the bar before is not followed while the new one is being made.
    setHref(null);
    const state = JSON.parse(scenario);
    if (!state) return;
    let live = true;
    void encodeScenario(state).then((encoded) => {
      if (live) setHref(`/calculator?${SCENARIO_PARAM}=${encoded}`);
    });
    return () => {
      live = false;
    };
  }, [scenario]);
  if (decision.candidates.length === 0 && decision.unpriced.length === 0) return null;
  const name = (model: { model: string; simulatedBy: string | null }) =>
    model.simulatedBy ? `${model.model} (as ${model.simulatedBy})` : model.model;
  const cheapest = decision.meeting[0];

  return (
    <Card className="space-y-2" data-testid="eval-decision">
      <div className="flex flex-wrap items-end gap-3">
        <h2 className="text-base font-semibold">Decide</h2>
        <span className="flex items-center gap-2 text-sm">
          Quality bar: pass rate at least
          <span className="w-20">
            <NumberInput
              testId="decision-bar"
              ariaLabel="Quality bar: lowest pass rate, in percent"
              max={100}
              value={bar === undefined ? start : bar}
              onChange={(value) => setBar(value === null ? null : Math.min(100, Math.max(0, value)))}
            />
          </span>
          %
        </span>
        <span className="flex-1" />
        {href ? (
          <a
            href={href}
            className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-300"
            data-testid="use-in-calculator"
          >
            Use in calculator →
          </a>
        ) : null}
      </div>
      <p className="text-sm" data-testid="decision-meeting">
        {decision.candidates.length === 0 ? (
          <>No model of this run has a known price, so there is nothing to price in the calculator.</>
        ) : barPercent === null ? (
          <>Enter the pass rate a model must reach.</>
        ) : cheapest ? (
          <>
            {decision.meeting.length} of {decision.candidates.length} priced models meet it; the cheapest per
            answer is <strong>{name(cheapest)}</strong> at {formatUsd(cheapest.meanCostUsd)} (
            {cheapest.passed} of {cheapest.graded} passed, {cheapest.passPercent}%).
          </>
        ) : (
          <>No priced model of this run meets it; the best passed {decision.strongest?.passPercent ?? 0}%.</>
        )}
        {decision.unpriced.length > 0 ? (
          <span className="text-muted" data-testid="decision-unpriced">
            {" "}
            Left out, no known price: {decision.unpriced.join(", ")}.
          </span>
        ) : null}
      </p>
      {barPercent !== null && decision.routing && decision.strongest ? (
        <p className="text-sm text-muted" data-testid="decision-routing">
          Suggested mix: {decision.routing[0]?.percent}% to{" "}
          {name(cheapest as (typeof decision.meeting)[number])}, {decision.routing[1]?.percent}% (the hard
          cases) to {name(decision.strongest)}, the strongest here ({decision.strongest.passPercent}%). The
          calculator prices it at your volume with its saving against sending everything to the dearer one.
        </p>
      ) : null}
      {decision.candidates.some((model) => model.simulatedBy) ? (
        <p className="text-xs text-violet-600 dark:text-violet-300">
          Simulated models are priced as the offerings they mirror; their pass rates are the simulation's.
        </p>
      ) : null}
    </Card>
  );
}
