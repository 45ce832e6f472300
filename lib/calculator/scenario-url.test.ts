import { describe, expect, it } from "vitest";
import { decodeScenario, encodeScenario, parseScenario } from "./scenario-url";
import type { EstimateRequest } from "./schema";

describe("scenario URL state", () => {
  const scenario: EstimateRequest = {
    workloads: [
      {
        name: "Support bot",
        preset: "customer-support-bot",
        inputTokens: 1000,
        outputTokens: 250,
        cachedInputShare: 0.4,
        volume: { mode: "team", teamSize: 12, requestsPerPersonPerDay: 40, workingDaysPerMonth: 21 },
        routing: [
          { model: "openai/gpt-4o-mini", percent: 70 },
          { model: "openai/gpt-4o", percent: 30 },
        ],
      },
      {
        name: "Nightly summaries",
        inputTokens: 5000,
        outputTokens: 350,
        cachedInputShare: 0,
        requestsPerMonth: 3000,
      },
    ],
    batch: false,
    includeDeprecated: false,
    budgetUsdPerMonth: 500,
  };

  it("round-trips a scenario through a short URL-safe parameter", async () => {
    const encoded = await encodeScenario(scenario);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(400);
    const decoded = await decodeScenario(encoded);
    expect(decoded?.workloads.map((workload) => workload.name)).toEqual(["Support bot", "Nightly summaries"]);
    expect(decoded?.workloads[0]?.routing).toEqual(scenario.workloads[0]?.routing);
    expect(decoded?.workloads[0]?.volume).toEqual(scenario.workloads[0]?.volume);
    expect(decoded?.budgetUsdPerMonth).toBe(500);
  });

  it("carries the quality bar in the link", async () => {
    const decoded = await decodeScenario(
      await encodeScenario({ ...scenario, qualityBar: { source: "aider", min: 60 } }),
    );
    expect(decoded?.qualityBar).toEqual({ source: "aider", min: 60 });
  });

  it("keeps the scenario but drops a half-typed bar outside the source's scale", () => {
    const restored = parseScenario({ ...scenario, qualityBar: { source: "aider", min: 600 } });
    expect(restored?.workloads).toHaveLength(2);
    expect(restored?.qualityBar).toBeNull();
  });

  const evalRun = {
    runId: "260a239c-9be0-4ebe-94e1-d92dfb68f566",
    setName: "Support replies",
    date: "2026-12-05",
    passRates: [{ model: "openai/gpt-4o-mini", passed: 17, graded: 20, simulatedBy: null }],
  };

  it("carries an eval run's pass rates with its bar in the link", async () => {
    const decoded = await decodeScenario(
      await encodeScenario({ ...scenario, qualityBar: { source: "eval", min: 80 }, evalRun }),
    );
    expect(decoded?.qualityBar).toEqual({ source: "eval", min: 80 });
    expect(decoded?.evalRun?.passRates).toEqual([{ model: "openai/gpt-4o-mini", passed: 17, graded: 20 }]);
  });

  it("keeps the scenario but drops eval evidence that no longer reads, with the eval bar resting on it", () => {
    const damaged = { ...evalRun, passRates: [{ model: "openai/gpt-4o-mini", passed: 21, graded: 20 }] };
    const restored = parseScenario({
      ...scenario,
      qualityBar: { source: "eval", min: 80 },
      evalRun: damaged,
    });
    expect(restored?.workloads).toHaveLength(2);
    expect(restored?.evalRun).toBeNull();
    expect(restored?.qualityBar).toBeNull();
    // A bar on another source stays.
    const other = parseScenario({ ...scenario, qualityBar: { source: "aider", min: 60 }, evalRun: damaged });
    expect(other?.qualityBar).toEqual({ source: "aider", min: 60 });
  });

  it("returns null for a damaged parameter instead of throwing", async () => {
    expect(await decodeScenario("not-a-real-scenario")).toBeNull();
  });
});
