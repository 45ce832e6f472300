import { expect, test } from "@playwright/test";
import { AppShell, NAV } from "./pages/app-shell";

test("landing page says what the product does and links to the four tools", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto("/");
  await expect(shell.title).toContainText("Choose LLM APIs");
  for (const [testId, path] of [
    ["tool-catalog", "/catalog"],
    ["tool-playground", "/playground"],
    ["tool-evals", "/evals"],
    ["tool-calculator", "/calculator"],
  ] as const) {
    await expect(page.getByTestId(testId)).toHaveAttribute("href", path);
  }
  await page.getByTestId("tool-calculator").click();
  await expect(page).toHaveURL(/\/calculator$/);
});

test("every page opens from the nav and marks itself active", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto("/");
  for (const item of NAV) {
    await shell.navLink(item.label).click();
    await expect(page).toHaveURL(new RegExp(`${item.path}$`));
    await expect(shell.title).toBeVisible();
    await expect(shell.navLink(item.label)).toHaveAttribute("aria-current", "page");
  }
});

test("theme follows the system, can be switched, and survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const shell = new AppShell(page);
  await shell.goto("/");
  expect(await shell.isDark()).toBe(true);
  const darkBackground = await shell.bodyBackground();

  await shell.chooseTheme("light");
  expect(await shell.isDark()).toBe(false);
  const lightBackground = await shell.bodyBackground();
  expect(lightBackground).not.toBe(darkBackground);

  await page.reload();
  expect(await shell.isDark()).toBe(false);
  await expect(shell.themeToggle).toHaveAttribute("data-theme-choice", "light");

  await shell.chooseTheme("dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await shell.isDark()).toBe(true);

  await shell.chooseTheme("system");
  expect(await shell.isDark()).toBe(false);
});

test("health route reports the database driver, migrations and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(["pglite", "postgres"]).toContain(body.db.driver);
  expect(body.db.migrations.upToDate).toBe(true);
  expect(body.db.migrations.applied).toBeGreaterThan(0);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("settings shows provider status without revealing keys", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto("/settings");
  await expect(page.getByTestId("provider-row-openai")).toBeVisible();
  await expect(page.getByTestId("provider-row-anthropic")).toContainText("ANTHROPIC_API_KEY");
  await expect(page.getByTestId("db-migrations")).toContainText("applied");
  const html = await page.content();
  expect(html).not.toMatch(/sk-[A-Za-z0-9]{8,}/);
});

test("unknown pages get the not-found page with a way back", async ({ page }) => {
  const response = await page.goto("/definitely-not-a-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.getByRole("link", { name: "Browse the catalog" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("pages fit the width and the nav stays usable", async ({ page }) => {
    const shell = new AppShell(page);
    for (const path of ["/", ...NAV.map((item) => item.path)]) {
      await shell.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await shell.navLink("Settings").click();
    await expect(page).toHaveURL(/\/settings$/);
  });
});
