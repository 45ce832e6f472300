import { REMOTE_DATA_JSON_URL } from "@pydantic/genai-prices";
import { type DbHandle, openDb } from "@/db/client";
import { isPgliteLocked } from "@/db/pglite-lock";
import { readCatalogMeta } from "@/db/queries/catalog";
import { describeSyncReport, isSourceUnavailable, syncCatalog } from "@/lib/catalog/ingest/sync";
import { describeQualitySync, syncQuality } from "@/lib/catalog/quality/sync";
import { APPLIED_META_KEY, ensureBundledCatalog } from "@/lib/catalog/store/load";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const EXIT_SOURCE_UNAVAILABLE = 2;
const EXIT_DATABASE_BUSY = 3;
// `npm run dev` and `npm start` both pin this port (package.json).
const DEV_SERVER_HEALTH_URL = "http://127.0.0.1:3000/api/health";

const HELP = `Usage: npm run catalog:sync -- [options]

Fetches the live models.dev and genai-prices catalogs and applies them to the database: new
offerings are added, vanished ones are marked removed, and changed prices become new price
observations (history is never rewritten). If either source cannot be read, nothing changes.
Then re-reads the quality leaderboards (CATALOG_LMARENA_TEXT_URL, CATALOG_LMARENA_STYLE_CONTROL_URL,
CATALOG_AIDER_POLYGLOT_URL, CATALOG_SWE_BENCH_URL, CATALOG_LIVEBENCH_TABLE_URL,
CATALOG_LIVEBENCH_CATEGORIES_URL, the earlier LiveBench releases CATALOG_LIVEBENCH_2025_05_30_TABLE_URL,
CATALOG_LIVEBENCH_2025_05_30_CATEGORIES_URL, CATALOG_LIVEBENCH_2024_07_26_TABLE_URL,
CATALOG_LIVEBENCH_2024_07_26_CATEGORIES_URL, CATALOG_NYT_CONNECTIONS_URL, CATALOG_VECTARA_URL, CATALOG_VECTARA_OLD_DATASET_URL,
CATALOG_BULLSHIT_BENCH_URL),
appends changed scores and lists the leaderboard names that match no catalog model.

Options:
  --models-dev <url|file>    models.dev api.json (default: CATALOG_MODELS_DEV_URL)
  --genai-prices <url|file>  genai-prices data.json (default: CATALOG_GENAI_PRICES_URL)
  --dry-run                  report what would change without writing
  --skip-server-check        do not look for a dev server holding the PGlite database
  -h, --help                 show this help

Database: DATABASE_URL when set, else the PGlite directory PGLITE_DIR (default ./.data/pglite).
PGlite allows only one process per data directory, which a lock file beside it enforces: while
the dev server (npm run dev / npm start) holds the folder the sync refuses with exit code 3, so
stop the server before syncing, or set DATABASE_URL to use a Postgres server that both can share.

Exit codes: 0 done, 1 error, 2 a source was unavailable (nothing changed), 3 database busy.`;

interface CliOptions {
  modelsDev?: string;
  genaiPrices?: string;
  dryRun: boolean;
  skipServerCheck: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { dryRun: false, skipServerCheck: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (!next || next.startsWith("--")) throw new Error(`${arg} expects a URL or a file path`);
      return next;
    };
    if (arg === "--models-dev") options.modelsDev = value();
    else if (arg === "--genai-prices") options.genaiPrices = value();
    else if (arg === "--dry-run") options.dryRun = true;
    else if (arg === "--skip-server-check") options.skipServerCheck = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else throw new Error(`Unknown option ${arg}. Run with --help for usage.`);
  }
  return options;
}

const busyMessage = (dir: string, detail: string) =>
  `${detail}\nPGlite allows only one process per data directory (${dir}). Stop the dev server ` +
  "(npm run dev / npm start) and run the sync again, or set DATABASE_URL to use a Postgres server.";

