"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { describeJudgeVerdict, type StoredJudgeVerdict } from "@/lib/evals/grade/judge";
import type { AssertionResult } from "@/lib/evals/schema";
import { formatMs, formatTokens, formatUsd } from "@/lib/format";
import { AnswerDiff } from "./answer-diff";
import type { RunCaseJson } from "./eval-types";

interface JudgeRecord {
  model: string;
  verdicts: (StoredJudgeVerdict & { rubric: string; reasoning: string; error: string | null })[];
}

/** One answer in full: its assertions, the judge's verdict, its numbers, and a diff against another model. */
export function AnswerDetail({
  item,
  model,
  models,
}: {
  item: RunCaseJson;
  model: string;
  models: string[];
}) {
  const others = models.filter((other) => other !== model && item.results[other]);
  const [against, setAgainst] = useState(others[0] ?? "");
  const result = item.results[model];
  if (!result) return null;
  const judge = result.judge as JudgeRecord | null;
  const compare = item.results[against];
  return (
    <Card className="space-y-3" data-testid="answer-detail">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          Case #{item.position + 1} · {model}
          {result.simulated ? (
            <span className="ml-2 text-xs text-violet-600 dark:text-violet-300">Simulated</span>
          ) : null}
        </h2>
        <span className="text-xs text-muted tabular-nums">
          {formatTokens(result.inputTokens)} in / {formatTokens(result.outputTokens)} out
          {result.estimated ? " (counted here)" : ""} · {formatUsd(result.costUsd)} · TTFT{" "}
          {formatMs(result.ttftMs)} · total {formatMs(result.totalMs)}
        </span>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{item.prompt}</p>
      {item.expected ? <p className="text-xs text-muted">Expected: {item.expected}</p> : null}
      {result.errorMessage ? <p className="text-sm text-rose-600">{result.errorMessage}</p> : null}
      <pre
        className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 text-sm whitespace-pre-wrap dark:bg-zinc-950"
        data-testid="answer-output"
      >
        {result.output || "(no text)"}
      </pre>
      <ul className="space-y-1 text-sm" data-testid="assertion-results">
        {(result.assertions as AssertionResult[]).map((assertion, index) => (
          <li key={index} className="flex gap-2">
            <span
              className={
                assertion.pass === null
                  ? "text-muted"
                  : assertion.pass
                    ? "text-emerald-700 dark:text-emerald-400"
                    : "text-rose-600"
              }
            >
              {assertion.pass === null ? "–" : assertion.pass ? "✓" : "✗"}
            </span>
            <span className="font-mono text-xs">{assertion.type}</span>
            <span className="text-zinc-600 dark:text-zinc-400">{assertion.reason}</span>
          </li>
        ))}
      </ul>
      {judge ? (
        <div className="space-y-1 text-sm" data-testid="judge-verdict">
          <h3 className="font-medium">
            Judge: {judge.model} ({formatUsd(result.judgeCostUsd)})
          </h3>
          {judge.verdicts.map((verdict, index) => {
            const said = describeJudgeVerdict(verdict);
            return (
              <p key={index} className="text-zinc-600 dark:text-zinc-400">
                <span className="font-medium">{said.verdict}</span>
                {said.detail}: {verdict.error ?? verdict.reasoning}
              </p>
            );
          })}
        </div>
      ) : null}
      {others.length > 0 && compare ? (
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            Diff against
            <Select
              value={against}
              onChange={(event) => setAgainst(event.target.value)}
              data-testid="diff-against"
            >
              {others.map((other) => (
                <option key={other}>{other}</option>
              ))}
            </Select>
          </label>
          <AnswerDiff left={result.output} right={compare.output} />
        </div>
      ) : null}
    </Card>
  );
}
