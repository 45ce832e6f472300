// Builds the production app into `distDir` unless a build there is newer than every source file, so a
// test or bench run never serves code older than the tree it was started from.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db", "public", "next.config.ts", "package.json"];

/** The latest modification time of any file under `entry` (0 when it does not exist). */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the build in `distDir` must be made again, or null when it is current. */
export function staleBuildReason(distDir = ".next") {
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
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, ...(distDir === ".next" ? {} : { NEXT_DIST_DIR: distDir }) },
  });
  if (build.status !== 0) throw new Error("next build failed");
}
