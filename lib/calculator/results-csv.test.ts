import { describe, expect, it } from "vitest";
import { resultsToCsv } from "./results-csv";
import type { ModelEstimate } from "./schema";

const row: ModelEstimate = {
  model: "openai/gpt-x",
  name: "GPT X",
  provider: "openai",
  monthlyUsd: "4.5",
  yearlyUsd: "54",
  perMemberUsd: null,
  fitsBudget: null,
  workloads: [],
};

describe("resultsToCsv", () => {
  it("adds the score, its citation and Aider's cost per solved task only under a quality bar", () => {
    expect(resultsToCsv([row], []).split("\n")[0]).not.toContain("quality");
    const csv = resultsToCsv(
      [
        {
          ...row,
          quality: { value: 61.3, citation: "Aider polyglot 61.3% (2025-10-04)", url: null },
          aiderCost: {
            runCostUsd: "26.58",
            tasks: 225,
            solvedTasks: 138,
            perTaskUsd: "0.118133333333",
            perSolvedTaskUsd: "0.192608695652",
            modelTested: "gpt-x",
            sourceDate: "2025-10-04",
            url: null,
          },
        },
      ],
      [],
    ).split("\n");
    expect(csv[0]).toBe(
      "model,name,provider,monthly_usd,yearly_usd,per_member_monthly_usd,fits_budget,quality_score,quality_citation,aider_usd_per_solved_task,aider_run_date",
    );
    expect(csv[1]).toBe(
      "openai/gpt-x,GPT X,openai,4.5,54,,,61.3,Aider polyglot 61.3% (2025-10-04),0.192608695652,2025-10-04",
    );
  });
});
