"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ModelSelect } from "@/components/playground/model-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-class";
import { Select } from "@/components/ui/select";
import { fetchJson } from "@/lib/api-client";
import { formatDate, formatTokens, formatUsd } from "@/lib/format";
import type { PlaygroundModelList } from "@/lib/playground/models";
import type { RunEstimate } from "./eval-types";

/** Picks 1–6 models, a cap and a judge; shows what the run can cost at most before it starts. */
export function RunLauncher({ setId, defaultModels = [] }: { setId: string; defaultModels?: string[] }) {
  const router = useRouter();
  const [catalog, setCatalog] = useState<PlaygroundModelList | null>(null);
  const [models, setModels] = useState<string[]>(defaultModels);
  const [judge, setJudge] = useState("");
  const [maxOutputTokens, setMaxOutputTokens] = useState(512);
  const [maxCostUsd, setMaxCostUsd] = useState("");
  const [estimate, setEstimate] = useState<RunEstimate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    fetchJson<PlaygroundModelList>("/api/playground/models")
      .then(setCatalog)
      .catch((failure: Error) => setError(failure.message));
  }, []);

  const body = JSON.stringify({
    models,
    maxOutputTokens,
    ...(maxCostUsd.trim() ? { maxCostUsd: maxCostUsd.trim() } : {}),
    ...(judge ? { judge } : {}),
  });

  useEffect(() => {
    if (models.length === 0) {
      setEstimate(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      fetchJson<{ estimate: RunEstimate }>(`/api/evals/${setId}/estimate`, { method: "POST", body })
        .then((answer) => {
          if (!current) return;
          setEstimate(answer.estimate);
          setError(null);
        })
        .catch((failure: Error) => current && setError(failure.message));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body, models.length, setId]);

  const start = async () => {
    setStarting(true);
    try {
      const { runId } = await fetchJson<{ runId: string }>(`/api/evals/${setId}/runs`, {
        method: "POST",
        body,
      });
      router.push(`/evals/runs/${runId}`);
    } catch (failure) {
      setError((failure as Error).message);
      setStarting(false);
    }
  };

  const rows = estimate
    ? [...estimate.models, ...(estimate.judge ? [{ ...estimate.judge, judge: true }] : [])]
    : [];
  return (
    <Card className="space-y-3" data-testid="run-launcher">
      <h2 className="font-semibold">Run this set</h2>
      {catalog ? (
        <ModelSelect models={catalog.models} selected={models} onChange={setModels} />
      ) : (
        <p className="text-sm text-muted">Loading models…</p>
      )}
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block text-xs text-muted">Max output tokens</span>
          <input
            type="number"
            min={1}
            value={maxOutputTokens}
            onChange={(event) => setMaxOutputTokens(Math.max(1, Number(event.target.value) || 1))}
            className={`${controlClass} w-28`}
            data-testid="max-output-tokens"
          />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-muted">Cost cap (USD, optional)</span>
          <input
            inputMode="decimal"
            placeholder="e.g. 2.50"
            value={maxCostUsd}
            onChange={(event) => setMaxCostUsd(event.target.value)}
            className={`${controlClass} w-28`}
            data-testid="cost-cap"
          />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-muted">Judge for llm-rubric (optional)</span>
          <Select
            value={judge}
            onChange={(event) => setJudge(event.target.value)}
            className="max-w-64"
            data-testid="judge-select"
          >
            <option value="">No judge</option>
            {catalog?.models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="estimate-table">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">Model</th>
                <th className="py-1 pr-3 font-medium">Calls</th>
                <th className="py-1 pr-3 font-medium">Input tokens</th>
                <th className="py-1 pr-3 font-medium">Max output tokens</th>
                <th className="py-1 font-medium">Cost at most</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.model}${"judge" in row ? "-judge" : ""}`}
                  className="border-t border-zinc-100 dark:border-zinc-800"
                  data-testid="estimate-row"
                >
                  <td className="py-1 pr-3">
                    {row.model}
                    {"judge" in row ? <span className="ml-1 text-xs text-muted">(judge)</span> : null}
                    {row.simulated ? (
                      <span className="ml-1 text-xs text-violet-600 dark:text-violet-300">Simulated</span>
                    ) : null}
                  </td>
                  <td className="py-1 pr-3 tabular-nums">{row.calls}</td>
                  <td className="py-1 pr-3 tabular-nums">{formatTokens(row.inputTokens)}</td>
                  <td className="py-1 pr-3 tabular-nums">{formatTokens(row.maxOutputTokens)}</td>
                  <td className="py-1 tabular-nums" data-testid="estimate-cost">
                    {row.costUsd === null ? "unknown (no price)" : formatUsd(row.costUsd)}
                    {row.priceSource ? (
                      <span className="ml-1 text-xs text-muted" data-testid="estimate-price-source">
                        ({row.priceSource}, {formatDate(row.priceAsOf)})
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
              <tr className="border-t border-zinc-300 font-medium dark:border-zinc-700">
                <td className="py-1 pr-3" colSpan={4}>
                  Total
                </td>
                <td className="py-1 tabular-nums" data-testid="estimate-total">
                  {estimate?.totalUsd === null ? "unknown" : formatUsd(estimate?.totalUsd)}
                </td>
              </tr>
            </tbody>
          </table>
          <p className="mt-1 text-xs text-muted">
            Prompts counted with each model&apos;s tokenizer, every answer at the max output tokens, at the
            catalog price in effect today (its source and date beside it). Simulated models are priced like
            the model they mirror; nothing is billed.
          </p>
        </div>
      ) : null}
      {error ? (
        <p className="text-sm text-rose-600" role="alert" data-testid="launcher-error">
          {error}
        </p>
      ) : null}
      <Button
        variant="primary"
        disabled={models.length === 0 || starting}
        onClick={start}
        data-testid="start-run"
      >
        Start run
      </Button>
    </Card>
  );
}
