import { expect, test } from "@playwright/test";
import { fakeRequests, PlaygroundPage, resetFake, setFakeScenario } from "./pages/playground-page";

const OPENAI = "openai/gpt-4o-mini";
const ANTHROPIC = "anthropic/claude-3-5-haiku-latest";
const DEMO = "demo/swift";

test.beforeEach(async ({ page }) => {
  await resetFake(page);
});

test("three models stream side by side with TTFT, speed, tokens and cost under each", async ({ page }) => {
  await setFakeScenario(page, "*", { ttftMs: 150, tokensPerSecond: 60, outputTokens: 60 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI, ANTHROPIC, DEMO]);
  await playground.run("Which model should answer support tickets?");

  // Mid-stream: text is arriving before the panes finish.
  await expect(playground.pane(OPENAI).getByTestId("pane-markdown")).toContainText("Answer to: Which model");
  await expect(playground.pane(DEMO).getByTestId("simulated-badge")).toBeVisible();

  for (const model of [OPENAI, ANTHROPIC, DEMO]) await playground.waitForPane(model, "ok");
  for (const model of [OPENAI, ANTHROPIC]) {
    await expect(playground.metric(model, "ttft")).toHaveText(/^\d[\d,]* ms$/);
    await expect(playground.metric(model, "rate")).toHaveText(/\/s$/);
    await expect(playground.metric(model, "tokens")).toHaveText(/^\d+ \/ 60$/);
    await expect(playground.metric(model, "cost")).toHaveText(/^\$0\.0\d+$/);
  }
  const ttft = Number((await playground.metric(OPENAI, "ttft").textContent())?.replace(/[^\d]/g, ""));
  expect(ttft).toBeGreaterThanOrEqual(150);
  await expect(playground.pane(DEMO).getByTestId("metric-cost")).toHaveText(/^\$/);
});

test("one pane fails with a clear message while the others finish", async ({ page }) => {
  await setFakeScenario(page, "*", { ttftMs: 30, tokensPerSecond: 200, outputTokens: 20 });
  await setFakeScenario(page, "claude-3-5-haiku-latest", { failStatus: 500, failTimes: 10 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI, ANTHROPIC, DEMO]);
  await playground.run("Fault isolation check");
  await playground.waitForPane(ANTHROPIC, "error");
  await expect(playground.pane(ANTHROPIC).getByTestId("pane-error")).toContainText(
    "The provider failed (500)",
  );
  await playground.waitForPane(OPENAI, "ok");
  await playground.waitForPane(DEMO, "ok");
});

test("stopping one pane stops its upstream request and keeps the partial answer", async ({ page }) => {
  await setFakeScenario(page, "gpt-4o-mini", { ttftMs: 50, tokensPerSecond: 10, outputTokens: 300 });
  await setFakeScenario(page, "claude-3-5-haiku-latest", {
    ttftMs: 50,
    tokensPerSecond: 100,
    outputTokens: 30,
  });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI, ANTHROPIC]);
  await playground.run("Tell me a long story");
  await expect(playground.pane(OPENAI).getByTestId("pane-markdown")).toContainText("Answer to");
  await playground.pane(OPENAI).getByTestId("pane-stop").click();
  await playground.waitForPane(OPENAI, "stopped");
  await playground.waitForPane(ANTHROPIC, "ok");
  await expect(playground.metric(OPENAI, "tokens")).not.toHaveText(/\/ 300$/);
  await expect
    .poll(async () => (await fakeRequests(page)).find((request) => request.model === "gpt-4o-mini")?.aborted)
    .toBe(true);
});

test("an answer whose session was deleted while it streamed says it was not saved", async ({ page }) => {
  await setFakeScenario(page, "gpt-4o-mini", { ttftMs: 50, tokensPerSecond: 15, outputTokens: 60 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI]);
  await playground.run("Delete me while I stream");
  await expect(playground.pane(OPENAI).getByTestId("pane-markdown")).toContainText("Answer to");
  await playground.deleteSavedSession("Delete me while I stream");
  await playground.waitForPane(OPENAI, "ok");
  await expect(playground.pane(OPENAI).getByTestId("pane-not-saved")).toContainText("was not saved");
});