/** PGlite does not lock its directory, so ask the usual dev server which driver it holds instead. */
async function devServerUsesPglite(): Promise<boolean> {
  try {
    const response = await fetch(DEV_SERVER_HEALTH_URL, { signal: AbortSignal.timeout(1_000) });
    const body = (await response.json()) as { db?: { driver?: string } };
    return body.db?.driver === "pglite";
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const config = env();
  const modelsDevUrl = options.modelsDev ?? config.CATALOG_MODELS_DEV_URL;
  const genaiPricesUrl = options.genaiPrices ?? config.CATALOG_GENAI_PRICES_URL;
  if (/^https?:\/\/raw\.githubusercontent\.com\/pydantic\//.test(genaiPricesUrl)) {
    if (genaiPricesUrl !== REMOTE_DATA_JSON_URL) {
      // Another data version lists other price keys, which would show up as spurious price changes.
      console.warn(
        `Note: the installed @pydantic/genai-prices reads ${REMOTE_DATA_JSON_URL}; ` +
          `${genaiPricesUrl} may list other price keys, which would show up as price changes.`,
      );
    }
  }

  const usesPglite = !config.DATABASE_URL;
  if (usesPglite && !options.skipServerCheck && (await devServerUsesPglite())) {
    console.error(busyMessage(config.PGLITE_DIR, `A server at ${DEV_SERVER_HEALTH_URL} is using PGlite.`));
    return EXIT_DATABASE_BUSY;
  }

  let handle: DbHandle;
  try {
    handle = await openDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  } catch (error) {
    if (isPgliteLocked(error)) {
      console.error(error.message);
      return EXIT_DATABASE_BUSY;
    }
    console.error(`Could not open the database: ${(error as Error).message}`);
    return 1;
  }

  try {
    if (options.dryRun) {
      if ((await readCatalogMeta({ db: handle.db, key: APPLIED_META_KEY })) === null) {
        console.warn("Note: the database holds no catalog yet, so the dry run compares against nothing.");
      }
    } else {
      // The sync diffs against the bundled catalog, as the app would have loaded it at start.
      await ensureBundledCatalog(handle.db);
    }
    const report = await syncCatalog({ db: handle.db, modelsDevUrl, genaiPricesUrl, dryRun: options.dryRun });
    console.log(describeSyncReport(report));
    const quality = await syncQuality({
      db: handle.db,
      dryRun: options.dryRun,
      locations: {
        lmarenaText: config.CATALOG_LMARENA_TEXT_URL,
        lmarenaStyleControl: config.CATALOG_LMARENA_STYLE_CONTROL_URL,
        aiderPolyglot: config.CATALOG_AIDER_POLYGLOT_URL,
        sweBenchInstances: config.CATALOG_SWE_BENCH_URL,
        livebenchTable: config.CATALOG_LIVEBENCH_TABLE_URL,
        livebenchCategories: config.CATALOG_LIVEBENCH_CATEGORIES_URL,
        livebench20250530Table: config.CATALOG_LIVEBENCH_2025_05_30_TABLE_URL,
        livebench20250530Categories: config.CATALOG_LIVEBENCH_2025_05_30_CATEGORIES_URL,
        livebench20240726Table: config.CATALOG_LIVEBENCH_2024_07_26_TABLE_URL,
        livebench20240726Categories: config.CATALOG_LIVEBENCH_2024_07_26_CATEGORIES_URL,
        nytConnectionsReadme: config.CATALOG_NYT_CONNECTIONS_URL,
        vectaraReadme: config.CATALOG_VECTARA_URL,
        vectaraOldDatasetReadme: config.CATALOG_VECTARA_OLD_DATASET_URL,
        bullshitBenchLeaderboard: config.CATALOG_BULLSHIT_BENCH_URL,
      },
    });
    console.log(describeQualitySync(quality));
    return 0;
  } catch (error) {
    if (isSourceUnavailable(error)) {
      console.error(error.message);
      return EXIT_SOURCE_UNAVAILABLE;
    }
    console.error(error instanceof AppError ? error.message : error);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
