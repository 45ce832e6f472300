/**
 * bench/matrix: whether an eval run's page stays fast at 500 cases × 6 models (3,000 answers). Seeds
 * such a run on a production server against the fake upstream (six models answering at different
 * lengths, each case a different length limit, so the models pass and fail differently), then:
 *  1. the API: GET /api/evals/runs/{id}?limit=500 (the page the run view reads, all 500 cases with
 *     their answers), sequentially, p50 / p99 and its size; and what a live view polls instead
 *     (?afterResult=…: status, progress, summary and the answers since), with nothing new and with the
 *     run's last 100 answers new;
 *  2. the page in headless Chromium, BENCH_SESSIONS (5) fresh loads: from navigation, when the document
 *     was loaded, when the run's page was fetched and when the first matrix row was in the document;
 *     the matrix rows in the DOM; once the page has settled, the time from a click on "Failures only"
 *     and on "Models disagree" to the next frame drawn, the same for each screenful while the matrix is
 *     scrolled from top to bottom; and the JavaScript heap.
 * Prints medians and the worst over the loads.
 * Run: npm run bench:matrix (BENCH_CASES 500, BENCH_SESSIONS 5, BENCH_APP_PORT 3430, BENCH_FAKE_PORT 4430;
 * BENCH_DIST serves an earlier build folder as it is)
 */
import { loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser } from "../tests/support/find-browser.mjs";
import { median, percentile, startFakeUpstream, startServer } from "./lib";

