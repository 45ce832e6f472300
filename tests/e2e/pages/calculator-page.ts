import { expect, type Locator, type Page } from "@playwright/test";

/** Exact USD decimal strings as integer pico-dollars, so sums can be compared without float error. */
export function toPicoUsd(decimal: string): bigint {
  const [whole = "0", fraction = ""] = decimal.split(".");
  return BigInt(whole) * 10n ** 12n + BigInt(fraction.padEnd(12, "0").slice(0, 12));
}

/** /calculator: workloads on the left, the estimate (table, routing, charts) on the right. */
export class CalculatorPage {
  readonly workloads: Locator;
  readonly results: Locator;
  readonly rows: Locator;
  readonly shareUrl: Locator;

  constructor(readonly page: Page) {
    this.workloads = page.getByTestId("workload");
    this.results = page.getByTestId("results");
    this.rows = page.getByTestId("result-row");
    this.shareUrl = page.getByTestId("share-url");
  }

  async goto(query = "") {
    await this.page.goto(`/calculator${query}`);
    await expect(this.workloads.first()).toBeVisible();
    await this.waitForEstimate();
  }

  /** The results mark themselves pending from the first keystroke until the estimate answers. */
  async waitForEstimate() {
    await expect(this.results).toHaveAttribute("data-pending", "false");
    await expect(this.rows.first()).toBeVisible();
  }

  workload(index: number): Locator {
    return this.page.locator(`[data-testid="workload"][data-index="${index}"]`);
  }

  async removeAllWorkloads() {
    while ((await this.workloads.count()) > 0) {
      await this.workloads.first().getByTestId("remove-workload").click();
    }
  }

  async addPreset(presetId: string) {
    const before = await this.workloads.count();
    await this.page.getByTestId(`add-preset-${presetId}`).click();
    await expect(this.workloads).toHaveCount(before + 1);
  }

  /** Opens one of a workload's collapsible sections (tokens, measured, needs, routing). */
  async openSection(index: number, section: "tokens" | "measured" | "needs" | "routing") {
    const details = this.workload(index).getByTestId(`section-${section}`);
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    return details;
  }

  async pasteSample(index: number, text: string) {
    const section = await this.openSection(index, "tokens");
    await section.getByTestId("sample-text").fill(text);
    await expect(section.getByTestId("token-counter")).toHaveAttribute("data-pending", "false");
    return section;
  }

  /** Monthly totals of the rows shown, as exact decimal strings. */
  async monthlyUsd(): Promise<string[]> {
    return this.rows
      .getByTestId("result-monthly")
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-usd") ?? ""));
  }

  row(modelId: string): Locator {
    return this.page.locator(`[data-testid="result-row"][data-model-id="${modelId}"]`);
  }

  /** Sets "at least `min` on `source`" and waits for the estimate that applies it. */
  async setQualityBar(source: string, min: number) {
    await this.page.getByTestId("quality-bar-source").selectOption(source);
    await this.page.getByTestId("quality-bar-min").fill(String(min));
    await expect(this.page).toHaveURL(/[?&]s=/);
    await this.waitForEstimate();
  }

  async filterResults(text: string) {
    await this.page.getByTestId("results-filter").fill(text);
  }
}
