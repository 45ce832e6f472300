/**
 * bench/tokens-browser: the calculator's token counter in headless Chromium, on a production build. Pastes
 * a ~100k-token mixed-language text into a workload's sample box with the keyboard (Ctrl+V from the
 * clipboard), once to load the encodings and then again with slightly different texts, and reads the
 * timings the page itself reports for each count. It does so in several sessions, each on a fresh page
 * that loads the encodings anew (BENCH_SESSIONS, 3 by default). Prints the median and p99 per encoding in
 * ms per 100k tokens against the 30 ms target, each session's counts in order with its slowest, and the
 * longest the page went without drawing a frame while each paste was inserted and counted (how long it
 * stopped responding). With BENCH_TRACE=1 it also records a Chromium trace of each session and splits the
 * counts by whether a major garbage collection paused a worker during them.
 * Run: npm run bench:tokens:browser
 */
import { loadavg } from "node:os";
import { type BrowserContext, type ConsoleMessage, chromium } from "@playwright/test";
import { countTokens, type Encoding } from "../lib/tokens";
import { CalculatorPage } from "../tests/e2e/pages/calculator-page";
import { mixedCorpus } from "../tests/support/corpus";
import { CHROMIUM_ARGS, findBrowser } from "../tests/support/find-browser.mjs";
import { type GcDuringCount, gcDuringCounts } from "./gc-trace";
import { percentile, startServer } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3392);
// Its own build folder, so the bench never serves or overwrites the `.next` of a running dev server.
const DIST_DIR = ".next-tok";
const CORPUS_CHARS = 340_000;
const COUNTS_AFTER_LOAD = 20;
/** Fresh pages, each loading the encodings anew: the first counts after a load are the slowest. */
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 3);
/** BENCH_TRACE=1 records a Chromium trace of each session and says which counts a garbage collection slowed. */
const TRACE = process.env.BENCH_TRACE === "1";
const TRACE_CATEGORIES = ["devtools.timeline", "v8", "blink.user_timing"];
const TARGET_MS_PER_100K = 30;

/** Records the gaps between animation frames on the page, from now until `stopFrameGaps`. */
const START_FRAME_GAPS = `(() => {
  const w = window;
  w.__frameGaps = [];
  w.__recordFrames = true;
  let last = performance.now();
  const onFrame = (now) => {
    w.__frameGaps.push(now - last);
    last = now;
    if (w.__recordFrames) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})()`;
const STOP_FRAME_GAPS =
  "(() => { window.__recordFrames = false; return Math.max(0, ...window.__frameGaps); })()";

interface PageReport {
  o200kTokens: number;
  o200kMs: number;
  cl100kTokens: number;
  cl100kMs: number;
}

/** The line the page logs when a count is done: "[token-counter] … o200k N tokens in X ms, cl100k N in Y ms". */
function parseReport(line: string): PageReport | null {
  const match = /^\[token-counter\].*o200k (\d+) tokens in ([\d.]+) ms, cl100k (\d+) in ([\d.]+) ms/.exec(
    line,
  );
  if (!match) return null;
  const [, o200kTokens, o200kMs, cl100kTokens, cl100kMs] = match.map(Number);
  return {
    o200kTokens: o200kTokens ?? 0,
    o200kMs: o200kMs ?? 0,
    cl100kTokens: cl100kTokens ?? 0,
    cl100kMs: cl100kMs ?? 0,
  };
}

const per100k = (ms: number, tokens: number) => (ms / tokens) * 100_000;

/**
 * One session: a fresh page (so fresh workers, which load the encodings with the first count) that pastes
 * each text in turn with Ctrl+V and collects the counts it reports and the longest gap between frames.
 */
async function pasteSession(context: BrowserContext, texts: string[]) {
  const page = await context.newPage();
  let onReport: ((report: PageReport) => void) | null = null;
  page.on("console", (message: ConsoleMessage) => {
    const report = parseReport(message.text());
    if (report && onReport) onReport(report);
  });
  const calculator = new CalculatorPage(page);
  await calculator.goto();
  const sampleBox = (await calculator.openSection(0, "tokens")).getByTestId("sample-text");
  const reports: PageReport[] = [];
  const frameGaps: number[] = [];
  if (TRACE) await context.browser()?.startTracing(page, { categories: TRACE_CATEGORIES });
  for (const text of texts) {
    await page.evaluate((clip) => navigator.clipboard.writeText(clip), text);
    await sampleBox.fill("");
    await sampleBox.focus();
    const reported = new Promise<PageReport>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the page reported no count within 60 s")), 60_000);
      onReport = (report) => {
        clearTimeout(timer);
        resolve(report);
      };
    });
    await page.evaluate(START_FRAME_GAPS);
    await page.keyboard.press("ControlOrMeta+V");
    reports.push(await reported);
    frameGaps.push(await page.evaluate<number>(STOP_FRAME_GAPS));
  }
  const trace = TRACE ? await context.browser()?.stopTracing() : undefined;
  await page.close();
  return { reports, frameGaps, gc: trace ? gcDuringCounts(trace.toString("utf8")) : undefined };
}

