import { expect, type Locator, type Page, test } from "@playwright/test";

/**
 * Keyboard only: the model picker, the catalog table and the calculator, used without a mouse: every
 * control is reached with Tab, as someone without a mouse would. (The blind vote's keys are in
 * evals-flow.spec.ts.)
 */

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus; fails if it is not in the tab order
 * within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let press = 0; press < max; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

test("the playground's model picker adds and removes models from the keyboard", async ({ page }) => {
  await page.goto("/playground");
  const search = page.getByTestId("model-search");
  await tabTo(page, search);
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
  await page.keyboard.press("Tab");
  await expect(search).toBeFocused();
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
  await tabTo(page, sort);
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
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const open = page.getByTestId("open-compare");
  await tabTo(page, open);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog\/compare\?ids=/);
  await expect(page.getByTestId("compare-column")).toHaveCount(2);
});

test("the calculator takes a workload's volume and a routing mix from the keyboard", async ({ page }) => {
  await page.goto("/calculator");
  const workload = page.getByTestId("workload").first();
  const monthly = page.getByTestId("result-row").first().getByTestId("result-monthly");
  await expect(monthly).toHaveAttribute("data-usd", /\d/);
  const before = await monthly.getAttribute("data-usd");

  const requests = workload.getByTestId("workload-requests");
  await tabTo(page, requests);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("250000");
  await page.keyboard.press("Tab");
  await expect.poll(() => monthly.getAttribute("data-usd")).not.toBe(before);

  // The team mode, by keyboard: back to the mode buttons, choose it, then type the team size.
  await tabTo(page, workload.getByTestId("volume-mode-team"), { back: true });
  await page.keyboard.press("Space");
  const teamSize = workload.getByTestId("team-size");
  await expect(teamSize).toBeVisible();
  await tabTo(page, teamSize);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  await expect(workload.getByTestId("volume-explanation")).toContainText("3 people");

  // A routing mix: Enter adds the example mix; the first row's search replaces its model.
  await tabTo(page, workload.getByTestId("routing-add"));
  await page.keyboard.press("Enter");
  const search = workload.getByTestId("routing-search").first();
  await tabTo(page, search);
  await page.keyboard.type("gpt 4.1 nano");
  const active = workload.locator('[data-testid="routing-option"][aria-selected="true"]');
  await expect(active).toHaveAttribute("data-model-id", /gpt-4\.1-nano$/);
  const id = await active.getAttribute("data-model-id");
  await page.keyboard.press("Enter");
  await expect(workload.getByTestId("routing-model").first()).toHaveAttribute("data-model-id", id ?? "");
  await expect(page.getByTestId("routing-result")).toContainText(id ?? "");

  // Tabbing away from a half-typed search picks nothing: the row keeps its model.
  await expect(search).toBeFocused();
  await page.keyboard.type("claude");
  await expect(workload.locator('[data-testid="routing-option"][aria-selected="true"]')).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(search).not.toBeFocused();
  await expect(workload.getByTestId("routing-model").first()).toHaveAttribute("data-model-id", id ?? "");
});
