import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/**
 * Every page, in light and in dark mode, checked by axe against WCAG 2.1 A and AA: no serious or
 * critical violation. The eval pages are checked on a set and a finished run of the simulated models.
 */

let setId = "";
let runId = "";

test.beforeAll(async ({ request }) => {
  const created = await request.post("/api/evals", {
    data: {
      name: "Accessibility check",
      cases: [
        { prompt: "Name a prime number below ten.", assert: [{ type: "regex", value: "[2357]" }] },
        { prompt: "Say hello in French.", assert: [{ type: "icontains", value: "bonjour" }] },
        { prompt: "What is 2 + 2?", expected: "4", assert: [{ type: "contains", value: "4" }] },
      ],
    },
  });
  expect(created.status()).toBe(201);
  setId = (await created.json()).id;
  const started = await request.post(`/api/evals/${setId}/runs`, {
    data: { models: ["demo/swift", "demo/steady"] },
  });
  expect(started.status()).toBe(201);
  runId = (await started.json()).runId;
  await expect
    .poll(async () => (await (await request.get(`/api/evals/runs/${runId}?limit=1`)).json()).run.status, {
      timeout: 60_000,
    })
    .toBe("done");
});

const PAGES: { name: string; path: () => string }[] = [
  { name: "home", path: () => "/" },
  { name: "catalog", path: () => "/catalog" },
  {
    name: "catalog compare",
    path: () => "/catalog/compare?ids=openai/gpt-4o,anthropic/claude-3-5-haiku-latest",
  },
  { name: "model page", path: () => "/catalog/model/openai/gpt-4o-mini" },
  { name: "charts", path: () => "/catalog/charts" },
  { name: "wizard", path: () => "/catalog/wizard" },
  { name: "calculator", path: () => "/calculator" },
  { name: "playground", path: () => "/playground" },
  { name: "history", path: () => "/history" },
  { name: "evals", path: () => "/evals" },
  { name: "new eval set", path: () => "/evals/new" },
  { name: "eval set", path: () => `/evals/${setId}` },
  { name: "eval run", path: () => `/evals/runs/${runId}` },
  { name: "blind vote", path: () => `/evals/runs/${runId}/vote` },
  { name: "leaderboard", path: () => `/evals/${setId}/leaderboard` },
  { name: "settings", path: () => "/settings" },
  { name: "sign-in", path: () => "/sign-in" },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    }));
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const { name, path } of PAGES) {
      test(`${name} has no serious or critical accessibility violation`, async ({ page }) => {
        const response = await page.goto(path());
        expect(response?.status()).toBeLessThan(400);
        await expect(page.locator("main h1").first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(
          scheme === "dark",
        );
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
