import { expect, type Locator, type Page } from "@playwright/test";

export const CHART_IDS = [
  "chart-price-context",
  "chart-price-benchmark",
  "chart-price-history",
  "chart-cheapest",
] as const;

/** The /catalog/charts page: four recharts charts whose controls live in the URL. */
export class ChartsPage {
  readonly cheapest: Locator;
  readonly cheapestRows: Locator;

  constructor(readonly page: Page) {
    this.cheapest = page.getByTestId("chart-cheapest");
    this.cheapestRows = this.cheapest.getByTestId("cheapest-row");
  }

  async goto(query = "") {
    await this.page.goto(`/catalog/charts${query}`);
    await this.waitForCharts();
  }

  chart(id: (typeof CHART_IDS)[number]): Locator {
    return this.page.getByTestId(id);
  }

  /** Recharts draws after it has measured its container, i.e. only once the page has hydrated. */
  async waitForCharts() {
    for (const id of CHART_IDS) {
      await expect(this.chart(id).locator("svg.recharts-surface").first()).toBeVisible();
    }
    await expect(this.cheapestRows.first()).toBeAttached();
  }

  needChip(need: string): Locator {
    return this.cheapest.getByTestId(`cheapest-need-${need}`);
  }

  contextChip(tokens: number | "any"): Locator {
    return this.cheapest.getByTestId(`cheapest-context-${tokens}`);
  }

  /** Clicks a chip and waits until the server has answered with the new state. */
  async toggle(chip: Locator) {
    const before = await chip.getAttribute("aria-pressed");
    await chip.click();
    await expect(chip).not.toHaveAttribute("aria-pressed", before ?? "false");
    await expect(this.cheapest).toHaveAttribute("data-pending", "false");
  }

  async cheapestIds(): Promise<string[]> {
    return this.cheapestRows.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute("data-model-id") ?? ""),
    );
  }

  async cheapestPrices(): Promise<number[]> {
    return this.cheapestRows.evaluateAll((rows) =>
      rows.map((row) => Number(row.getAttribute("data-blended-per-mtok"))),
    );
  }
}
