import { expect, type Locator, type Page } from "@playwright/test";

export const FAKE_UPSTREAM_URL = `http://127.0.0.1:${process.env.E2E_FAKE_PORT ?? 4010}`;

/** Sets how the local fake upstream answers a model, e.g. slow, failing or with given text. */
export async function setFakeScenario(page: Page, model: string, scenario: Record<string, unknown>) {
  const response = await page.request.post(`${FAKE_UPSTREAM_URL}/__fake/scenario`, {
    data: { model, ...scenario },
  });
  expect(response.ok()).toBe(true);
}

export async function resetFake(page: Page) {
  await page.request.post(`${FAKE_UPSTREAM_URL}/__fake/reset`);
}

export interface FakeRequest {
  model: string;
  aborted: boolean;
  body: { messages?: { role: string }[] };
}

export async function fakeRequests(page: Page): Promise<FakeRequest[]> {
  const body = (await (await page.request.get(`${FAKE_UPSTREAM_URL}/__fake/requests`)).json()) as {
    requests: FakeRequest[];
  };
  return body.requests;
}

/** The playground at /playground: model picker, composer and one pane per model. */
export class PlaygroundPage {
  readonly prompt: Locator;
  readonly runButton: Locator;
  readonly panes: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByTestId("prompt-input");
    this.runButton = page.getByTestId("run-button");
    this.panes = page.getByTestId("pane");
  }

  async goto(query = "") {
    await this.page.goto(`/playground${query ? `?${query}` : ""}`);
    await expect(this.prompt).toBeVisible();
  }

  pane(modelId: string): Locator {
    return this.page.locator(`[data-testid="pane"][data-model-id="${modelId}"]`);
  }

  async selectModels(ids: string[]) {
    const chips = this.page.getByTestId("selected-model");
    while ((await chips.count()) > 0) await chips.first().getByRole("button").click();
    for (const id of ids) {
      await this.page.getByTestId("model-search").fill(id.split("/").at(-1) ?? id);
      await this.page.locator(`[data-testid="model-option"][data-model-id="${id}"]`).click();
    }
    await expect(this.page.getByTestId("selected-model")).toHaveCount(ids.length);
  }

  async run(text: string) {
    await this.prompt.fill(text);
    await this.prompt.press("Control+Enter");
  }

  async waitForPane(modelId: string, status: "ok" | "error" | "stopped") {
    await expect(this.pane(modelId)).toHaveAttribute("data-status", status, { timeout: 20_000 });
  }

  /** Deletes the saved session whose title is `title` (as History would), once it has been saved. */
  async deleteSavedSession(title: string) {
    let id: string | undefined;
    await expect
      .poll(async () => {
        const response = await this.page.request.get(`/api/sessions?q=${encodeURIComponent(title)}`);
        const { sessions } = (await response.json()) as { sessions: { id: string; title: string }[] };
        id = sessions.find((session) => session.title === title)?.id;
        return id;
      })
      .toBeTruthy();
    expect((await this.page.request.delete(`/api/sessions/${id}`)).status()).toBe(204);
  }

  metric(modelId: string, name: "ttft" | "rate" | "total" | "tokens" | "cost"): Locator {
    return this.pane(modelId).getByTestId(`metric-${name}`);
  }
}
