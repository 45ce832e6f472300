// Takes screenshots of running pages in real Chromium, for the README and for looking at the UI.
// Usage: node tests/support/screenshots.mjs http://127.0.0.1:3000 out-dir /path[|name] ... [--dark] [--width=N]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser } from "./find-browser.mjs";

const [baseUrl = "http://127.0.0.1:3000", outDir = "tests/.tmp/screens", ...rest] = process.argv.slice(2);
const dark = rest.includes("--dark");
const width = Number(rest.find((arg) => arg.startsWith("--width="))?.split("=")[1] ?? 1400);
const height = Number(rest.find((arg) => arg.startsWith("--height="))?.split("=")[1] ?? 900);
const pages = rest.filter((arg) => !arg.startsWith("--"));

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: findBrowser().path,
  args: CHROMIUM_ARGS,
});
const context = await browser.newContext({
  viewport: { width, height },
  colorScheme: dark ? "dark" : "light",
});
const page = await context.newPage();
for (const spec of pages) {
  const [pagePath, name = pagePath.replace(/[^a-z0-9]+/gi, "_") || "home"] = spec.split("|");
  await page.goto(new URL(pagePath, baseUrl).toString(), { waitUntil: "networkidle" });
  // Charts draw without animation; wait for the web fonts, and let CSS transitions finish at once.
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: rest.includes("--full"), animations: "disabled" });
  console.log(file);
}
await browser.close();
