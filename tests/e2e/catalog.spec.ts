import { expect, test } from "@playwright/test";
import { CatalogPage } from "./pages/catalog-page";

function priceOf(text: string | null): number {
  if (text === null) return Number.NaN;
  return text.includes("free") ? 0 : Number(text.replace(/[$,]/g, ""));
}

test("finds the cheapest model with image input, tool calling and 128K context, and the shared URL restores it", async ({
  page,
  context,
}) => {
  const catalog = new CatalogPage(page);
  await catalog.goto();
  const all = await catalog.rowCount();
  expect(all).toBeGreaterThan(600);

  await catalog.toggleChip("filter-input-image");
  await catalog.toggleChip("filter-cap-tools");
  await page.getByTestId("filter-min-context").selectOption("128000");
  await page.getByTestId("filter-priced").check();
  await catalog.expectRowCountChange(all);
  await catalog.sortBy("blended");

  const firstRow = catalog.rows.first();
  await expect(firstRow).toBeVisible();
  // The table catches up with a new sort on the next idle frame, so the order is polled.
  await expect
    .poll(async () => {
      const firstBlended = priceOf(await catalog.cell(firstRow, "blended").textContent());
      const secondBlended = priceOf(await catalog.cell(catalog.rows.nth(1), "blended").textContent());
      return firstBlended <= secondBlended;
    })
    .toBe(true);
  await expect(catalog.cell(firstRow, "modalities")).toContainText("Image");
  await expect(catalog.cell(firstRow, "tools")).toHaveText("✓");

  const search = await catalog.searchWith(
    "input=image",
    "cap=tools",
    "minContext=128000",
    "priced=",
    "sort=blended",
  );
  // The API answers the same question with the same parameters; the table settles on the same count
  // (the filters were set one at a time, so the count is read once the table has caught up with all).
  const api = await page.request.get(`/api/models${search}`);
  const body = await api.json();
  const filtered: number = body.count;
  expect(filtered).toBeLessThan(all);
  await expect.poll(() => catalog.rowCount()).toBe(filtered);
  const firstIds = await catalog.visibleIds(5);
  expect(body.models.slice(0, 5).map((model: { id: string }) => model.id)).toEqual(firstIds);

  // The same URL in a fresh tab shows the same view.
  const shared = await context.newPage();
  const sharedCatalog = new CatalogPage(shared);
  await shared.goto(page.url());
  await expect(sharedCatalog.table).toBeVisible();
  expect(await sharedCatalog.rowCount()).toBe(filtered);
  expect(await sharedCatalog.visibleIds(5)).toEqual(firstIds);
  await expect(shared.getByTestId("filter-input-image")).toHaveAttribute("aria-pressed", "true");
});

test("sorting toggles direction and keeps unknown prices last", async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto("provider=openai");
  await catalog.sortBy("input");
  const ascending = priceOf(await catalog.cell(catalog.rows.first(), "input").textContent());
  await catalog.sortBy("input");
  await expect(page.getByTestId("sort-input")).toContainText("▼");
  // The rows follow the header a frame later; wait for them rather than reading the first paint.
  await expect
    .poll(async () => priceOf(await catalog.cell(catalog.rows.first(), "input").textContent()))
    .toBeGreaterThan(ascending);
  await catalog.searchWith("dir=desc");
});

test("search tolerates typos", async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto();
  const all = await catalog.rowCount();
  await catalog.search.fill("antropic sonet");
  await catalog.expectRowCountChange(all);
  const names = await catalog.rows.evaluateAll((rows) =>
    rows.slice(0, 5).map((row) => row.textContent ?? ""),
  );
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name.toLowerCase()).toContain("sonnet");
});

test("columns can be hidden and the choice is kept in the URL", async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto();
  await expect(page.locator('th:has([data-testid="sort-maxOutput"])')).toBeVisible();
  await page.getByTestId("column-menu").locator("summary").click();
  await page.getByTestId("column-toggle-maxOutput").uncheck();
  await expect(page.getByTestId("sort-maxOutput")).toHaveCount(0);
  await catalog.searchWith("hide=");
  await page.reload();
  await expect(catalog.table).toBeVisible();
  await expect(page.getByTestId("sort-maxOutput")).toHaveCount(0);
});

