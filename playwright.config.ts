import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/find-browser.mjs";

// tests/support/run-e2e.mjs finds the browser and prepares a fresh embedded database before this runs.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
const executablePath = process.env.E2E_CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "tests/.tmp/e2e-results",
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1400, height: 900 } } }],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      PGLITE_DIR: process.env.PGLITE_DIR ?? path.join("tests", ".tmp", "pglite-e2e"),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