/** Splits the counts by whether a worker paused for a major collection while counting, and lists those. */
function reportGc(
  encoding: Encoding,
  bySession: number[][],
  gcBySession: (Map<string, GcDuringCount> | undefined)[],
) {
  const withMajor: number[] = [];
  const without: number[] = [];
  for (const [session, counts] of bySession.entries()) {
    for (const [index, ms] of counts.entries()) {
      // Count `index` after the load is paste `index + 1` of the session.
      const gc = gcBySession[session]?.get(`${index + 1}:${encoding}`) ?? { majorMs: 0, markingMs: 0 };
      (gc.majorMs > 0 ? withMajor : without).push(ms);
      if (ms > TARGET_MS_PER_100K)
        console.log(
          `${"".padEnd(12)} session ${session + 1}, count ${index + 1}: ${ms.toFixed(1)} ms per 100k tokens; in a worker meanwhile, major collection pauses ${gc.majorMs.toFixed(1)} ms, marking steps ${gc.markingMs.toFixed(1)} ms`,
        );
    }
  }
  const summary = (counts: number[]) => {
    const sorted = [...counts].sort((a, b) => a - b);
    return sorted.length === 0
      ? "none"
      : `${sorted.length}, p50 ${percentile(sorted, 50).toFixed(1)} ms, slowest ${sorted.at(-1)?.toFixed(1)} ms`;
  };
  console.log(
    `${"".padEnd(12)} counts with a major collection in a worker: ${summary(withMajor)}; without: ${summary(without)}`,
  );
}

const server = await startServer(PORT, {}, { distDir: DIST_DIR });
const browser = await chromium.launch({ executablePath: findBrowser().path, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Each count's text differs from the last all the way through (other numbers), as a new paste would.
  const texts = Array.from({ length: COUNTS_AFTER_LOAD + 1 }, (_, run) =>
    mixedCorpus(CORPUS_CHARS, run * 1000),
  );
  const sessions: PageReport[][] = [];
  const gcBySession: (Map<string, GcDuringCount> | undefined)[] = [];
  const longestFrameGaps: number[] = [];
  for (let session = 0; session < SESSIONS; session++) {
    const { reports, frameGaps, gc } = await pasteSession(context, texts);
    sessions.push(reports);
    gcBySession.push(gc);
    longestFrameGaps.push(...frameGaps);
  }

  // The page's counts must be the real ones: compare with gpt-tokenizer in Node on the same texts.
  for (const [index, text] of texts.entries()) {
    const expected = {
      o200k: await countTokens(text, "o200k_base"),
      cl100k: await countTokens(text, "cl100k_base"),
    };
    for (const reports of sessions) {
      const report = reports[index];
      if (report?.o200kTokens !== expected.o200k || report.cl100kTokens !== expected.cl100k)
        throw new Error(
          `count ${index}: the page counted o200k ${report?.o200kTokens}, cl100k ${report?.cl100kTokens}; Node counts ${expected.o200k}, ${expected.cl100k}`,
        );
    }
  }

  // Other work on the machine slows the counting down; say how busy it was, so a slow run can be told apart.
  console.log(`machine load (1-minute average) at the end: ${loadavg()[0]?.toFixed(2)}`);
  const first = sessions[0]?.[0];
  if (!first) throw new Error("no counts");
  console.log(
    `${CORPUS_CHARS.toLocaleString("en-US")}-character paste, ${first.o200kTokens.toLocaleString("en-US")} o200k / ${first.cl100kTokens.toLocaleString("en-US")} cl100k tokens; counts match gpt-tokenizer in Node`,
  );
  console.log(
    `${SESSIONS} sessions, each a fresh page that loads the encodings with its first count and then counts ${COUNTS_AFTER_LOAD} more pastes`,
  );
  console.log(
    `first count of each session (loads the encoding): o200k ${sessions.map((reports) => reports[0]?.o200kMs.toFixed(0)).join(", ")} ms; cl100k ${sessions.map((reports) => reports[0]?.cl100kMs.toFixed(0)).join(", ")} ms`,
  );
  const gaps = [...longestFrameGaps].sort((a, b) => a - b);
  console.log(
    `longest time without a frame while a paste was inserted and counted: p50 ${percentile(gaps, 50).toFixed(0)} ms, worst ${gaps.at(-1)?.toFixed(0)} ms over ${gaps.length} pastes`,
  );
  const encodings: [Encoding, (report: PageReport) => number][] = [
    ["o200k_base", (report) => per100k(report.o200kMs, report.o200kTokens)],
    ["cl100k_base", (report) => per100k(report.cl100kMs, report.cl100kTokens)],
  ];
  for (const [encoding, msPer100k] of encodings) {
    const bySession = sessions.map((reports) => reports.slice(1).map(msPer100k));
    const sorted = bySession.flat().sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    const verdict = (ms: number) => (ms <= TARGET_MS_PER_100K ? "met" : "MISSED");
    console.log(
      `${encoding.padEnd(12)} ${sorted.length} counts after load: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms per 100k tokens (target ≤ ${TARGET_MS_PER_100K} ms: p50 ${verdict(p50)}, p99 ${verdict(p99)})`,
    );
    for (const [session, counts] of bySession.entries()) {
      const slowest = Math.max(...counts);
      console.log(
        `${"".padEnd(12)} session ${session + 1}, in order: ${counts.map((ms) => ms.toFixed(0)).join(" ")} (slowest ${slowest.toFixed(1)}: ${verdict(slowest)})`,
      );
    }
    if (TRACE) reportGc(encoding, bySession, gcBySession);
  }
  if (TRACE)
    console.log(
      "(traced: tracing slows the counts down, so take the figures above from a run without BENCH_TRACE)",
    );
} finally {
  await browser.close();
  server.stop();
}
