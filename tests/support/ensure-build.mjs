// Builds the production app into `distDir` unless a build there is newer than every source file, so a
// test or bench run never serves code older than the tree it was started from.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

/** What the build reads: folders and the root files that configure or start the app. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Test files sit beside the code they test, but no build includes them. */
const TEST_FILE = /\.test\.tsx?$/;

/**
 * The latest modification time under `entry` (0 when it does not exist). A folder's own time counts
 * too, so a file deleted or moved away since the build (which leaves no newer file behind) counts.
 */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return TEST_FILE.test(entry) ? 0 : stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the build in `distDir` must be made again, or null when it is current. */
function staleBuildReason(distDir) {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return `no production build in ${distDir}`;
  const builtAt = statSync(buildId).mtimeMs;
  const changed = SOURCES.find((entry) => newestMtime(entry) > builtAt);
  return changed ? `${changed} changed since the build in ${distDir}` : null;
}

/** Runs `next build` into `distDir` when its build is missing or older than the sources; throws if it fails. */
export function ensureBuild(distDir = ".next") {
  const reason = staleBuildReason(distDir);
  if (!reason) return;
  console.log(`${reason}; running next build…`);
  const startedAt = new Date();
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, ...(distDir === ".next" ? {} : { NEXT_DIST_DIR: distDir }) },
  });
  if (build.status !== 0) throw new Error("next build failed");
  // The build is as new as the sources it read when it started: a file saved while it compiled is newer.
  utimesSync(path.join(distDir, "BUILD_ID"), startedAt, startedAt);
}