test("selecting models opens a shareable comparison with differences marked", async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto("q=gpt-4o&provider=openai&sort=input");
  const boxes = page.getByTestId("compare-checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await boxes.nth(2).check();
  const chosen = (await catalog.visibleIds(3)).sort();
  await page.getByTestId("open-compare").click();
  await expect(page).toHaveURL(/\/catalog\/compare\?ids=/);
  const columns = page.getByTestId("compare-column");
  await expect(columns).toHaveCount(3);
  const shown = (
    await columns.evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-model-id") ?? ""))
  ).sort();
  expect(shown).toEqual(chosen);
  await expect(page.locator('[data-testid="compare-row"][data-row="input"]')).toBeVisible();
  await expect(page.getByTestId("compare-history")).toBeVisible();

  // Reloading the shared URL gives the same comparison; removing one updates it.
  await page.reload();
  await expect(columns).toHaveCount(3);
  await page.getByTestId("compare-remove").first().click();
  await expect(columns).toHaveCount(2);
});

test("compare page adds a model through the search picker", async ({ page }) => {
  await page.goto("/catalog/compare?ids=openai/gpt-4o");
  await page.getByTestId("model-picker").fill("claude sonnet 3.7");
  const option = page.getByTestId("model-picker-option").first();
  await expect(option).toBeVisible();
  const id = await option.getAttribute("data-model-id");
  await option.click();
  await expect(page.locator(`[data-testid="compare-column"][data-model-id="${id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(encodeURIComponent(id ?? "").replace(/%2F/g, "(%2F|/)")));
});

test("the detail page shows offerings, price history with sources, conflicts and links", async ({ page }) => {
  await page.goto("/catalog/model/openai/gpt-4o");
  await expect(page.getByTestId("page-title")).toHaveText("GPT-4o");
  await expect(page.getByTestId("price-input")).toHaveText("$2.50");
  await expect(page.getByTestId("price-source")).toContainText("genai-prices");

  const history = page.getByTestId("history-row");
  await expect(history.filter({ hasText: "Nov 2024" })).toContainText("$5.00");
  await expect(history.filter({ hasText: "Nov 2024" })).toContainText("$15.00");
  await expect(page.locator('[data-testid="history-row"][data-source="genai-prices"]')).toContainText(
    "$2.50",
  );
  await expect(page.getByTestId("price-conflict").first()).toContainText("2024 production comparison");

  expect(await page.getByTestId("offering-row").count()).toBeGreaterThan(1);
  await expect(page.getByTestId("guide-note").first()).toBeVisible();
  await expect(page.getByTestId("try-in-playground")).toHaveAttribute(
    "href",
    "/playground?models=openai%2Fgpt-4o",
  );
  await expect(page.getByTestId("estimate-cost")).toHaveAttribute(
    "href",
    "/calculator?models=openai%2Fgpt-4o",
  );
});

test("Llama 3.3 70B on Together shows the guide's $0.18 beside today's price", async ({ page }) => {
  await page.goto("/catalog/model/together/meta-llama/Llama-3.3-70B-Instruct-Turbo");
  const conflicts = page.getByTestId("price-conflicts");
  await expect(conflicts).toContainText("$0.18");
  await expect(conflicts).toContainText("$0.88");
  const offerings = page.getByTestId("offering-row");
  const providers = await offerings.evaluateAll((rows) => rows.map((row) => row.textContent ?? ""));
  expect(providers.some((text) => text.includes("Groq"))).toBe(true);
});

test("an unknown model id shows the not-found page, and the API says 404", async ({ page, request }) => {
  // The page streams behind a loading state, so its status is sent before the lookup; the API's is exact.
  await page.goto("/catalog/model/nope/not-a-model");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.locator('meta[name="robots"][content="noindex"]').first()).toBeAttached();
  const api = await request.get("/api/models/nope/not-a-model");
  expect(api.status()).toBe(404);
});
