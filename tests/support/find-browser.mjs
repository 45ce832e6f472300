// Finds a Chromium for Playwright, in this order: CHROMIUM_PATH, /usr/bin/chromium, Playwright's own
// browser, then (Debian/Ubuntu as root) apt-get install chromium, else `npx playwright install chromium`.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Flags every headless Chromium run here uses: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function playwrightBrowser() {
  try {
    const { chromium } = require("playwright-core");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

export function findBrowser({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return { path: fromEnv, via: "CHROMIUM_PATH" };
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return { path: candidate, via: candidate };
  }
  const bundled = playwrightBrowser();
  if (bundled) return { path: bundled, via: "Playwright's browser" };
  if (!install) return null;

  if (process.platform === "linux" && process.getuid?.() === 0 && isDebianLike()) {
    console.log("No Chromium found; installing Debian's chromium with apt-get…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: "inherit",
    });
    if (existsSync("/usr/bin/chromium"))
      return { path: "/usr/bin/chromium", via: "apt-get install chromium" };
  }
  console.log("No Chromium found; trying `npx playwright install chromium`…");
  const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  const installed = result.status === 0 ? playwrightBrowser() : null;
  if (installed) return { path: installed, via: "npx playwright install" };
  throw new Error(
    "No Chromium available. Install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findBrowser();
  console.log(`Browser: ${found.path} (via ${found.via})`);
}
