import { expect, test } from "@playwright/test";
import { createSession, HistoryPage } from "./pages/history-page";

// Each test makes its own session with a unique word in the prompt, so tests do not depend on each other.
const uniqueWord = () => `hx${Math.random().toString(36).slice(2, 10)}`;

test("search finds a session by its prompt, and Open shows both models' answers and numbers", async ({
  page,
  request,
}) => {
  const word = uniqueWord();
  const prompt = `How do I pick an LLM API? (${word}) <b>not bold</b>`;
  const id = await createSession(request, prompt);
  const history = new HistoryPage(page);
  await history.gotoSessions();
  await history.searchFor(word);
  await expect(history.rows).toHaveCount(1);
  const row = history.row(id);
  await expect(row).toContainText("1 turn");
  await expect(row.getByTestId("simulated-badge")).toBeVisible();
  await expect(row.getByTestId("session-cost")).toHaveText(/^\$0\.0\d+$/);
  await expect(row.getByTestId("session-continue")).toHaveAttribute("href", `/playground?session=${id}`);
  await expect(row.getByTestId("session-rerun")).toHaveAttribute("href", `/playground?from=${id}`);

  const detail = await history.open(id);
  await expect(detail.getByTestId("session-turn")).toHaveCount(1);
  // The prompt is shown as text: its markup must not become an element.
  await expect(detail.getByTestId("turn-prompt")).toHaveText(prompt);
  await expect(detail.locator("b")).toHaveCount(0);
  for (const modelId of ["demo/swift", "demo/steady"]) {
    const result = detail.locator(`[data-testid="session-result"][data-model-id="${modelId}"]`);
    await expect(result).toHaveAttribute("data-status", "ok");
    await expect(result.getByTestId("result-output")).toContainText(word);
    await expect(result).toContainText("TTFT");
    await expect(result).toContainText(/\d+ ms/);
    await expect(result).toContainText(/\$0\.0\d+/);
  }

  // The search is in the URL, so a reload comes back to the same list.
  await page.reload();
  await expect(history.search).toHaveValue(word);
  await expect(history.rows).toHaveCount(1);
});

test("Load more appends the next page of sessions below the first, with none twice", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord();
  const created: string[] = [];
  // One more than a page (25); sequential, because the server limits concurrent comparisons.
  for (let n = 0; n < 27; n++)
    created.push(await createSession(request, `Paging ${word} ${n}`, ["demo/swift"]));
  const history = new HistoryPage(page);
  await history.gotoSessions();
  await history.searchFor(word);
  await expect(history.rows).toHaveCount(25);
  await expect(page.getByTestId("session-count")).toHaveText("25+ sessions");
  const firstPage = await history.listedIds();

  await history.loadMore.click();
  await expect(history.rows).toHaveCount(27);
  await expect(history.loadMore).toHaveCount(0);
  const all = await history.listedIds();
  expect(all.slice(0, 25)).toEqual(firstPage);
  expect([...all].sort()).toEqual([...created].sort());
  // Newest first: the last session made tops the list.
  expect(all[0]).toBe(created.at(-1));
});

test("rename persists after a reload; an empty name is refused with the API's message", async ({
  page,
  request,
}) => {
  const word = uniqueWord();
  const id = await createSession(request, `Rename me ${word}`);
  const history = new HistoryPage(page);
  await history.gotoSessions(`?q=${word}`);
  await history.rename(id, `Renamed ${word}`);
  await page.reload();
  await expect(history.row(id).getByTestId("session-title")).toHaveText(`Renamed ${word}`);

  const row = history.row(id);
  await row.getByTestId("session-rename").click();
  await row.getByTestId("session-rename-input").fill("   ");
  await row.getByTestId("session-rename-save").click();
  await expect(row.getByRole("alert")).toContainText("Give the session a name");
});

