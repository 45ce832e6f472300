import { expect, type Locator, type Page } from "@playwright/test";

export const NAV = [
  { label: "Catalog", path: "/catalog" },
  { label: "Playground", path: "/playground" },
  { label: "Calculator", path: "/calculator" },
  { label: "History", path: "/history" },
  { label: "Settings", path: "/settings" },
] as const;

/** The header, nav and theme switch shared by every page. */
export class AppShell {
  readonly nav: Locator;
  readonly themeToggle: Locator;
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByTestId("main-nav");
    this.themeToggle = page.getByTestId("theme-toggle");
    this.title = page.getByTestId("page-title");
  }

  async goto(path: string) {
    await this.page.goto(path);
    await expect(this.title).toBeVisible();
  }

  navLink(label: string): Locator {
    return this.page.getByTestId(`nav-${label.toLowerCase()}`);
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains("dark"));
  }

  async bodyBackground(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** Clicks the theme switch until the saved choice is the wanted one. */
  async chooseTheme(choice: "system" | "light" | "dark") {
    for (let i = 0; i < 3; i++) {
      if ((await this.themeToggle.getAttribute("data-theme-choice")) === choice) return;
      await this.themeToggle.click();
    }
    await expect(this.themeToggle).toHaveAttribute("data-theme-choice", choice);
  }
}