const CASES = Number(process.env.BENCH_CASES ?? 500);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 5);
const API_READS = 10;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3430);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4430);
const FAKE = `http://127.0.0.1:${FAKE_PORT}`;
const MODELS = [
  "openai/gpt-4o-mini",
  "openai/gpt-4o",
  "openai/gpt-4.1-mini",
  "openai/gpt-4.1-nano",
  "anthropic/claude-3-5-haiku-latest",
  "anthropic/claude-3-7-sonnet-latest",
];

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const fake = await startFakeUpstream(FAKE_PORT);
const server = await startServer(
  APP_PORT,
  {
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: `${FAKE}/v1`,
    ANTHROPIC_API_KEY: "sk-bench",
    ANTHROPIC_BASE_URL: `${FAKE}/v1`,
    EVAL_CONCURRENCY_PER_PROVIDER: "24",
  },
  process.env.BENCH_DIST ? { distDir: process.env.BENCH_DIST, prebuilt: true } : {},
);
const rows: string[] = [];
try {
  // Quick answers of six lengths (about 20 to 120 tokens), so that seeding takes seconds.
  for (const [index, model] of MODELS.entries())
    await post(`${FAKE}/__fake/scenario`, {
      model: model.split("/")[1],
      ttftMs: 5,
      tokensPerSecond: 50_000,
      outputTokens: 20 + 20 * index,
    });
  const cases = Array.from({ length: CASES }, (_, index) => ({
    prompt: `Case ${index}: describe the number ${index} in a few words.`,
    expected: `The number ${index}`,
    assert: [{ type: "max-length", threshold: 80 + ((index * 53) % 600) }],
  }));
  const set = await post<{ id: string }>(`${server.baseUrl}/api/evals`, { name: "bench matrix", cases });
  const seedStarted = performance.now();
  const { runId } = await post<{ runId: string }>(`${server.baseUrl}/api/evals/${set.id}/runs`, {
    models: MODELS,
    maxOutputTokens: 256,
  });
  const viewUrl = `${server.baseUrl}/api/evals/runs/${runId}`;
  for (;;) {
    const view = (await (await fetch(`${viewUrl}?limit=1`)).json()) as { run: { status: string } };
    if (view.run.status === "done") break;
    if (view.run.status !== "queued" && view.run.status !== "running")
      throw new Error(`the seeded run ended ${view.run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seedMs = performance.now() - seedStarted;

  // 1. The API page the run view reads.
  const apiMs: number[] = [];
  let bytes = 0;
  let answers = 0;
  for (let read = 0; read < API_READS + 2; read++) {
    const started = performance.now();
    const response = await fetch(`${viewUrl}?limit=500`);
    const text = await response.text();
    if (read >= 2) apiMs.push(performance.now() - started);
    bytes = text.length;
    const body = JSON.parse(text) as { cases: { results: Record<string, unknown> }[] };
    answers = body.cases.reduce((sum, item) => sum + Object.keys(item.results).length, 0);
  }
  apiMs.sort((a, b) => a - b);

  // 1b. What a live view polls instead (runNewsUrl): status, progress, summary and the answers written
  // since the last one it has; measured with nothing new and with the run's last 100 answers new.
  const whole = JSON.parse(await (await fetch(`${viewUrl}?limit=500`)).text()) as {
    cases: { results: Record<string, { id: number }> }[];
  };
  const ids = whole.cases
    .flatMap((item) => Object.values(item.results).map((result) => result.id))
    .sort((a, b) => a - b);
  const newsPoll = async (afterResult: number) => {
    const timings: number[] = [];
    let size = 0;
    for (let read = 0; read < API_READS + 2; read++) {
      const started = performance.now();
      const text = await (await fetch(`${viewUrl}?limit=500&afterResult=${afterResult}`)).text();
      if (read >= 2) timings.push(performance.now() - started);
      size = text.length;
    }
    return { timings: timings.sort((a, b) => a - b), size };
  };
  const nothingNew = await newsPoll(ids.at(-1) ?? 0);
  const hundredNew = await newsPoll(ids.at(-101) ?? 0);

  // 2. The page.
  const browser = await chromium.launch({ executablePath: findBrowser().path, args: CHROMIUM_ARGS });
  const loads: {
    contentLoadedMs: number;
    apiStartMs: number;
    apiEndMs: number;
    matrixMs: number;
    domRows: number;
    failuresMs: number;
    failuresText: string;
    disagreeMs: number;
    disagreeText: string;
    scrollP90Ms: number;
    scrollMaxMs: number;
    heapMb: number;
  }[] = [];
  try {
    for (let session = 0; session < SESSIONS; session++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      // Marks the moment the first matrix row is in the document, on the page's own clock.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid="matrix-row"]')) return;
          performance.mark("matrix");
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.baseUrl}/evals/runs/${runId}`);
      await page.locator('[data-testid="run-view"][data-status="done"]').waitFor();
      await page.getByTestId("matrix-row").first().waitFor();
      const timing = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const reads = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
          (entry) => entry.name.includes("/api/evals/runs/"),
        );
        const api = reads[0];
        return {
          apiReads: reads.length,
          contentLoadedMs: navigation.domContentLoadedEventEnd,
          apiStartMs: api?.startTime ?? Number.NaN,
          apiEndMs: api?.responseEnd ?? Number.NaN,
          matrixMs: performance.getEntriesByName("matrix")[0]?.startTime ?? Number.NaN,
        };
      });
      // One read: the view's own fetch takes the preloaded response rather than asking again.
      if (timing.apiReads !== 1) throw new Error(`the page read the run ${timing.apiReads} times, not once`);
      const domRows = await page.getByTestId("matrix-row").count();
      // What follows times interactions, not the load: let the page settle first.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      const count = page.getByTestId("matrix-count");
      /**
       * From a click on a filter until the frame after it is drawn (as a browser's "interaction to next
       * paint" counts it): React applies a click's update before the click returns.
       */
      const timeFilter = async (testId: string) => {
        const ms = await page.evaluate(async (id) => {
          const started = performance.now();
          (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - started;
        }, testId);
        return { ms, text: (await count.textContent()) ?? "" };
      };
      const failures = await timeFilter("filter-failures");
      await timeFilter("filter-all");
      const disagree = await timeFilter("filter-disagree");
      await timeFilter("filter-all");
      // A screenful at a time, top to bottom: each step from setting the scroll to the next frame drawn.
      const steps = await page.getByTestId("matrix-scroller").evaluate(async (element) => {
        const times: number[] = [];
        for (let top = 0; top < element.scrollHeight; top += element.clientHeight) {
          const started = performance.now();
          element.scrollTop = top;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b);
      });
      const heapMb = await page.evaluate(
        () =>
          ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) /
          2 ** 20,
      );
      loads.push({
        contentLoadedMs: timing.contentLoadedMs,
        apiStartMs: timing.apiStartMs,
        apiEndMs: timing.apiEndMs,
        matrixMs: timing.matrixMs,
        domRows,
        failuresMs: failures.ms,
        failuresText: failures.text,
        disagreeMs: disagree.ms,
        disagreeText: disagree.text,
        scrollP90Ms: percentile(steps, 90),
        scrollMaxMs: steps.at(-1) ?? Number.NaN,
        heapMb,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const pollRow = (label: string, poll: Awaited<ReturnType<typeof newsPoll>>) =>
    `API, a live view's poll (?afterResult=…), ${label} (${(poll.size / 1024).toFixed(1)} KiB): p50 ${percentile(poll.timings, 50).toFixed(0)} ms, p99 ${percentile(poll.timings, 99).toFixed(0)} ms`;
  const stat = (values: number[], digits = 0) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${median(sorted).toFixed(digits)}, worst ${(sorted.at(-1) ?? Number.NaN).toFixed(digits)}`;
  };
  rows.push(
    `bench/matrix: a run of ${CASES} cases × ${MODELS.length} models (${answers.toLocaleString("en-US")} answers), seeded in ${(seedMs / 1000).toFixed(1)} s; database ${process.env.DATABASE_URL ? "Postgres server" : "embedded PGlite"}; load average ${loadavg()[0]?.toFixed(2)}`,
    `API, GET /api/evals/runs/{id}?limit=500 (${(bytes / 2 ** 20).toFixed(1)} MiB), ${API_READS} reads: p50 ${percentile(apiMs, 50).toFixed(0)} ms, p99 ${percentile(apiMs, 99).toFixed(0)} ms`,
    pollRow("nothing new", nothingNew),
    pollRow("100 answers new", hundredNew),
    `Page, ${SESSIONS} fresh loads in Chromium (1400 × 900):`,
    `  from navigation: DOMContentLoaded ${stat(loads.map((load) => load.contentLoadedMs))} ms; the run's page fetched from ${stat(loads.map((load) => load.apiStartMs))} to ${stat(loads.map((load) => load.apiEndMs))} ms; the matrix on screen at ${stat(loads.map((load) => load.matrixMs))} ms`,
    `  matrix rows in the DOM: ${stat(loads.map((load) => load.domRows))} (of ${CASES})`,
    `  "Failures only", click to the next frame: ${stat(loads.map((load) => load.failuresMs))} ms (${loads[0]?.failuresText})`,
    `  "Models disagree", click to the next frame: ${stat(loads.map((load) => load.disagreeMs))} ms (${loads[0]?.disagreeText})`,
    `  scrolling a screenful, to the next frame: p90 ${stat(loads.map((load) => load.scrollP90Ms))} ms; slowest step ${stat(loads.map((load) => load.scrollMaxMs))} ms`,
    `  JavaScript heap after: ${stat(
      loads.map((load) => load.heapMb),
      1,
    )} MiB`,
  );
} finally {
  server.stop();
  fake.stop();
}
for (const row of rows) console.log(row);
