import { expect, test } from "@playwright/test";
import { CatalogPage } from "./pages/catalog-page";
import { ChartsPage } from "./pages/charts-page";
import { ModelPage } from "./pages/model-page";

interface ApiModel {
  id: string;
  blendedPerMTok: number | null;
  modalities: { input: string[] | null };
  quality: { index: number | null; scores: { source: string; split: string; value: string }[] } | null;
}

const ARENA_MIN = 1350;
const arenaOf = (model: ApiModel) => {
  const score = model.quality?.scores.find((item) => item.source === "lmarena" && item.split === "overall");
  return score ? Number(score.value) : null;
};

test("finds the cheapest model with an arena rating above a bar that takes images, as the API computes it", async ({
  page,
}) => {
  const catalog = new CatalogPage(page);
  await catalog.goto();
  const all = await catalog.rowCount();

  await catalog.toggleChip("filter-input-image");
  const withImages = await catalog.expectRowCountChange(all);
  await catalog.setMinScore("arena", ARENA_MIN);
  await catalog.expectRowCountChange(withImages);
  await catalog.showColumn("arena");
  await catalog.sortBy("blended");

  const search = await catalog.searchWith(
    "input=image",
    `minScore=arena:${ARENA_MIN}`,
    "sort=blended",
    "show=arena",
  );

  // The API with the same parameters as the page's URL.
  const same = (await (await page.request.get(`/api/models${search}`)).json()) as {
    count: number;
    models: ApiModel[];
  };
  const answer = same.models[0]?.id;
  // The table catches up with a new sort on the next idle frame, so its first row is polled.
  const firstRow = catalog.rows.first();
  await expect.poll(() => firstRow.getAttribute("data-model-id")).toBe(answer);
  expect(Number(await catalog.cell(firstRow, "arena").textContent())).toBeGreaterThanOrEqual(ARENA_MIN);
  await expect(catalog.cell(firstRow, "modalities")).toContainText("Image");

  // Worked out independently from the unfiltered API: image input, a known arena rating at or above
  // the bar, the lowest known blended price.
  const everything = (await (await page.request.get("/api/models?input=image")).json()) as {
    models: ApiModel[];
  };
  const eligible = everything.models.filter(
    (model) => (arenaOf(model) ?? -1) >= ARENA_MIN && model.blendedPerMTok !== null,
  );
  expect(eligible.length).toBeGreaterThan(1);
  const lowest = Math.min(...eligible.map((model) => model.blendedPerMTok ?? Number.POSITIVE_INFINITY));
  const cheapest = eligible.filter((model) => model.blendedPerMTok === lowest).map((model) => model.id);
  expect(cheapest).toContain(answer);
  expect(same.count).toBe(await catalog.rowCount());
});

test("the quality column sorts best first with unknown last, and says what the index is made of", async ({
  page,
}) => {
  const catalog = new CatalogPage(page);
  await catalog.goto("provider=openai");
  await catalog.sortBy("quality");
  const search = await catalog.searchWith("sort=quality");
  expect(search).not.toContain("dir=");

  const api = (await (await page.request.get("/api/models?provider=openai&sort=quality")).json()) as {
    models: ApiModel[];
  };
  await expect.poll(() => catalog.visibleIds(8)).toEqual(api.models.slice(0, 8).map((model) => model.id));
  const indexes = api.models.map((model) => model.quality?.index ?? null);
  const known = indexes.filter((index) => index !== null);
  expect(indexes.slice(known.length).every((index) => index === null)).toBe(true);
  await expect(catalog.cell(catalog.rows.first(), "quality")).toContainText(/\d+(\.\d)? · \d src/);

  const help = page.getByTestId("quality-index-help");
  await expect(help).toContainText("percentile rank");
  await expect(help).toContainText("at least 2 different sources");

  // Reversed, the known indexes come worst first and unknown still sorts last.
  await catalog.sortBy("quality");
  await catalog.searchWith("dir=asc");
  const reversed = (await (
    await page.request.get("/api/models?provider=openai&sort=quality&dir=asc")
  ).json()) as { models: ApiModel[] };
  await expect
    .poll(() => catalog.visibleIds(5))
    .toEqual(reversed.models.slice(0, 5).map((model) => model.id));
  expect(reversed.models.at(-1)?.quality?.index ?? null).toBeNull();
});

test("the price-quality chart marks the frontier and lists the cheapest models above a bar", async ({
  page,
}) => {
  const charts = new ChartsPage(page);
  await charts.goto("?qaxis=arena");
  const plot = charts.priceQuality.getByTestId("price-quality-plot");
  await expect(plot.locator(".recharts-scatter-line").first()).toBeVisible();
  const frontierCount = Number(await plot.getAttribute("data-frontier-count"));
  expect(frontierCount).toBeGreaterThan(1);
  await expect(charts.priceQuality.getByTestId("frontier-point")).toHaveCount(frontierCount);

  await charts.setQualityBar(1400);
  const rows = await charts.aboveBar();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.quality).toBeGreaterThanOrEqual(1400);
  const prices = rows.map((row) => row.price);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  await charts.qualityAxis("aider");
  await expect(page).toHaveURL(/qaxis=aider/);
  await expect(page).not.toHaveURL(/qbar=/);
  await expect(plot.locator(".recharts-scatter-line").first()).toBeVisible();
});

test("the model page shows each score with its source, date, what was tested and a link", async ({
  page,
}) => {
  const model = new ModelPage(page);
  await model.goto("anthropic/claude-3-7-sonnet-latest");
  for (const source of ["lmarena", "aider"]) {
    const row = model.scoreRow(source).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId("quality-source-date")).toHaveText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await expect(row.getByTestId("quality-tested-as")).toContainText("claude-3-7-sonnet");
    await expect(row.getByRole("link", { name: "source" })).toHaveAttribute("href", /^https:\/\//);
  }
  await expect(model.quality.getByTestId("quality-index-summary")).toContainText("2 sources");

  await model.history.locator("summary").click();
  const historyRows = model.history.getByTestId("quality-history-row");
  expect(await historyRows.count()).toBeGreaterThanOrEqual(await model.scoreRows.count());
});
