import { expect, type Locator, type Page } from "@playwright/test";

/** The evals pages: set list, set editor, run launcher and a run's view. */
export class EvalsPage {
  constructor(readonly page: Page) {}

  async gotoList() {
    await this.page.goto("/evals");
    await expect(this.page.getByTestId("eval-set-list")).toBeVisible();
  }

  /** Creates a set from the list page and lands on it. */
  async createSet(name: string, cases: { prompt: string; expected: string; contains: string }[]) {
    await this.page.getByTestId("new-set").click();
    await this.page.getByTestId("set-name").fill(name);
    for (const [index, item] of cases.entries()) {
      if (index > 0) await this.page.getByTestId("add-case").click();
      const row = this.page.getByTestId("case-row").nth(index);
      await row.getByTestId("case-prompt").fill(item.prompt);
      await row.getByTestId("case-expected").fill(item.expected);
      await row.getByTestId("add-assertion").click();
      await row.getByTestId("assertion-value").fill(item.contains);
    }
    await this.page.getByTestId("save-set").click();
    await expect(this.page.getByTestId("run-launcher")).toBeVisible();
  }

  async selectModels(ids: string[]) {
    for (const id of ids) {
      await this.page.getByTestId("model-search").fill(id.split("/").at(-1) ?? id);
      await this.page.locator(`[data-testid="model-option"][data-model-id="${id}"]`).click();
    }
    await expect(this.page.getByTestId("selected-model")).toHaveCount(ids.length);
  }

  get estimateRows(): Locator {
    return this.page.getByTestId("estimate-row");
  }

  async startRun() {
    // Leaving the model search closes its list of models, which covers the button.
    await this.page.getByRole("heading", { name: "Run this set" }).click();
    await expect(this.page.getByTestId("model-option").first()).toBeHidden();
    await this.page.getByTestId("start-run").click();
    await expect(this.page.getByTestId("run-view")).toBeVisible();
  }

  progress(model: string): Locator {
    return this.page.locator(`[data-testid="progress-row"][data-model="${model}"]`);
  }

  async waitForStatus(status: string, timeout = 30_000) {
    await expect(this.page.getByTestId("run-status")).toHaveText(status, { timeout });
  }

  cells(model: string): Locator {
    return this.page.locator(`[data-testid="matrix-cell"][data-model="${model}"]`);
  }
}
