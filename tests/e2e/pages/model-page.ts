import { expect, type Locator, type Page } from "@playwright/test";

/** A model's page at /catalog/model/{provider}/{model}: prices, quality scores, history. */
export class ModelPage {
  readonly quality: Locator;
  readonly scoreRows: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.quality = page.getByTestId("quality");
    this.scoreRows = this.quality.getByTestId("quality-score-row");
    this.history = this.quality.getByTestId("quality-history");
  }

  async goto(id: string) {
    await this.page.goto(`/catalog/model/${id}`);
    await expect(this.page.getByTestId("page-title")).toBeVisible();
  }

  scoreRow(source: string): Locator {
    return this.quality.locator(`[data-testid="quality-score-row"][data-source="${source}"]`);
  }
}
