// Runs the Playwright suite against the production build in real Chromium.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "./ensure-build.mjs";
import { findBrowser } from "./find-browser.mjs";

const browser = findBrowser();
console.log(`Browser: ${browser.path} (via ${browser.via})`);

try {
  ensureBuild();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Each run starts from an empty embedded database so results do not depend on earlier runs.
const pgliteDir = path.join("tests", ".tmp", "pglite-e2e");
const authPgliteDir = path.join("tests", ".tmp", "pglite-e2e-auth");
for (const dir of [pgliteDir, authPgliteDir]) rmSync(dir, { recursive: true, force: true });

const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    E2E_CHROMIUM_PATH: browser.path,
    PGLITE_DIR: pgliteDir,
    E2E_AUTH_PGLITE_DIR: authPgliteDir,
  },
});
process.exit(result.status ?? 1);
