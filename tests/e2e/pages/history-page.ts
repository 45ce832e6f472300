import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import { parseEvents } from "@/lib/sse";

/** Runs a prompt through the real compare endpoint with demo models and returns its session id. */
export async function createSession(
  request: APIRequestContext,
  prompt: string,
  models: string[] = ["demo/swift", "demo/steady"],
): Promise<string> {
  const response = await request.post("/api/playground/runs", { data: { prompt, models } });
  expect(response.status()).toBe(200);
  // The body is an SSE stream; reading it to the end waits until every answer is saved.
  const stream = await response.text();
  const first = parseEvents<{ sessionId?: string }>(stream)[0] ?? {};
  expect(first.sessionId).toBeTruthy();
  return String(first.sessionId);
}

/** /history: the Sessions tab (search, rows, inline detail) and the Usage tab (totals, charts, table). */
export class HistoryPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly loadMore: Locator;
  readonly usageTotals: Locator;
  readonly usageRows: Locator;
  readonly includeSimulated: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId("session-search");
    this.rows = page.getByTestId("session-row");
    this.loadMore = page.getByTestId("sessions-load-more");
    this.usageTotals = page.getByTestId("usage-totals");
    this.usageRows = page.getByTestId("usage-row");
    this.includeSimulated = page.getByTestId("usage-include-simulated");
  }

  async gotoSessions(query = "") {
    await this.page.goto(`/history${query}`);
    await expect(this.search).toBeVisible();
  }

  async gotoUsage(query = "") {
    await this.page.goto(`/history?tab=usage${query}`);
    await expect(this.page.getByTestId("usage-range")).toBeVisible();
  }

  row(sessionId: string): Locator {
    return this.page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  }

  /** Types a search (one URL-safe word) and waits for the debounced request to settle. */
  async searchFor(word: string) {
    await this.search.fill(word);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${word}(&|$)`));
    await expect(this.page.getByTestId("session-count")).not.toContainText("searching");
  }

  /** Ids of the listed sessions, in the order shown. */
  async listedIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-session-id") ?? ""));
  }

  async open(sessionId: string): Promise<Locator> {
    const row = this.row(sessionId);
    await row.getByTestId("session-open").click();
    const detail = row.getByTestId("session-detail");
    await expect(detail).toBeVisible();
    return detail;
  }

  async rename(sessionId: string, title: string) {
    const row = this.row(sessionId);
    await row.getByTestId("session-rename").click();
    await row.getByTestId("session-rename-input").fill(title);
    await row.getByTestId("session-rename-save").click();
    await expect(row.getByTestId("session-title")).toHaveText(title);
  }

  async remove(sessionId: string) {
    const row = this.row(sessionId);
    await row.getByTestId("session-delete").click();
    await row.getByTestId("session-delete-confirm").click();
    await expect(row).toHaveCount(0);
  }

  /** The usage view marks itself pending while a changed filter's numbers are loading. */
  async waitForUsage() {
    await expect(this.page.getByTestId("usage-view")).toHaveAttribute("data-pending", "false");
  }

  chart(id: "spend" | "tokens" | "provider" | "model"): Locator {
    return this.page.getByTestId(`usage-chart-${id}`);
  }

  /** Recharts draws bars only after it has measured its container, i.e. once the page has hydrated. */
  async expectChartBars(id: "spend" | "tokens" | "provider" | "model") {
    await expect(this.chart(id).locator(".recharts-bar-rectangle").first()).toBeVisible();
  }

  async horizontalOverflowPx(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
