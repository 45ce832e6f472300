import { expect, test } from "@playwright/test";
import { EvalsPage } from "./pages/evals-page";
import { resetFake, setFakeScenario } from "./pages/playground-page";

const DEMO = "demo/swift";
const OPENAI = "openai/gpt-4o-mini";

test.beforeEach(async ({ page }) => {
  await resetFake(page);
});

test("a set made in the editor runs on a simulated and a fake-upstream model, with progress and the matrix", async ({
  page,
}) => {
  // The fake upstream answers with generated text, so its answers miss the expected numbers.
  await setFakeScenario(page, "*", { ttftMs: 400, tokensPerSecond: 40, outputTokens: 30 });
  const evals = new EvalsPage(page);
  await evals.gotoList();
  await evals.createSet("Arithmetic checks", [
    { prompt: "What is 17 + 25? Reply with the number only.", expected: "42", contains: "42" },
    { prompt: "What is 12 * 12? Reply with the number only.", expected: "144", contains: "144" },
    { prompt: "What is 7 * 8? Reply with the number only.", expected: "56", contains: "56" },
  ]);

  await evals.selectModels([DEMO, OPENAI]);
  await expect(evals.estimateRows).toHaveCount(2);
  await expect(page.getByTestId("estimate-total")).toHaveText(/^\$0\.0/);
  await evals.startRun();

  // Progress while it works, then every case answered by both models.
  await expect(evals.progress(OPENAI)).toBeVisible();
  await evals.waitForStatus("done");
  await expect(evals.progress(OPENAI).getByTestId("progress-count")).toHaveText("3 / 3");
  await expect(evals.progress(DEMO).getByTestId("progress-count")).toHaveText("3 / 3");
  await expect(page.getByTestId("matrix-row")).toHaveCount(3);
  await expect(evals.cells(OPENAI)).toHaveCount(3);
  for (const cell of await evals.cells(OPENAI).all())
    await expect(cell).toHaveAttribute("data-pass", "false");
  await expect(
    page.locator(`[data-testid="summary-row"][data-model="${DEMO}"]`).getByTestId("simulated-label"),
  ).toBeVisible();
  // Every cost names the price it was billed at and that price's date.
  await expect(
    page.locator(`[data-testid="summary-row"][data-model="${OPENAI}"]`).getByTestId("summary-price-source"),
  ).toHaveText(/^\S+, \w{3} \d{1,2}, \d{4}$/);
  await expect(
    page.locator(`[data-testid="summary-row"][data-model="${OPENAI}"]`).getByTestId("summary-pass-rate"),
  ).toHaveText(/^0\.0%/);

  // An answer in full, with its assertions and a diff against the other model.
  await evals.cells(DEMO).first().click();
  await expect(page.getByTestId("answer-detail")).toBeVisible();
  await expect(page.getByTestId("assertion-results")).toContainText("contains");
  await expect(page.getByTestId("answer-diff")).toBeVisible();

  await page.getByTestId("filter-failures").click();
  await expect(page.getByTestId("matrix-count")).toHaveText("3 of 3 cases");
  await expect(page.getByTestId("use-in-calculator")).toHaveAttribute("href", /^\/calculator\?s=/);
  // The run says what it ran: the set, its version, when, the output limit and the judge.
  await expect(page.getByTestId("run-facts")).toHaveText(
    /^“Arithmetic checks” \(version 1\) · started \w{3} \d{1,2}, \d{4}, .+, ended .+ · up to [\d,]+ output tokens an answer · no judge$/,
  );

  // Deleting the set asks first, then takes its runs with it.
  const runId = new URL(page.url()).pathname.split("/").at(-1) as string;
  await page.getByRole("link", { name: "Back to the set" }).click();
  await expect(page.getByTestId("page-title")).toHaveText("Arithmetic checks");
  const setId = new URL(page.url()).pathname.split("/").at(-1) as string;
  await page.getByTestId("set-delete").click();
  await expect(page.getByTestId("set-delete-ask")).toContainText("its 3 cases and its run with its answers");
  await page.getByTestId("set-delete-confirm").click();
  await expect(page).toHaveURL(/\/evals$/);
  await expect(page.locator(`a[href="/evals/${setId}"]`)).toHaveCount(0);
  expect((await page.request.get(`/api/evals/${setId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/evals/runs/${runId}`)).status()).toBe(404);
});

