import { expect, type Locator, type Page } from "@playwright/test";

/** The evals pages: set list, set editor, run launcher, a run's view, its blind vote and the leaderboard. */
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

  /** The model name shown over answer A or B: "model hidden" until the vote is saved. */
  votedModel(side: "a" | "b"): Locator {
    return this.page.getByTestId(`vote-model-${side}`);
  }

  /** Waits for a blind pair with `remaining` pairs left (this one included), models hidden. */
  async waitForBlindPair(remaining: number) {
    await expect(this.page.getByTestId("vote-panel")).toContainText(`(${remaining} pairs left)`);
    await expect(this.votedModel("a")).toHaveText("model hidden");
    await expect(this.votedModel("b")).toHaveText("model hidden");
  }

  leaderboardRow(model: string): Locator {
    return this.page.locator(`[data-testid="leaderboard-row"][data-model-id="${model}"]`);
  }
}
