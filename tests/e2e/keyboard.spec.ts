import { expect, test } from "@playwright/test";

/**
 * Keyboard only: the model picker, the catalog table and the calculator, used without a mouse. (The
 * blind vote's keys are in evals-flow.spec.ts.)
 */

test("the playground's model picker adds and removes models from the keyboard", async ({ page }) => {
  await page.goto("/playground");
  const search = page.getByTestId("model-search");
  await search.focus();
  await expect(search).toHaveAttribute("role", "combobox");
  // The simulated models are already in the run; add OpenAI ones (served by the fake upstream here).
  await page.keyboard.type("gpt-4o");
  await expect(search).toHaveAttribute("aria-expanded", "true");
  // The first match is active; the arrow moves to the next one, Enter adds it.
  const active = page.locator('[data-testid="model-option"][aria-selected="true"]');
  const first = await active.getAttribute("data-model-id");
  await page.keyboard.press("ArrowDown");
  await expect(active).not.toHaveAttribute("data-model-id", first as string);
  const id = await active.getAttribute("data-model-id");
  expect(id).toMatch(/^openai\/.*gpt-4o/);
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-testid="selected-model"][data-model-id="${id}"]`)).toBeVisible();
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();

  await page.keyboard.type("gpt");
  await page.keyboard.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");

  // Shift+Tab reaches the chip's remove button; Enter removes the model.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: `Remove ${id}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-testid="selected-model"][data-model-id="${id}"]`)).toHaveCount(0);

  // A removed model can be added again (Escape closed the list and left "gpt" in the box).
  await search.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("gpt-4o");
  await page.keyboard.press("ArrowDown");
  await expect(active).toHaveAttribute("data-model-id", id as string);
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-testid="selected-model"][data-model-id="${id}"]`)).toBeVisible();
});

test("the catalog table sorts and picks models to compare from the keyboard", async ({ page }) => {
  // A short list, so every row stays in the page however it is sorted (long lists render only rows in view).
  await page.goto("/catalog?q=gpt-4o&provider=openai");
  await expect(page.getByTestId("catalog-row").first()).toBeVisible();
  const sort = page.getByTestId("sort-input");
  await sort.focus();
  await page.keyboard.press("Enter");
  const header = page.locator("th", { has: sort });
  await expect(header).toHaveAttribute("aria-sort", /ascending|descending/);
  const first = await header.getAttribute("aria-sort");
  await page.keyboard.press("Enter");
  await expect(header).not.toHaveAttribute("aria-sort", first as string);

  const rows = page.getByTestId("catalog-row");
  const ids = [
    await rows.nth(0).getAttribute("data-model-id"),
    await rows.nth(1).getAttribute("data-model-id"),
  ];
  for (const id of ids) {
    const box = page
      .locator(`[data-testid="catalog-row"][data-model-id="${id}"]`)
      .getByTestId("compare-checkbox");
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const open = page.getByTestId("open-compare");
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog\/compare\?ids=/);
  await expect(page.getByTestId("compare-column")).toHaveCount(2);
});

test("the calculator takes a workload's volume from the keyboard", async ({ page }) => {
  await page.goto("/calculator");
  const workload = page.getByTestId("workload").first();
  const monthly = page.getByTestId("result-row").first().getByTestId("result-monthly");
  await expect(monthly).toHaveAttribute("data-usd", /\d/);
  const before = await monthly.getAttribute("data-usd");

  const requests = workload.getByTestId("workload-requests");
  await requests.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("250000");
  await page.keyboard.press("Tab");
  await expect.poll(() => monthly.getAttribute("data-usd")).not.toBe(before);

  // The team mode, by keyboard: choose it, then type the team size.
  await workload.getByTestId("volume-mode-team").focus();
  await page.keyboard.press("Space");
  const teamSize = workload.getByTestId("team-size");
  await expect(teamSize).toBeVisible();
  await teamSize.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  await expect(workload.getByTestId("volume-explanation")).toContainText("3 people");
});