test("closing the tab stops every upstream request of the run", async ({ page, context }) => {
  await setFakeScenario(page, "*", { ttftMs: 50, tokensPerSecond: 10, outputTokens: 300 });
  const tab = await context.newPage();
  const playground = new PlaygroundPage(tab);
  await playground.goto();
  await playground.selectModels([OPENAI, ANTHROPIC]);
  await playground.run("Tell me two long stories");
  for (const model of [OPENAI, ANTHROPIC])
    await expect(playground.pane(model).getByTestId("pane-markdown")).toContainText("Answer to");
  await tab.close();
  await expect
    .poll(async () => {
      const calls = (await fakeRequests(page)).filter((request) =>
        ["gpt-4o-mini", "claude-3-5-haiku-latest"].includes(request.model),
      );
      return calls.length === 2 && calls.every((request) => request.aborted);
    })
    .toBe(true);
});

test("model output with script tags or onerror images stays inert text", async ({ page }) => {
  const hostile =
    'Here: <script>window.__pwned = 1</script> and <img src="x" onerror="window.__pwned = 2"> and [link](javascript:alert(3)).';
  await setFakeScenario(page, "gpt-4o-mini", { text: hostile, ttftMs: 10, tokensPerSecond: 400 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI]);
  await playground.run("Say something dangerous");
  await playground.waitForPane(OPENAI, "ok");
  const answer = playground.pane(OPENAI).getByTestId("pane-markdown");
  await expect(answer).toContainText("<script>");
  await expect(answer.locator("script, img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const hrefs = await answer
    .locator("a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.every((href) => !href.startsWith("javascript:"))).toBe(true);
});

test("a saved session reopens from History and continues with each pane's own history", async ({ page }) => {
  await setFakeScenario(page, "*", { ttftMs: 20, tokensPerSecond: 300, outputTokens: 15 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI, DEMO]);
  const title = `Session check ${Date.now()}`;
  await playground.run(title);
  await playground.waitForPane(OPENAI, "ok");
  await playground.waitForPane(DEMO, "ok");

  await page.goto("/history");
  await page.getByTestId("session-search").fill(title);
  // The search is applied (in the URL, results settled) before a result is followed.
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(title);
  await expect(page.getByTestId("session-count")).not.toContainText("searching");
  const row = page.getByTestId("session-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByTestId("session-continue").click();
  await expect(page).toHaveURL(/\/playground\?session=/);
  await expect(playground.pane(OPENAI).getByTestId("pane-markdown")).toContainText(`Answer to: ${title}`);

  await playground.run("And a follow-up?");
  await playground.waitForPane(OPENAI, "ok");
  await expect(playground.pane(OPENAI).getByTestId("pane-earlier-turn")).toHaveCount(1);
  await expect(playground.pane(OPENAI).getByTestId("pane-markdown").last()).toContainText(
    "Answer to: And a follow-up?",
  );
  const followUp = (await fakeRequests(page)).filter((call) => call.model === "gpt-4o-mini").at(-1);
  expect(followUp?.body.messages?.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
});

test("usage from real models appears on the usage page, simulated usage only when asked", async ({
  page,
}) => {
  await setFakeScenario(page, "*", { ttftMs: 10, tokensPerSecond: 500, outputTokens: 10 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectModels([OPENAI, DEMO]);
  await playground.run("Count my usage");
  await playground.waitForPane(OPENAI, "ok");
  await playground.waitForPane(DEMO, "ok");

  await page.goto("/history?tab=usage");
  await expect(page.getByTestId("usage-totals")).toBeVisible();
  await expect(page.getByTestId("usage-total-requests")).not.toHaveText(/^0$/);
  const rows = page.getByTestId("usage-row");
  await expect(rows.filter({ hasText: OPENAI }).first()).toBeVisible();
  await expect(rows.filter({ hasText: DEMO })).toHaveCount(0);
  await page.getByTestId("usage-include-simulated").click();
  await expect(rows.filter({ hasText: DEMO }).first()).toBeVisible();
});

test("the settings page shows configured providers without their keys", async ({ page }) => {
  await page.goto("/settings");
  await expect(
    page.locator('[data-testid="provider-row-openai"] [data-testid="provider-configured"]'),
  ).toHaveAttribute("data-configured", "true");
  const html = await page.content();
  expect(html).not.toContain("sk-e2e-openai-secret-0001");
  expect(html).not.toContain("sk-e2e-anthropic-secret-0002");
});
