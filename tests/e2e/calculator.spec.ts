import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { countCharacters, countTokens } from "../../lib/tokens";
import { mixedCorpus } from "../support/corpus";
import { CalculatorPage, toPicoUsd } from "./pages/calculator-page";
import { createSession } from "./pages/history-page";

test("two workloads from presets: sorted totals that equal the sum of their workloads", async ({
  page,
  request,
}) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  await calculator.removeAllWorkloads();
  await calculator.addPreset("customer-support-bot");
  await calculator.addPreset("document-summary");
  await expect(calculator.workload(0).getByTestId("workload-name")).toHaveValue("Customer support bot");
  await expect(calculator.workload(1).getByTestId("workload-preset")).toContainText(
    "TokenMix.ai beginner's guide, Apr 2026",
  );
  // The preset starts at its range's midpoint: 2,000–8,000 in, 200–500 out.
  await expect(calculator.workload(1).getByTestId("workload-input-tokens")).toHaveValue("5000");
  await expect(calculator.workload(1).getByTestId("workload-output-tokens")).toHaveValue("350");

  // Team volume: both the team inputs and the resulting requests a month are shown.
  const second = calculator.workload(1);
  await second.getByTestId("volume-mode-team").click();
  await second.getByTestId("team-size").fill("5");
  await second.getByTestId("requests-per-person").fill("4");
  await second.getByTestId("working-days").fill("20");
  await calculator.waitForEstimate();
  await expect(second.getByTestId("volume-explanation")).toHaveText(
    /5 people × 4 requests\/day × 20 days = 400 requests\/month/,
  );

  await expect(page.getByTestId("workload-column")).toHaveCount(2);
  const totals = await calculator.monthlyUsd();
  expect(totals.length).toBeGreaterThan(3);
  const sorted = [...totals].sort((a, b) =>
    toPicoUsd(a) < toPicoUsd(b) ? -1 : toPicoUsd(a) > toPicoUsd(b) ? 1 : 0,
  );
  expect(totals).toEqual(sorted);

  const firstRow = calculator.rows.first();
  const parts = await firstRow
    .getByTestId("result-workload-monthly")
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-usd") ?? ""));
  expect(parts).toHaveLength(2);
  const total = (await firstRow.getByTestId("result-monthly").getAttribute("data-usd")) ?? "";
  expect(parts.reduce((sum, part) => sum + toPicoUsd(part), 0n)).toBe(toPicoUsd(total));

  // The page shows the API's own exact figure for the same model.
  const modelId = (await firstRow.getAttribute("data-model-id")) ?? "";
  const api = await request.post("/api/estimate", {
    data: {
      workloads: [
        { name: "Customer support bot", inputTokens: 1000, outputTokens: 250, requestsPerMonth: 10_000 },
        {
          name: "Document summary",
          inputTokens: 5000,
          outputTokens: 350,
          volume: { mode: "team", teamSize: 5, requestsPerPersonPerDay: 4, workingDaysPerMonth: 20 },
        },
      ],
    },
  });
  const body = (await api.json()) as { results: { model: string; monthlyUsd: string }[] };
  expect(body.results.find((result) => result.model === modelId)?.monthlyUsd).toBe(total);

  // A budget marks the models that fit it.
  await page.getByTestId("budget-input").fill("1000");
  await calculator.waitForEstimate();
  await expect(firstRow.getByTestId("fits-budget")).toBeVisible();
  await expect(page.getByTestId("chart-top").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-stacked")).toBeVisible();
  await expect(page.getByTestId("chart-volume").locator(".recharts-line").first()).toBeVisible();

  // The CSV carries the same exact decimals as the table.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv.split("\n")[0]).toContain("Document summary: monthly_usd");
  expect(csv).toContain(`${modelId},`);
});

