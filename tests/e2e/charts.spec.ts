import { expect, test } from "@playwright/test";
import { CHART_IDS, ChartsPage } from "./pages/charts-page";

interface ApiModel {
  toolCall: boolean | null;
  reasoning: boolean | null;
  contextWindow: number | null;
  modalities: { input: string[] | null };
  deprecated: boolean | null;
}

const apiPath = (id: string) => `/api/models/${id.split("/").map(encodeURIComponent).join("/")}`;

test("every chart draws SVG content and say what they leave out", async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.goto();
  for (const id of CHART_IDS) {
    // Marks, not only axes: scatter symbols, bars or history markers.
    await expect(
      charts.chart(id).locator(".recharts-scatter-symbol, .recharts-bar-rectangle").first(),
    ).toBeVisible();
  }
  await expect(page.getByTestId("context-left-out")).toContainText(
    "without a known price or context window are not shown",
  );
  // The guide is named by its title, with its publisher (or that it names none) and date, never an id.
  const caption = page.getByTestId("benchmark-caption");
  await expect(caption).toContainText("A practical comparison of production AI models at the end of 2024");
  await expect(caption).toContainText("publisher not named");
  await expect(caption).not.toContainText("guide-2024-11");
  await expect(charts.chart("chart-price-history").getByTestId("history-selected")).toHaveCount(3);
  await expect(charts.cheapestRows).toHaveCount(15);
});

test("picking capabilities changes the cheapest list, every row meets them, and the URL survives a reload", async ({
  page,
  request,
}) => {
  const charts = new ChartsPage(page);
  await charts.goto();
  const before = await charts.cheapestIds();

  await charts.toggle(charts.needChip("reasoning"));
  await charts.toggle(charts.needChip("image"));
  await charts.toggle(charts.contextChip(200_000));
  await expect(page).toHaveURL(/need=reasoning/);
  await expect(page).toHaveURL(/need=image/);
  await expect(page).toHaveURL(/minContext=200000/);

  const after = await charts.cheapestIds();
  expect(after.length).toBeGreaterThan(0);
  expect(after).not.toEqual(before);
  const prices = await charts.cheapestPrices();
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  for (const id of after) {
    const response = await request.get(apiPath(id));
    expect(response.status(), id).toBe(200);
    const model = (await response.json()) as ApiModel;
    expect(model.reasoning, id).toBe(true);
    expect(model.modalities.input ?? [], id).toContain("image");
    expect(model.contextWindow ?? 0, id).toBeGreaterThanOrEqual(200_000);
    expect(model.deprecated, id).not.toBe(true);
  }

  const url = page.url();
  await page.reload();
  await charts.waitForCharts();
  expect(page.url()).toBe(url);
  await expect(charts.needChip("reasoning")).toHaveAttribute("aria-pressed", "true");
  await expect(charts.needChip("image")).toHaveAttribute("aria-pressed", "true");
  await expect(charts.contextChip(200_000)).toHaveAttribute("aria-pressed", "true");
  expect(await charts.cheapestIds()).toEqual(after);
});

test("each cheapest bar links to its model page", async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.goto("?need=tools");
  const first = charts.cheapestRows.first();
  const id = await first.getAttribute("data-model-id");
  expect(id).toBeTruthy();
  await expect(first).toHaveAttribute(
    "href",
    `/catalog/model/${id!.split("/").map(encodeURIComponent).join("/")}`,
  );
});

test("the price history picker adds an offering and keeps it in the URL", async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.goto();
  const history = charts.chart("chart-price-history");
  await history.getByTestId("history-search").fill("claude 3.5 sonnet anthropic");
  const option = history.getByTestId("history-option").first();
  const id = await option.getAttribute("data-model-id");
  await option.click();
  await expect(history.getByTestId("history-selected")).toHaveCount(4);
  await expect.poll(() => new URL(page.url()).searchParams.getAll("history")).toContain(id);
  await page.reload();
  await charts.waitForCharts();
  await expect(history.locator(`[data-testid=history-selected][data-offering-id="${id}"]`)).toBeVisible();
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the charts fit the width", async ({ page }) => {
    const charts = new ChartsPage(page);
    await charts.goto();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
