import { expect, type Locator, type Page } from "@playwright/test";

/** The catalog table at /catalog: filters, sort, search, selection for compare. */
export class CatalogPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("catalog-table");
    this.rows = page.getByTestId("catalog-row");
    this.search = page.getByTestId("catalog-search");
    this.count = page.getByTestId("catalog-count");
  }

  async goto(query = "") {
    await this.page.goto(`/catalog${query ? `?${query}` : ""}`);
    await expect(this.table).toBeVisible();
  }

  async rowCount(): Promise<number> {
    return Number(await this.table.getAttribute("data-row-count"));
  }

  /** Waits for the table to settle on a new result after a filter change. */
  async expectRowCountChange(before: number): Promise<number> {
    await expect.poll(() => this.rowCount()).not.toBe(before);
    return this.rowCount();
  }

  async visibleIds(limit = 10): Promise<string[]> {
    const ids = await this.rows.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute("data-model-id") ?? ""),
    );
    return ids.slice(0, limit);
  }

  cell(row: Locator, column: string): Locator {
    return row.locator(`td[data-col="${column}"]`);
  }

  async toggleChip(testId: string) {
    await this.page.getByTestId(testId).click();
  }

  /** Sets a per-source minimum score in the quality filter's popover. */
  async setMinScore(source: string, value: number) {
    const popover = this.page.getByTestId("filter-min-scores");
    if ((await popover.getAttribute("open")) === null) await popover.locator("summary").click();
    await this.page.getByTestId(`filter-min-score-${source}`).fill(String(value));
    await popover.locator("summary").click();
    await expect(this.page.getByTestId(`active-min-score-${source}`)).toBeVisible();
  }

  /** Shows an opt-in column (a per-source score) through the column menu. */
  async showColumn(column: string) {
    const menu = this.page.getByTestId("column-menu");
    await menu.locator("summary").click();
    await this.page.getByTestId(`column-toggle-${column}`).check();
    await menu.locator("summary").click();
    await expect(this.page.getByTestId(`sort-${column}`)).toBeVisible();
  }

  async sortBy(column: string) {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  /**
   * The URL's query once it holds every one of `parts`: the table writes its state to the URL after a
   * short debounce, so this waits for that write rather than for a fixed time.
   */
  async searchWith(...parts: string[]): Promise<string> {
    const search = () => new URL(this.page.url()).search;
    // Compared decoded: a URL may write "arena:1350" or "arena%3A1350", and both mean the same.
    await expect
      .poll(() => parts.filter((part) => !decodeURIComponent(search()).includes(decodeURIComponent(part))))
      .toEqual([]);
    return search();
  }
}
