// `npm test`: every check in order (typecheck, lint, build, unit + db tests, browser tests), then one
// summary line "N passed, N failed" summed across the runners. A failed non-test step counts as one failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const tmp = path.join("tests", ".tmp");
mkdirSync(tmp, { recursive: true });
const vitestJson = path.join(tmp, "vitest.json");
const playwrightJson = path.join(tmp, "playwright.json");
for (const file of [vitestJson, playwrightJson]) rmSync(file, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
// Names of the failing tests, repeated under the summary so that a long log still says what failed.
const failures = [];

function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected" || test.status === "flaky") {
          failures.push(`playwright (${test.status}): ${[...here, spec.title].join(" › ")}`);
        }
      }
    }
    collectPlaywrightFailures(suite.suites ?? [], here);
  }
}

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  return { ok, seconds };
}

function step(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  lines.push(`${ok ? "✓" : "✗"} ${label} (${seconds}s)`);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  return ok;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function suite(label, command, args, count) {
  const { ok, seconds } = run(label, command, args);
  const counted = count();
  if (counted) {
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
    lines.push(
      `${ok ? "✓" : "✗"} ${label}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped (${seconds}s)`,
    );
  } else {
    totals.failed += 1;
    lines.push(`✗ ${label}: did not report results (${seconds}s)`);
  }
  // A runner that exits non-zero with no failing test (e.g. a crash in setup) still fails the run.
  if (!ok && counted && counted.failed === 0) totals.failed += 1;
  return ok;
}

step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint + format", "npx", ["biome", "check", "."]);
// Built before the tests: a test that serves the production app (tests/api/playground-instances) and the
// browser tests then find this build current and use it, rather than each building it again.
const built = step("next build", "npx", ["next", "build"]);
suite(
  "unit + db tests (vitest)",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
  () => {
    const report = readJson(vitestJson);
    if (!report) return null;
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === "failed")
          failures.push(`vitest: ${path.relative(process.cwd(), file.name)} › ${test.fullName}`);
      }
    }
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  },
);
if (built) {
  suite("browser tests (playwright)", "node", ["tests/support/run-e2e.mjs"], () => {
    const report = readJson(playwrightJson);
    if (!report) return null;
    collectPlaywrightFailures(report.suites ?? [], []);
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
    return { passed: expected, failed: unexpected + flaky, skipped };
  });
} else {
  totals.failed += 1;
  lines.push("✗ browser tests (playwright): not run because the build failed");
}

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
console.log(`\n━━ Summary\n${lines.join("\n")}\n`);
if (failures.length > 0) console.log(`Failed tests:\n${failures.map((name) => `  ✗ ${name}`).join("\n")}\n`);
writeFileSync(path.join(tmp, "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(totals.failed === 0 ? 0 : 1);