test("a quality bar makes the headline the cheapest model meeting it and lists unscored models apart", async ({
  page,
  request,
}) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  const summary = page.getByTestId("results-summary");
  await expect(summary).toContainText("Cheapest paid:");
  const unbarred = await summary.locator("strong").first().textContent();

  await calculator.setQualityBar("lmarena", 1400);
  await expect(summary).toContainText("Cheapest paid meeting LMArena text (style control) ≥ 1,400:");
  const barred = await summary.locator("strong").first().textContent();
  expect(barred).not.toBe(unbarred);
  // The headline cites the score it was held to, with its date.
  await expect(summary).toContainText(
    /\(LMArena text \(style control\) [\d,]+ ± \d+ \(\d{4}-\d{2}-\d{2}\)\)/,
  );
  const firstRow = calculator.rows.first();
  await expect(firstRow.getByTestId("result-quality")).toContainText(
    /LMArena text \(style control\) 1,4\d\d/,
  );

  // Priced models without an LMArena score are listed apart, with the reason, not silently dropped.
  const unscored = page.getByTestId("unscored-list");
  await expect(unscored).toContainText("No score — not compared");
  await unscored.locator("summary").click();
  await expect(unscored.getByTestId("unscored-list-item").first()).toContainText(
    "no score from LMArena text (style control) — not compared",
  );
  await expect(page.getByTestId("below-bar-list")).toBeVisible();

  // The API agrees on the headline model and refuses a bar off the source's scale.
  const modelId = (await firstRow.getAttribute("data-model-id")) ?? "";
  const workloads = [{ name: "Support bot", inputTokens: 1000, outputTokens: 250, requestsPerMonth: 10_000 }];
  const api = await request.post("/api/estimate", {
    data: { workloads, qualityBar: { source: "lmarena", min: 1400 } },
  });
  const body = (await api.json()) as { results: { model: string }[]; qualityBar: { unscored: unknown[] } };
  expect(body.results.map((result) => result.model)).toContain(modelId);
  expect(body.qualityBar.unscored.length).toBeGreaterThan(0);
  const bad = await request.post("/api/estimate", {
    data: { workloads, qualityBar: { source: "aider", min: 250 } },
  });
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain("min for Aider polyglot must be 0 to 100");

  // The bar is part of the scenario in the URL.
  await page.reload();
  await calculator.waitForEstimate();
  await expect(page.getByTestId("quality-bar-source")).toHaveValue("lmarena");
  await expect(page.getByTestId("quality-bar-min")).toHaveValue("1400");
  await expect(summary).toContainText(`${barred}`);

  // On Aider's bar, its published run cost is shown per solved task, with the run's date.
  await calculator.setQualityBar("aider", 70);
  await expect(summary).toContainText("Cheapest paid meeting Aider polyglot ≥ 70:");
  await expect(page.getByTestId("result-cost-per-solved").first()).toContainText(
    /^\$[\d.]+ \/ solved task · Aider run, \d+ of 225 solved, \d{4}-\d{2}-\d{2}$/,
  );
});

test("pasted text is counted with the real tokenizers and can set the input tokens", async ({ page }) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  const section = await calculator.pasteSample(0, "The quick brown fox jumps over the lazy dog.");
  await expect(section.getByTestId("token-count-o200k")).toHaveText("10");
  await expect(section.getByTestId("token-count-cl100k")).toHaveText("10");
  await expect(section.getByTestId("token-ratio")).toContainText("tokens / word");
  await section.getByTestId("use-as-input").click();
  await expect(calculator.workload(0).getByTestId("workload-input-tokens")).toHaveValue("10");

  // The language note comes from the real counts: Japanese needs more tokens per character here.
  await section.getByTestId("sample-japanese").click();
  await expect(section.getByTestId("token-counter")).toHaveAttribute("data-pending", "false");
  await expect(section.getByTestId("token-count-o200k")).not.toHaveText("10");
});

