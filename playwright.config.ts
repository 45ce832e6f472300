import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/find-browser.mjs";

// tests/support/run-e2e.mjs finds the browser and prepares a fresh embedded database before this runs.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
const executablePath = process.env.E2E_CHROMIUM_PATH || undefined;
export const FAKE_PORT = Number(process.env.E2E_FAKE_PORT ?? 4010);
export const FAKE_URL = `http://127.0.0.1:${FAKE_PORT}`;

/**
 * A second server of the same build runs as a shared deployment: sign-in through a local OpenID
 * Connect issuer. Only tests/e2e/sign-in.spec.ts talks to it; every other spec uses the single-user one.
 */
export const AUTH_PORT = Number(process.env.E2E_AUTH_PORT ?? PORT + 1);
export const AUTH_URL = `http://127.0.0.1:${AUTH_PORT}`;
export const ISSUER_PORT = Number(process.env.E2E_ISSUER_PORT ?? FAKE_PORT + 500);
export const ISSUER_URL = `http://127.0.0.1:${ISSUER_PORT}`;
/** The secrets of the shared deployment under test; none of them may ever appear in a page. */
export const E2E_AUTH_ENV = {
  APP_ORIGIN: AUTH_URL,
  AUTH_OIDC_ISSUER: ISSUER_URL,
  AUTH_OIDC_NAME: "Example SSO",
  AUTH_OIDC_CLIENT_ID: "modelledger-e2e",
  AUTH_OIDC_CLIENT_SECRET: "e2e-client-secret-0003",
  AUTH_SECRET: "e2e-auth-secret-e2e-auth-secret-0004",
  AUTH_ADMIN_EMAILS: "ada@example.com",
  AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
};

/** Two real providers point at the fake upstream; the key values must never appear in a page. */
export const E2E_PROVIDER_ENV = {
  OPENAI_API_KEY: "sk-e2e-openai-secret-0001",
  OPENAI_BASE_URL: `${FAKE_URL}/v1`,
  ANTHROPIC_API_KEY: "sk-e2e-anthropic-secret-0002",
  ANTHROPIC_BASE_URL: `${FAKE_URL}/v1`,
  OLLAMA_BASE_URL: FAKE_URL,
};

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
  webServer: [
    {
      // The providers' wire formats, served locally: the app is pointed at it with base-URL overrides.
      command: `npx tsx tests/support/fake-upstream-cli.ts --port ${FAKE_PORT}`,
      url: `${FAKE_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        PGLITE_DIR: process.env.PGLITE_DIR ?? path.join("tests", ".tmp", "pglite-e2e"),
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
        ...E2E_PROVIDER_ENV,
      },
    },
    {
      command: `npx tsx tests/support/oidc-issuer-cli.ts --port ${ISSUER_PORT}`,
      url: `${ISSUER_URL}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx next start -p ${AUTH_PORT} -H 127.0.0.1`,
      url: `${AUTH_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        // Its own embedded database, even when the single-user server runs on a Postgres server.
        DATABASE_URL: "",
        PGLITE_DIR: process.env.E2E_AUTH_PGLITE_DIR ?? path.join("tests", ".tmp", "pglite-e2e-auth"),
        ...E2E_PROVIDER_ENV,
        ...E2E_AUTH_ENV,
      },
    },
  ],
});