test("export links download Markdown and JSON of the session", async ({ page, request }) => {
  const word = uniqueWord();
  const id = await createSession(request, `Export me ${word}`);
  const history = new HistoryPage(page);
  await history.gotoSessions(`?q=${word}`);
  const row = history.row(id);
  const mdHref = await row.getByTestId("session-export-md").getAttribute("href");
  const jsonHref = await row.getByTestId("session-export-json").getAttribute("href");
  const md = await request.get(mdHref ?? "");
  expect(md.status()).toBe(200);
  expect(md.headers()["content-disposition"]).toContain("attachment");
  expect(await md.text()).toContain(`Export me ${word}`);
  const json = await request.get(jsonHref ?? "");
  expect(json.status()).toBe(200);
  expect((await json.json()).id).toBe(id);
});

test("delete asks first, then removes the session for good", async ({ page, request }) => {
  const word = uniqueWord();
  const id = await createSession(request, `Delete me ${word}`);
  const history = new HistoryPage(page);
  await history.gotoSessions(`?q=${word}`);
  await expect(history.rows).toHaveCount(1);
  await history.remove(id);
  await expect(page.getByTestId("sessions-no-match")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("sessions-no-match")).toBeVisible();
  expect((await request.get(`/api/sessions/${id}`)).status()).toBe(404);
});

test("usage tab shows totals, four charts and the events when simulated runs are included", async ({
  page,
  request,
}) => {
  await createSession(request, `Usage ${uniqueWord()}`);
  const history = new HistoryPage(page);
  await history.gotoSessions();
  await page.getByTestId("history-tab-usage").click();
  await expect(page).toHaveURL(/tab=usage/);
  if (!(await history.includeSimulated.isChecked())) await history.includeSimulated.check();
  await expect(page).toHaveURL(/includeSimulated=1/);
  await history.waitForUsage();
  await expect(history.usageTotals).toBeVisible();
  const requestsText = await page
    .getByTestId("usage-total-requests")
    .getByTestId("total-value")
    .textContent();
  const requests = Number(requestsText?.replace(/,/g, ""));
  expect(requests).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("usage-total-spend")).toContainText("$");
  await expect(page.getByTestId("usage-total-spend")).toContainText("includes simulated");
  for (const chart of ["spend", "tokens", "provider", "model"] as const) await history.expectChartBars(chart);

  await expect(history.usageRows.first()).toBeVisible();
  expect(await history.usageRows.count()).toBe(Math.min(requests, 25));
  await page.getByTestId("usage-filter-model").selectOption("demo/swift");
  await expect.poll(() => new URL(page.url()).searchParams.get("model")).toBe("demo/swift");
  await expect(history.usageRows.first()).toHaveAttribute("data-model-id", "demo/swift");
  const models = await history.usageRows.evaluateAll((rows) => rows.map((row) => row.dataset.modelId));
  expect(new Set(models)).toEqual(new Set(["demo/swift"]));

  const csvHref = await page.getByTestId("usage-export-csv").getAttribute("href");
  expect(csvHref).toContain("format=csv");
  const csv = await request.get(csvHref ?? "");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toMatch(/^occurred_at,provider,model,status/);
  // The table shows one page; the CSV holds every matching event.
  expect(lines.length - 1).toBeGreaterThanOrEqual(models.length);
  expect(lines.slice(1).every((line) => line.split(",")[2] === "demo/swift")).toBe(true);

  // The whole view comes back from the URL.
  await page.reload();
  await expect(history.includeSimulated).toBeChecked();
  await expect(page.getByTestId("usage-filter-model")).toHaveValue("demo/swift");
});

test("at 390 px wide neither tab scrolls sideways", async ({ page, request }) => {
  const word = uniqueWord();
  const id = await createSession(request, `Narrow ${word} ${"averyveryverylongwordwithoutspaces".repeat(3)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const history = new HistoryPage(page);
  await history.gotoSessions(`?q=${word}`);
  await history.open(id);
  expect(await history.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await history.gotoUsage("&includeSimulated=1");
  await history.expectChartBars("spend");
  await expect(history.usageRows.first()).toBeVisible();
  expect(await history.horizontalOverflowPx()).toBeLessThanOrEqual(0);
});