test("a large clipboard paste replaces the selection, is counted exactly, and can be cleared", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  const section = await calculator.pasteSample(0, "Before SELECTED after");
  const box = section.getByTestId("sample-text");
  // Select "SELECTED" and paste a 60,000-character text with Windows line breaks over it with the
  // keyboard, as a person would.
  const pasted = mixedCorpus(60_000, 7).replaceAll(". ", ".\r\n");
  expect(pasted).toContain("\r\n");
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await box.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(7, 15));
  await page.keyboard.press("ControlOrMeta+V");

  // The box keeps \n line breaks only, as the browser's own paste would, and the caret ends after the paste.
  const inserted = pasted.replaceAll("\r\n", "\n");
  const expected = `Before ${inserted} after`;
  await expect(section.getByTestId("large-paste-note")).toBeVisible();
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.value)).toBe(expected);
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe(
    7 + inserted.length,
  );
  await expect(section.getByTestId("token-counter")).toHaveAttribute("data-pending", "false");
  await expect(section.getByTestId("token-count-o200k")).toHaveText(
    (await countTokens(expected, "o200k_base")).toLocaleString("en-US"),
  );
  await expect(section.getByTestId("token-count-cl100k")).toHaveText(
    (await countTokens(expected, "cl100k_base")).toLocaleString("en-US"),
  );
  // What was counted is what the box shows: no \r left in the counted text either.
  await expect(section.getByTestId("token-count-characters")).toHaveText(
    countCharacters(expected).toLocaleString("en-US"),
  );

  await section.getByTestId("clear-sample").click();
  await expect(box).toHaveValue("");
  await expect(section.getByTestId("large-paste-note")).toHaveCount(0);

  // A small paste is left to the browser, so undo takes it back, and no note is shown.
  await box.fill("kept");
  await page.evaluate(() => navigator.clipboard.writeText(" and a small paste"));
  await box.press("End");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(box).toHaveValue("kept and a small paste");
  await expect(section.getByTestId("large-paste-note")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(box).toHaveValue("kept");
});

test("a 70/30 routing mix shows the blended cost and its savings; a bad mix is explained inline", async ({
  page,
}) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  const routing = await calculator.openSection(0, "routing");
  await routing.getByTestId("routing-add").click();
  await expect(routing.getByTestId("routing-model")).toHaveCount(2);
  await expect(routing.getByTestId("routing-percent").first()).toHaveValue("70");
  await calculator.waitForEstimate();
  const result = page.getByTestId("routing-result");
  await expect(result).toContainText("openai/gpt-4o-mini");
  await expect(page.getByTestId("routing-savings")).toHaveText(/^\$[\d,]+ \(\d+\.\d%\)$/);
  expect(Number(await page.getByTestId("routing-savings").getAttribute("data-usd"))).toBeGreaterThan(0);

  // The small model is replaced from the picker: a search, then Enter takes the first match.
  const search = routing.getByTestId("routing-search").first();
  await search.fill("gpt 4.1 nano");
  const option = routing.getByTestId("routing-option").first();
  await expect(option).toHaveAttribute("data-model-id", /gpt-4\.1-nano$/);
  const picked = await option.getAttribute("data-model-id");
  await search.press("Enter");
  await expect(routing.getByTestId("routing-model").first()).toHaveAttribute("data-model-id", picked ?? "");
  await calculator.waitForEstimate();
  await expect(result).toContainText(picked ?? "");

  await routing.getByTestId("routing-percent").nth(1).fill("20");
  await expect(calculator.workload(0).getByTestId("workload-errors")).toContainText("add up to 100");
});

