import { expect, type Locator, type Page } from "@playwright/test";

export const CHART_IDS = [
  "chart-price-quality",
  "chart-price-context",
  "chart-price-benchmark",
  "chart-price-history",
  "chart-cheapest",
] as const;

/** The /catalog/charts page: five recharts charts whose controls live in the URL. */
export class ChartsPage {
  readonly cheapest: Locator;
  readonly cheapestRows: Locator;
  readonly priceQuality: Locator;
  readonly aboveBarRows: Locator;

  constructor(readonly page: Page) {
    this.cheapest = page.getByTestId("chart-cheapest");
    this.cheapestRows = this.cheapest.getByTestId("cheapest-row");
    this.priceQuality = page.getByTestId("chart-price-quality");
    this.aboveBarRows = this.priceQuality.getByTestId("cheapest-above-row");
  }

  /** Picks the quality axis of the price-against-quality chart and waits for the server's answer. */
  async qualityAxis(axis: string) {
    const chip = this.priceQuality.getByTestId(`quality-axis-${axis}`);
    await chip.click();
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(this.priceQuality).toHaveAttribute("data-pending", "false");
  }

  async setQualityBar(value: number) {
    const input = this.priceQuality.getByTestId("quality-bar");
    await input.fill(String(value));
    await input.press("Enter");
    await expect(this.page).toHaveURL(new RegExp(`qbar=${value}`));
    await expect(this.priceQuality).toHaveAttribute("data-pending", "false");
  }

  async aboveBar(): Promise<{ id: string; quality: number; price: number }[]> {
    return this.aboveBarRows.evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute("data-model-id") ?? "",
        quality: Number(row.getAttribute("data-quality")),
        price: Number(row.getAttribute("data-blended-per-mtok")),
      })),
    );
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
