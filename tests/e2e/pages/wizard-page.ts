import { expect, type Locator, type Page } from "@playwright/test";

/** The "Which model?" wizard: answers on one side, ranked candidates with reasons on the other. */
export class WizardPage {
  readonly form: Locator;
  readonly result: Locator;
  readonly candidates: Locator;
  readonly fallback: Locator;
  readonly router: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("wizard-form");
    this.result = page.getByTestId("wizard-result");
    this.candidates = this.result.getByTestId("wizard-candidate");
    this.fallback = page.getByTestId("wizard-fallback");
    this.router = page.getByTestId("wizard-router");
  }

  async goto(query = "") {
    await this.page.goto(`/catalog/wizard${query ? `?${query}` : ""}`);
    await expect(this.form).toBeVisible();
    await expect(this.result).toBeVisible();
  }

  /** Picks one answer of a segmented question, e.g. ("budget-sensitivity", "high"). */
  async choose(questionId: string, value: string) {
    await this.page.getByTestId(`wizard-option-${questionId}-${value}`).click();
  }

  async select(questionId: string, value: string) {
    await this.page.getByTestId(`wizard-answer-${questionId}`).locator("select").selectOption(value);
  }

  async requireInput(modality: "image" | "audio" | "video") {
    await this.page.getByTestId(`wizard-option-input-${modality}`).locator("input").check();
  }

  /** Waits until the URL carries the answer, then until the server has re-ranked. */
  async waitForAnswer(param: RegExp) {
    await expect(this.page).toHaveURL(param);
    await expect(this.form).toHaveAttribute("data-pending", "false");
  }

  async rankedIds(): Promise<string[]> {
    const ids = await this.candidates.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute("data-model-id") ?? ""),
    );
    return ids;
  }
}