test("a saved scenario reopens from the list, and its share link restores the same results", async ({
  page,
  context,
}) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  await calculator.addPreset("code-generation");
  await calculator.workload(1).getByTestId("workload-requests").fill("2500");
  await calculator.waitForEstimate();
  const totals = await calculator.monthlyUsd();

  const name = `Scenario ${Math.random().toString(36).slice(2, 8)}`;
  await page.getByTestId("scenario-name").fill(name);
  await page.getByTestId("scenario-save").click();
  await expect(page.getByTestId("scenario-saved")).toBeVisible();

  // The URL holds the scenario, so a reload keeps it.
  await expect(page).toHaveURL(/[?&]s=z/);
  await page.reload();
  await calculator.waitForEstimate();
  await expect(calculator.workloads).toHaveCount(2);
  expect(await calculator.monthlyUsd()).toEqual(totals);

  const shareUrl = await calculator.shareUrl.inputValue();
  const shared = new CalculatorPage(await context.newPage());
  await shared.page.goto(shareUrl);
  await shared.waitForEstimate();
  await expect(shared.workload(1).getByTestId("workload-requests")).toHaveValue("2500");
  expect(await shared.monthlyUsd()).toEqual(totals);

  // Change the scenario, then reopen the saved one from the list.
  await calculator.workload(1).getByTestId("remove-workload").click();
  await expect(calculator.workloads).toHaveCount(1);
  await page.getByTestId("scenario-list-toggle").click();
  const item = page.getByTestId("scenario-list").getByTestId("scenario-item").filter({ hasText: name });
  await item.getByTestId("scenario-open").click();
  await expect(calculator.workloads).toHaveCount(2);
  await calculator.waitForEstimate();
  expect(await calculator.monthlyUsd()).toEqual(totals);
});

test("measured tokens from a playground session change the estimate for the models measured", async ({
  page,
  request,
}) => {
  const sessionId = await createSession(request, `Explain prompt caching (calc ${Date.now()})`, [
    "demo/swift",
    "demo/deliberate",
  ]);
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  await calculator.filterResults("gpt-4o-mini");
  const row = calculator.row("openai/gpt-4o-mini");
  await expect(row).toBeVisible();
  const before = await row.getByTestId("result-monthly").getAttribute("data-usd");
  await expect(row.getByTestId("measured-badge")).toHaveCount(0);

  const measured = await calculator.openSection(0, "measured");
  await measured.getByTestId("measured-open").click();
  await measured.getByTestId("measured-session-select").selectOption(sessionId);
  await measured.getByTestId("use-measured").click();
  // Simulated models are priced as the catalog model they mirror, and labelled as simulated.
  await expect(measured.getByTestId("measured-list")).toContainText("openai/gpt-4o-mini");
  await expect(measured.getByTestId("measured-list")).toContainText("simulated: demo/swift");
  await calculator.waitForEstimate();
  await expect(row.getByTestId("measured-badge")).toBeVisible();
  await expect(row.getByTestId("result-monthly")).not.toHaveAttribute("data-usd", before ?? "");
});

test("saving over a scenario someone else changed offers reload or overwrite instead of losing their edit", async ({
  page,
  request,
}) => {
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  await calculator.addPreset("code-generation");
  await calculator.waitForEstimate();
  const name = `Shared ${Math.random().toString(36).slice(2, 8)}`;
  await page.getByTestId("scenario-name").fill(name);
  const created = page.waitForResponse((response) => response.url().endsWith("/api/scenarios"));
  await page.getByTestId("scenario-save").click();
  const { id, state } = await (await created).json();

  // Another person saves over it through the API, with the ETag they loaded.
  const loaded = await request.get(`/api/scenarios/${id}`);
  const theirs = await request.put(`/api/scenarios/${id}`, {
    data: { name: `${name} (theirs)`, state },
    headers: { "if-match": loaded.headers().etag ?? "" },
  });
  expect(theirs.status()).toBe(200);

  await page.getByTestId("scenario-save").click();
  await expect(page.getByTestId("scenario-conflict")).toContainText("changed elsewhere");
  await page.getByTestId("scenario-conflict-reload").click();
  await expect(page.getByTestId("scenario-name")).toHaveValue(`${name} (theirs)`);
  await expect(page.getByTestId("scenario-conflict")).toHaveCount(0);

  // After a reload the save goes through, and a second conflict can be overwritten on purpose.
  await request.put(`/api/scenarios/${id}`, { data: { name: "Third edit", state } });
  await page.getByTestId("scenario-name").fill("Mine wins");
  await page.getByTestId("scenario-save").click();
  await page.getByTestId("scenario-conflict-overwrite").click();
  await expect(page.getByTestId("scenario-saved")).toBeVisible();
  expect((await (await request.get(`/api/scenarios/${id}`)).json()).name).toBe("Mine wins");
});