test("the demo set runs on the simulated models with a spread of pass rates, and a run can be cancelled", async ({
  page,
}) => {
  const evals = new EvalsPage(page);
  await evals.gotoList();
  await page.getByTestId("try-demo").click();
  await expect(page.getByTestId("selected-model")).toHaveCount(3);
  // A simulated model's chip says so once: its name already carries "(Simulated)".
  for (const chip of await page.getByTestId("selected-model").all())
    expect((await chip.textContent())?.match(/simulated/gi)).toHaveLength(1);
  // Every read of the run the page makes: whole (a page of cases) or following (afterResult).
  const reads: string[] = [];
  page.on("request", (sent) => {
    const url = new URL(sent.url());
    if (/^\/api\/evals\/runs\/[^/]+$/.test(url.pathname)) reads.push(url.search);
  });
  await evals.startRun();
  // While the run works, its answers appear in the matrix as they are written (the page asks only
  // for what is new), not all at once when it ends: the answered cells in view grow while it runs.
  const answered = page.locator('[data-testid="matrix-cell"]:not([data-pass="pending"])');
  const answeredWhileRunning = async () =>
    (await page.getByTestId("run-status").textContent()) === "running" ? await answered.count() : -1;
  await expect.poll(answeredWhileRunning, { timeout: 30_000 }).toBeGreaterThanOrEqual(0);
  const atFirst = await answered.count();
  await expect.poll(answeredWhileRunning, { timeout: 30_000 }).toBeGreaterThan(atFirst);
  await evals.waitForStatus("done", 45_000);
  // Read whole when opened and once more when it ended; in between, only what was new.
  const following = reads.filter((search) => search.includes("afterResult="));
  expect(following.length).toBeGreaterThanOrEqual(2);
  expect(reads.length - following.length).toBeLessThanOrEqual(3);
  expect(reads.at(-1)).not.toContain("afterResult=");
  const rates = await page.getByTestId("summary-pass-rate").allTextContents();
  const values = rates.map((text) => Number.parseFloat(text));
  expect(new Set(values).size).toBeGreaterThan(1);
  expect(values.some((value) => value > 0 && value < 100)).toBe(true);
  // The quality-against-cost plot (its script loads after the page's) draws the three models.
  await expect(page.getByTestId("quality-cost-chart").locator(".recharts-scatter-symbol")).toHaveCount(3);

  // Before any vote the set's leaderboard says so, and leads to voting on this run and back to the set.
  const runUrl = page.url();
  await page.getByTestId("run-leaderboard-link").click();
  await expect(page.getByTestId("leaderboard-empty")).toBeVisible();
  await page.getByTestId("leaderboard-vote-link").click();
  await expect(page).toHaveURL(`${runUrl}/vote`);
  await page.goBack();
  await page.getByTestId("leaderboard-set-link").click();
  await expect(page.getByRole("heading", { name: "Demo: facts, arithmetic and JSON" })).toBeVisible();
  await page.goto(runUrl);

  // The decision: at a 60% bar the cheapest good-enough model takes most traffic, the strongest the
  // rest; the calculator opens with the run's pass rates as its quality bar and prices that mix.
  await page.getByTestId("decision-bar").fill("60");
  await expect(page.getByTestId("decision-meeting")).toContainText("2 of 3 priced models meet it");
  await expect(page.getByTestId("decision-routing")).toContainText(
    "70% to openai/gpt-4o-mini (as demo/swift)",
  );
  await page.getByTestId("use-in-calculator").click();
  await expect(page).toHaveURL(/\/calculator\?s=/);
  await expect(page.getByTestId("quality-bar-source")).toHaveValue("eval");
  await expect(page.getByTestId("quality-bar-min")).toHaveValue("60");
  await expect(page.getByTestId("quality-bar-eval-run")).toContainText("Demo: facts, arithmetic and JSON");
  await expect(page.getByTestId("results-summary")).toContainText(
    "Cheapest paid meeting Eval pass rate ≥ 60: GPT-4o mini",
  );
  const savings = page.getByTestId("routing-result").getByTestId("routing-savings");
  await expect(savings).not.toHaveAttribute("data-usd", "");
  expect(Number(await savings.getAttribute("data-usd"))).toBeGreaterThan(0);
  await page.goto(runUrl);

  // Cancel: a second run of a slow fake-upstream model stops with its work left undone.
  await setFakeScenario(page, "*", { ttftMs: 2_000, tokensPerSecond: 5, outputTokens: 50 });
  await page.getByRole("link", { name: "Back to the set" }).click();
  await page.getByTestId("selected-model").first().waitFor();
  const chips = page.getByTestId("selected-model");
  while ((await chips.count()) > 0) await chips.first().getByRole("button").click();
  await evals.selectModels([OPENAI]);
  await evals.startRun();
  await page.getByTestId("cancel-run").click();
  await evals.waitForStatus("cancelled");
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the set editor, the run, the blind vote and the leaderboard fit the width", async ({ page }) => {
    const evals = new EvalsPage(page);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await evals.gotoList();
    await page.getByTestId("try-demo").click();
    // The editor's case rows, each with an assertion row (type, value, remove).
    await expect(page.getByTestId("assertion-row").first()).toBeVisible();
    expect(await overflow(), "horizontal overflow on the set page").toBeLessThanOrEqual(0);
    await evals.startRun();
    await evals.waitForStatus("done", 45_000);
    expect(await overflow(), "horizontal overflow on the run page").toBeLessThanOrEqual(0);
    const runUrl = page.url();
    await page.goto(`${runUrl}/vote`);
    await expect(page.getByRole("heading", { name: "Blind vote" })).toBeVisible();
    expect(await overflow(), "horizontal overflow on the vote page").toBeLessThanOrEqual(0);
    await page.goto(runUrl);
    await page.getByTestId("run-leaderboard-link").click();
    await expect(page.getByTestId("leaderboard-set-link")).toBeVisible();
    expect(await overflow(), "horizontal overflow on the leaderboard").toBeLessThanOrEqual(0);
  });
});
