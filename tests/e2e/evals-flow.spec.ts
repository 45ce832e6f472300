import { expect, test } from "@playwright/test";
import { CalculatorPage } from "./pages/calculator-page";
import { EvalsPage } from "./pages/evals-page";
import { resetFake, setFakeScenario } from "./pages/playground-page";

const OPENAI = "openai/gpt-4o-mini";
const ANTHROPIC = "anthropic/claude-3-5-haiku-latest";
const DEMO = "demo/steady";
const MODELS = [OPENAI, ANTHROPIC, DEMO];
/** The keys pressed on the ten pairs: A better, B better, tie, both bad. */
const KEYS = ["a", "b", "t", "a", "x", "b", "a", "a", "t", "b"];

test.beforeEach(async ({ page }) => {
  await resetFake(page);
});

test("a set runs on three models, ten blind votes by keyboard rank them, and the run opens in the calculator", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setFakeScenario(page, "*", { ttftMs: 100, tokensPerSecond: 200, outputTokens: 20 });
  const evals = new EvalsPage(page);
  await evals.gotoList();
  // Four cases on three models: twelve pairs to vote on.
  await evals.createSet("Vote flow", [
    { prompt: "What is 17 + 25? Reply with the number only.", expected: "42", contains: "42" },
    { prompt: "What is 12 * 12? Reply with the number only.", expected: "144", contains: "144" },
    { prompt: "What is the capital of France?", expected: "Paris", contains: "Paris" },
    { prompt: "What is 7 * 8? Reply with the number only.", expected: "56", contains: "56" },
  ]);
  await evals.selectModels(MODELS);
  await evals.startRun();
  await evals.waitForStatus("done", 60_000);
  for (const model of MODELS)
    await expect(evals.progress(model).getByTestId("progress-count")).toHaveText("4 / 4");
  const runUrl = page.url();

  // Blind vote, by keyboard only: no model is named before a vote, both are after it.
  await page.getByTestId("run-vote-link").click();
  const revealed = new Set<string>();
  for (const [index, key] of KEYS.entries()) {
    await evals.waitForBlindPair(12 - index);
    for (const model of MODELS) await expect(page.getByTestId("vote-panel")).not.toContainText(model);
    await page.keyboard.press(key);
    await expect(page.getByTestId("vote-announcement")).toHaveText(
      /^Vote saved: .*Press N for the next pair\.$/,
    );
    const pair = [await evals.votedModel("a").textContent(), await evals.votedModel("b").textContent()];
    for (const model of pair) {
      expect(MODELS).toContain(model);
      revealed.add(model ?? "");
    }
    expect(pair[0]).not.toBe(pair[1]);
    await page.keyboard.press("n");
  }
  await evals.waitForBlindPair(2);
  expect(revealed).toEqual(new Set(MODELS));

  // The leaderboard, reached from the run: every model rated, each with its 95% interval.
  await page.goto(runUrl);
  await page.getByTestId("run-leaderboard-link").click();
  await expect(page.getByTestId("leaderboard-row")).toHaveCount(3);
  const counts = { W: 0, L: 0, T: 0, "✗": 0 };
  const boardRatings = new Map<string, string>();
  for (const model of MODELS) {
    const row = evals.leaderboardRow(model);
    const cell = row.getByTestId("leaderboard-rating");
    const interval = (await cell.locator("span").textContent()) ?? "";
    expect(interval).toMatch(/^\d+–\d+$/);
    const [low, high] = interval.split("–").map(Number);
    const rating = Number((await cell.textContent())?.slice(0, -interval.length));
    expect(low).toBeLessThanOrEqual(rating);
    expect(rating).toBeLessThanOrEqual(high ?? Number.NaN);
    expect(low).toBeLessThan(high ?? Number.NaN);
    boardRatings.set(model, `${rating} \\(${low}–${high}`);
    await expect(row.getByRole("img", { name: `95% interval ${low} to ${high}` })).toBeVisible();
    const tally = (await row.textContent())?.match(/(\d+) W · (\d+) L · (\d+) T · (\d+) ✗/);
    expect(tally).not.toBeNull();
    counts.W += Number(tally?.[1]);
    counts.L += Number(tally?.[2]);
    counts.T += Number(tally?.[3]);
    counts["✗"] += Number(tally?.[4]);
  }
  // Seven votes for a side, two ties and one "both bad", each seen from both of its models.
  expect(counts).toEqual({ W: 7, L: 7, T: 4, "✗": 2 });

  // "Use in calculator": one workload with the tokens the run measured for its two priced models (the
  // simulated model mirrors one of them, whose real answers count instead), and the run's pass rates
  // as the quality bar.
  // The run's summary rates each model from the same votes (the set has only this run).
  await page.goto(runUrl);
  for (const model of MODELS)
    await expect(
      page.locator(`[data-testid="summary-row"][data-model="${model}"]`).getByTestId("summary-vote-rating"),
    ).toHaveText(new RegExp(`^${boardRatings.get(model)}, n=\\d+\\)$`));
  await page.getByTestId("use-in-calculator").click();
  await expect(page).toHaveURL(/\/calculator\?s=/);
  const calculator = new CalculatorPage(page);
  await calculator.waitForEstimate();
  await expect(calculator.workloads).toHaveCount(1);
  await expect(calculator.workload(0).getByTestId("workload-name")).toHaveValue("Eval: Vote flow");
  await expect(page.getByTestId("quality-bar-source")).toHaveValue("eval");
  await expect(page.getByTestId("quality-bar-eval-run")).toContainText(`${OPENAI} `);
  await expect(calculator.workload(0).getByTestId("section-measured")).toContainText("(2 models)");
  await expect(calculator.rows).toHaveCount(2);
  for (const model of [OPENAI, ANTHROPIC])
    await expect(page.locator(`[data-testid="result-row"][data-model-id="${model}"]`)).toBeVisible();
});
