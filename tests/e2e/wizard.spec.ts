import { expect, test } from "@playwright/test";
import { WizardPage } from "./pages/wizard-page";

test("audio input on a tight budget ranks audio models with sourced reasons, and survives a reload", async ({
  page,
}) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.requireInput("audio");
  await wizard.waitForAnswer(/input=audio/);
  await wizard.choose("budget-sensitivity", "high");
  await wizard.waitForAnswer(/budget-sensitivity=high/);

  await expect(wizard.candidates.first()).toBeVisible();
  const first = wizard.candidates.first();
  // The catalog summary names the inputs, so a candidate without audio input would show it here.
  await expect(first.getByTestId("wizard-reason").first()).toContainText("audio input");
  await expect(
    first
      .getByTestId("wizard-reason")
      .filter({ hasText: /production buying guide|beginner.s guide|production comparison/ })
      .first(),
  ).toBeVisible();
  const modelId = await first.getAttribute("data-model-id");
  expect(modelId).toBeTruthy();
  await expect(first.getByTestId("wizard-candidate-link")).toHaveAttribute(
    "href",
    `/catalog/model/${modelId?.split("/").map(encodeURIComponent).join("/")}`,
  );
  await expect(wizard.fallback).toBeVisible();
  await expect(wizard.router).toContainText("Simple requests");

  const ranked = await wizard.rankedIds();
  await expect(page.getByTestId("wizard-compare")).toHaveAttribute(
    "href",
    `/catalog/compare?ids=${ranked.slice(0, 3).map(encodeURIComponent).join(",")}`,
  );

  await page.reload();
  await expect(wizard.candidates.first()).toBeVisible();
  expect(await wizard.rankedIds()).toEqual(ranked);
  await expect(page.getByTestId("wizard-option-input-audio").locator("input")).toBeChecked();
});

test("changing an answer changes the ranking", async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.goto();
  const chat = await wizard.rankedIds();
  expect(chat.length).toBeGreaterThan(3);

  await wizard.select("task-type", "coding");
  await wizard.waitForAnswer(/task-type=coding/);
  await wizard.choose("quality-bar", "best");
  await wizard.waitForAnswer(/quality-bar=best/);
  await expect.poll(() => wizard.rankedIds()).not.toEqual(chat);
  // Without budget pressure the router card goes away.
  await wizard.choose("budget-sensitivity", "none");
  await wizard.waitForAnswer(/budget-sensitivity=none/);
  await expect(wizard.router).toHaveCount(0);
});

test("self-hosting keeps only open-weight candidates and says what it left out", async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.goto("data-privacy=self-host&context=128000");
  await expect(wizard.candidates.first()).toBeVisible();
  await expect(wizard.candidates.first().getByTestId("wizard-reason").first()).toContainText("open weights");
  await expect(page.getByTestId("wizard-excluded")).toContainText("closed weights");
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the wizard fits the width", async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.goto("input=audio&budget-sensitivity=high");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the best-quality answer ranks current models on published scores, each cited with source and date", async ({
  page,
}) => {
  const wizard = new WizardPage(page);
  await wizard.goto("quality-bar=best");
  const cited = wizard.candidates.getByTestId("wizard-reason").filter({
    hasText:
      /^✓?.*LMArena text \(style control\) [\d,]+ ± \d+ \(\d{4}-\d{2}-\d{2}\): above \d+% of scored catalog models/,
  });
  await expect(cited.first()).toBeVisible();
  await expect(cited.first()).toContainText("lmarena");
  // A model released in the last year ranks: these are not in the 2024 buying guides.
  const ranked = await wizard.rankedIds();
  expect(ranked.some((id) => /gemini-3|claude-opus-4-[5-9]|gpt-5|deepseek-v4/.test(id))).toBe(true);
});
